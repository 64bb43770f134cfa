package io.perftest.analysis;

import io.perftest.model.BaselineChoice;
import io.perftest.model.ThresholdOutcome;
import io.perftest.model.Verdict;

import java.util.List;

/**
 * The outcome of {@link RunJudge}: the baseline used, each threshold's outcome, the verdict, and
 * lines for people (the comparison table) that the command line prints at the end of a run.
 */
public record Judgement(BaselineChoice baseline, List<ThresholdOutcome> thresholds, Verdict verdict, List<String> report) {

    public Judgement {
        thresholds = List.copyOf(thresholds);
        report = List.copyOf(report);
    }
}
