package io.perftest.report;

import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.RunSummary;
import io.perftest.model.Statistics;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.inference.TTest;

import java.util.ArrayList;
import java.util.List;

/**
 * One metric of two runs as the reports show it: the baseline's and the candidate's median with
 * a 95% confidence interval of the mean where there are at least two samples, the relative
 * change, the Welch t-test p-value (NaN with fewer than two samples on a side) and whether the
 * change is better, worse or not a change.
 *
 * <p>A change is {@link Change#WORSE} when it goes against the metric's direction and is
 * significant (p &lt; 0.05) or, without samples to test, exceeds {@link #UNTESTED_TOLERANCE}.
 * This is the report's stand-in until {@code io.perftest.analysis}' comparison is available;
 * it then only adapts that comparison.
 */
public record MetricChange(String key, String unit, Direction direction, double baseline, double baselineLow,
                           double baselineHigh, double candidate, double candidateLow, double candidateHigh,
                           double relativeChange, double pValue, Change change) {

    /** The relative change above which a change without samples to test counts. */
    public static final double UNTESTED_TOLERANCE = 0.05;
    static final double ALPHA = 0.05;

    /** How a metric changed from the baseline to the candidate. */
    public enum Change { BETTER, WORSE, SAME, ONLY_IN_BASELINE, ONLY_IN_CANDIDATE }

    /** Every metric of either run, in key order. */
    public static List<MetricChange> compare(RunSummary baseline, RunSummary candidate) {
        List<MetricChange> out = new ArrayList<>();
        for (Metric c : candidate.metrics()) {
            out.add(baseline.metric(c.key()).map(b -> of(b, c)).orElseGet(() -> only(c, Change.ONLY_IN_CANDIDATE)));
        }
        for (Metric b : baseline.metrics()) {
            if (candidate.metric(b.key()).isEmpty()) {
                out.add(only(b, Change.ONLY_IN_BASELINE));
            }
        }
        out.sort(java.util.Comparator.comparing(MetricChange::key));
        return out;
    }

    static MetricChange of(Metric base, Metric cand) {
        double b = base.value();
        double c = cand.unit().isCompatibleWith(base.unit()) ? cand.unit().convert(cand.value(), base.unit()) : Double.NaN;
        double[] bi = interval(base.samples().values());
        double[] ci = interval(convert(cand, base));
        double rel = b == 0 || !Double.isFinite(b) || !Double.isFinite(c) ? Double.NaN : c / b - 1;
        double p = Double.NaN;
        double[] bv = base.samples().values();
        double[] cv = convert(cand, base);
        if (bv.length >= 2 && cv.length >= 2 && (variance(bv) > 0 || variance(cv) > 0)) {
            p = new TTest().tTest(bv, cv);
        }
        Change change = Change.SAME;
        boolean changed = Double.isFinite(p) ? p < ALPHA : Double.isFinite(rel) && Math.abs(rel) > UNTESTED_TOLERANCE;
        if (changed && Double.isFinite(rel) && rel != 0 && base.direction() != Direction.NEUTRAL) {
            boolean up = rel > 0;
            change = up == (base.direction() == Direction.HIGHER_IS_BETTER) ? Change.BETTER : Change.WORSE;
        }
        return new MetricChange(base.key(), base.unit().symbol(), base.direction(), b, bi[0], bi[1], c, ci[0], ci[1], rel, p,
                change);
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

    private static double variance(double[] v) {
        double s = Statistics.of(v).stddev();
        return s * s;
    }

    public boolean regression() {
        return change == Change.WORSE;
    }
}
