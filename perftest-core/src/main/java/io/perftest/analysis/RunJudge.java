package io.perftest.analysis;

import io.perftest.model.BaselineChoice;
import io.perftest.model.RunSpec;
import io.perftest.model.RunSummary;
import io.perftest.model.Verdict;
import io.perftest.store.TestHistory;

import java.io.IOException;
import java.util.List;

/**
 * The Collate stage's judgement of a run: its baseline from the test's history, the comparison
 * with it, the thresholds' outcomes and the verdict. The engine calls it once per completed run.
 */
public interface RunJudge {

    /** Judges nothing: no baseline, no thresholds, verdict passed. */
    RunJudge NONE = (spec, summary, history, number) ->
            new Judgement(BaselineChoice.none(spec.baseline(), "not evaluated"), List.of(), Verdict.PASSED, List.of());

    /**
     * @param spec    the run's spec (thresholds, baseline policy)
     * @param summary the run's metrics
     * @param history the test's earlier runs (this run's directory is in it, not yet final)
     * @param number  this run's number, to exclude it from baselines
     */
    Judgement judge(RunSpec spec, RunSummary summary, TestHistory history, int number) throws IOException;
}
