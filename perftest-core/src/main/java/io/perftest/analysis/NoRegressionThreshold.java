package io.perftest.analysis;

import io.perftest.model.RunSummary;
import io.perftest.model.ThresholdOutcome;
import io.perftest.model.Verdict;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code no regression [in KEY]}: no metric (or the named one) is {@link ChangeVerdict#REGRESSED}
 * in the comparison with the baseline. The observed value is the number of regressed metrics.
 * Without a baseline it passes, saying so.
 */
public record NoRegressionThreshold(String text, Verdict severity, Optional<String> key) implements Threshold {

    @Override
    public ThresholdOutcome evaluate(RunSummary run, Optional<RunSummary> baseline, Optional<RunComparison> comparison) {
        if (comparison.isEmpty()) {
            return new ThresholdOutcome(text, severity, true, null, "no baseline: not evaluated");
        }
        List<MetricComparison> regressed = comparison.get().withVerdict(ChangeVerdict.REGRESSED).stream()
                .filter(m -> key.isEmpty() || key.get().equals(m.key())).toList();
        if (key.isPresent() && comparison.get().metric(key.get()).isEmpty()) {
            return new ThresholdOutcome(text, severity, false, null, "metric " + key.get() + " is not in this run");
        }
        String message = regressed.isEmpty() ? "no regression"
                : "regressed: " + regressed.stream()
                        .map(m -> m.key() + " " + RunComparison.percent(m.change()))
                        .collect(Collectors.joining(", "));
        return new ThresholdOutcome(text, severity, regressed.isEmpty(), (double) regressed.size(), message);
    }

    @Override
    public String toString() {
        return text;
    }
}
