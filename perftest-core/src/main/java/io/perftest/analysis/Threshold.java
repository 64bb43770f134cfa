package io.perftest.analysis;

import io.perftest.model.RunSummary;
import io.perftest.model.ThresholdOutcome;
import io.perftest.model.Verdict;

import java.util.Optional;

/**
 * A condition a run must meet, parsed from text by {@link ThresholdParser}: a limit on a metric
 * ({@code results.latency_p95 < 250 ms}), a bound relative to the baseline
 * ({@code results.throughput >= baseline * 0.95}) or {@code no regression}; with the severity
 * it has when it does not hold ({@link Verdict#FAILED} or {@link Verdict#UNSTABLE}).
 */
public sealed interface Threshold permits MetricThreshold, NoRegressionThreshold {

    /** The expression as written. */
    String text();

    /** The verdict the run gets when this threshold does not hold. */
    Verdict severity();

    /**
     * Evaluates the threshold on a run.
     *
     * @param run        the run's metrics
     * @param baseline   the baseline's metrics, if there is a baseline
     * @param comparison the run compared with the baseline, if there is a baseline
     */
    ThresholdOutcome evaluate(RunSummary run, Optional<RunSummary> baseline, Optional<RunComparison> comparison);
}
