package io.perftest.analysis;

import io.perftest.model.MetricKey;
import io.perftest.model.RunSummary;
import io.perftest.model.ThresholdOutcome;
import io.perftest.model.Verdict;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code no regression [in KEY]}: no metric (or the named one, or those a glob such as
 * {@code results.*} matches) is {@link ChangeVerdict#REGRESSED} in the comparison with the
 * baseline. The observed value is the number of regressed metrics. Without a baseline it
 * passes, saying so.
 */
public record NoRegressionThreshold(String text, Verdict severity, Optional<String> key) implements Threshold {

    @Override
    public ThresholdOutcome evaluate(RunSummary run, Optional<RunSummary> baseline, Optional<RunComparison> comparison) {
        if (comparison.isEmpty()) {
            return new ThresholdOutcome(text, severity, true, null, "no baseline: not evaluated");
        }
        Predicate<String> selected = key.map(NoRegressionThreshold::matcher).orElse(k -> true);
        List<MetricComparison> regressed = comparison.get().withVerdict(ChangeVerdict.REGRESSED).stream()
                .filter(m -> selected.test(m.key())).toList();
        if (key.isPresent() && comparison.get().metrics().stream().noneMatch(m -> selected.test(m.key()))) {
            return new ThresholdOutcome(text, severity, false, null, "metric " + key.get() + " is not in this run"
                    + run.resembling(key.get()).map(m -> " (did you mean " + m.key() + "?)").orElse(""));
        }
        String message = regressed.isEmpty() ? "no regression"
                : "regressed: " + regressed.stream()
                        .map(m -> m.key() + " " + RunComparison.percent(m.change()))
                        .collect(Collectors.joining(", "));
        return new ThresholdOutcome(text, severity, regressed.isEmpty(), (double) regressed.size(), message);
    }

    /**
     * Exact key, or a glob where '*' stands for any characters ({@code results.*}, {@code sar.cpu.*.user});
     * a '*' inside a quoted label is the character itself ({@code jmeter."a*b".count}).
     */
    static Predicate<String> matcher(String key) {
        StringBuilder regex = new StringBuilder();
        int literalFrom = 0;
        for (int i = 0; i < key.length(); ) {
            char c = key.charAt(i);
            if (c == '"') {
                i = quotedEnd(key, i);
            } else {
                if (c == '*') {
                    regex.append(Pattern.quote(key.substring(literalFrom, i))).append(".*");
                    literalFrom = i + 1;
                }
                i++;
            }
        }
        if (literalFrom == 0) {
            return key::equals;
        }
        Pattern p = Pattern.compile(regex.append(Pattern.quote(key.substring(literalFrom))).toString());
        return k -> p.matcher(k).matches();
    }

    private static int quotedEnd(String key, int at) {
        try {
            return MetricKey.endOfQuoted(key, at);
        } catch (MetricKey.BadQuote e) {
            return at + 1; // ThresholdParser refuses such a key; here it is read as plain characters
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
