package io.perftest.run;

import io.perftest.analysis.Judgement;
import io.perftest.model.RunStatus;
import io.perftest.model.RunSummary;
import io.perftest.model.Verdict;
import io.perftest.store.RunDirectory;
import io.perftest.store.RunRecord;

import java.util.Optional;

/** What a run produced: its directory, its final record (run.json), its metrics, and the judgement if it completed. */
public record RunOutcome(RunDirectory directory, RunRecord record, RunSummary summary, Optional<Judgement> judgement) {

    public RunStatus status() {
        return record.status();
    }

    public Verdict verdict() {
        return record.verdict();
    }
}
