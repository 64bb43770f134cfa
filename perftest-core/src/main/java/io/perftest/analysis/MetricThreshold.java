package io.perftest.analysis;

import io.perftest.model.Metric;
import io.perftest.model.RunSummary;
import io.perftest.model.ThresholdOutcome;
import io.perftest.model.Unit;
import io.perftest.model.Verdict;

import java.util.Optional;

/**
 * A limit on one statistic of a metric: {@code KEY [STAT] OP BOUND}, where the bound is a number
 * with an optional unit (converted into the metric's unit) or relative to the same statistic of
 * the baseline run: {@code baseline}, {@code baseline * F}, {@code baseline + N [unit|%]},
 * {@code baseline - N [unit|%]}. Without a baseline a relative bound is not evaluated and passes,
 * saying so; a metric missing from the run fails, so that a misspelt key is noticed.
 *
 * @param factor  the baseline's multiplier (1 without {@code *})
 * @param offset  the number added to the (multiplied) baseline; a share of it when {@code percent}
 * @param unit    the unit of {@code limit} or {@code offset}; {@link Unit#NONE} when not written
 */
public record MetricThreshold(String text, Verdict severity, String key, MetricStatistic statistic,
                              Comparison operator, boolean relative, double limit, double factor, double offset,
                              boolean percent, Unit unit) implements Threshold {

    /** The comparison operators. */
    public enum Comparison {
        LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public boolean holds(double left, double right) {
            return switch (this) {
                case LT -> left < right;
                case LE -> left <= right;
                case GT -> left > right;
                case GE -> left >= right;
                case EQ -> left == right;
                case NE -> left != right;
            };
        }
    }

    @Override
    public ThresholdOutcome evaluate(RunSummary run, Optional<RunSummary> baseline, Optional<RunComparison> comparison) {
        Optional<Metric> found = run.metric(key);
        if (found.isEmpty()) {
            return outcome(false, null, "metric " + key + " is not in this run"
                    + run.resembling(key).map(m -> " (did you mean " + m.key() + "?)").orElse(""));
        }
        Metric metric = found.get();
        double observed = statistic.of(metric);
        if (Double.isNaN(observed)) {
            return outcome(false, null, key + " has no " + statistic.label() + " in this run");
        }
        double bound;
        String boundText;
        if (relative) {
            Optional<Metric> reference = baseline.flatMap(b -> b.metric(key));
            if (reference.isEmpty()) {
                return outcome(true, observed, baseline.isEmpty() ? "no baseline: not evaluated"
                        : "not in the baseline: not evaluated");
            }
            double base = statistic.of(reference.get());
            double scaled = base * factor;
            double add = percent ? scaled * offset / 100 : convert(offset, metric.unit());
            bound = scaled + add;
            boundText = number(bound) + unitOf(metric) + " (baseline " + number(base) + unitOf(metric) + ")";
        } else {
            if (!unit.isCompatibleWith(metric.unit())) {
                return outcome(false, observed, key + " is in " + metric.unit().symbol() + ", which cannot be compared with "
                        + unit.symbol());
            }
            bound = convert(limit, metric.unit());
            boundText = number(bound) + unitOf(metric);
        }
        boolean holds = operator.holds(observed, bound);
        String statName = statistic == MetricStatistic.VALUE ? "" : " " + statistic.label();
        return outcome(holds, observed, key + statName + " = " + number(observed) + unitOf(metric) + ", "
                + (holds ? "" : "not ") + operator.symbol() + " " + boundText);
    }

    private double convert(double value, Unit target) {
        return unit == Unit.NONE || unit.symbol().isEmpty() ? value : unit.convert(value, target);
    }

    private ThresholdOutcome outcome(boolean passed, Double observed, String message) {
        return new ThresholdOutcome(text, severity, passed, observed, message);
    }

    private static String unitOf(Metric m) {
        return m.unit().symbol().isEmpty() ? "" : " " + m.unit().symbol();
    }

    static String number(double v) {
        return RunComparison.number(v);
    }

    @Override
    public String toString() {
        return text;
    }
}
