package io.perftest.report;

import io.perftest.chart.ComparisonRow;

import io.perftest.analysis.ComparisonSettings;
import io.perftest.analysis.MetricComparison;
import io.perftest.analysis.RunComparator;
import io.perftest.analysis.RunComparison;
import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.RunSummary;
import io.perftest.model.Statistics;
import org.apache.commons.math3.distribution.TDistribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One metric of two runs as the reports show it: the baseline's and the candidate's median with
 * a 95% confidence interval of the mean where there are at least two samples (for the bars of the
 * chart), the relative change of the medians, and the verdict and q-value of perftest's
 * comparison ({@link RunComparator}: bootstrap interval of the ratio, Mann-Whitney U,
 * Benjamini-Hochberg across the run, noise threshold), so a report says what {@code perftest
 * compare} says.
 */
public record MetricChange(String key, String unit, Direction direction, double baseline, double baselineLow,
                           double baselineHigh, double candidate, double candidateLow, double candidateHigh,
                           double relativeChange, double pValue, Change change) {

    /** How a metric changed from the baseline to the candidate. */
    public enum Change { BETTER, WORSE, SAME, ONLY_IN_BASELINE, ONLY_IN_CANDIDATE }

    /** Every metric of either run, in key order, judged with the default comparison settings. */
    /**
     * The rows of the comparison chart ({@code perftest compare --html}, the run report, the Jenkins
     * compare page): every change whose two values are finite and whose baseline is not zero.
     */
    public static List<ComparisonRow> chartRows(List<MetricChange> changes) {
        List<ComparisonRow> rows = new java.util.ArrayList<>();
        for (MetricChange c : changes) {
            if (Double.isFinite(c.baseline()) && Double.isFinite(c.candidate()) && c.baseline() != 0) {
                rows.add(new ComparisonRow(c.key(), c.unit(), c.baseline(), c.baselineLow(), c.baselineHigh(),
                        c.candidate(), c.candidateLow(), c.candidateHigh(), c.regression()));
            }
        }
        return rows;
    }

    public static List<MetricChange> compare(RunSummary baseline, RunSummary candidate) {
        RunComparison comparison = new RunComparator(ComparisonSettings.DEFAULT).compare(baseline, candidate);
        List<MetricChange> out = new ArrayList<>();
        for (MetricComparison mc : comparison.metrics()) {
            Optional<Metric> b = baseline.metric(mc.key());
            Optional<Metric> c = candidate.metric(mc.key());
            if (b.isEmpty()) {
                out.add(only(c.orElseThrow(), Change.ONLY_IN_CANDIDATE));
            } else if (c.isEmpty()) {
                out.add(only(b.get(), Change.ONLY_IN_BASELINE));
            } else {
                out.add(of(b.get(), c.get(), mc));
            }
        }
        out.sort(java.util.Comparator.comparing(MetricChange::key));
        return out;
    }

    static MetricChange of(Metric base, Metric cand, MetricComparison mc) {
        double b = base.value();
        double c = cand.unit().isCompatibleWith(base.unit()) ? cand.unit().convert(cand.value(), base.unit()) : Double.NaN;
        double[] bi = interval(base.samples().values());
        double[] ci = interval(convert(cand, base));
        Change change = switch (mc.verdict()) {
            case IMPROVED -> Change.BETTER;
            case REGRESSED -> Change.WORSE;
            default -> Change.SAME;
        };
        double p = Double.isNaN(mc.qValue()) ? mc.pValue() : mc.qValue();
        return new MetricChange(base.key(), base.unit().symbol(), base.direction(), b, bi[0], bi[1], c, ci[0], ci[1],
                mc.change(), p, change);
    }

    private static MetricChange only(Metric m, Change change) {
        double[] i = interval(m.samples().values());
        boolean base = change == Change.ONLY_IN_BASELINE;
        return new MetricChange(m.key(), m.unit().symbol(), m.direction(), base ? m.value() : Double.NaN, base ? i[0] : Double.NaN,
                base ? i[1] : Double.NaN, base ? Double.NaN : m.value(), base ? Double.NaN : i[0], base ? Double.NaN : i[1],
                Double.NaN, Double.NaN, change);
    }

    private static double[] convert(Metric cand, Metric base) {
        double[] v = cand.samples().values();
        if (!cand.unit().isCompatibleWith(base.unit())) {
            return new double[0];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = cand.unit().convert(v[i], base.unit());
        }
        return v;
    }

    /** The 95% confidence interval of the mean (Student t); NaN bounds with fewer than two values. */
    static double[] interval(double[] values) {
        if (values.length < 2) {
            return new double[] {Double.NaN, Double.NaN};
        }
        Statistics s = Statistics.of(values);
        double t = new TDistribution(values.length - 1).inverseCumulativeProbability(0.975);
        double half = t * s.stddev() / Math.sqrt(values.length);
        return new double[] {s.mean() - half, s.mean() + half};
    }

    public boolean regression() {
        return change == Change.WORSE;
    }
}
