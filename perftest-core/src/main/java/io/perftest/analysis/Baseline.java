package io.perftest.analysis;

import io.perftest.model.BaselineChoice;
import io.perftest.model.RunSummary;

import java.util.Optional;

/** The baseline chosen for a run: what was chosen and why ({@link BaselineChoice}, recorded in run.json) and its metrics, if any run qualified. */
public record Baseline(BaselineChoice choice, Optional<RunSummary> summary) {

    public static Baseline none(String policy, String note) {
        return new Baseline(BaselineChoice.none(policy, note), Optional.empty());
    }
}
