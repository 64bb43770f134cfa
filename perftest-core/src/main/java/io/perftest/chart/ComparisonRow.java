package io.perftest.chart;

/**
 * One metric of a comparison: the baseline's and the candidate's value with their intervals
 * (NaN when unknown) in the metric's unit, and whether the change is a regression (drawn in the
 * warning colour).
 */
public record ComparisonRow(String metric, String unit, double baseline, double baselineLow, double baselineHigh,
                            double candidate, double candidateLow, double candidateHigh, boolean regression) {

    /** A row known by its two values only. */
    public static ComparisonRow of(String metric, String unit, double baseline, double candidate, boolean regression) {
        return new ComparisonRow(metric, unit, baseline, Double.NaN, Double.NaN, candidate, Double.NaN, Double.NaN,
                regression);
    }

    /** {@code candidate / baseline - 1}; NaN when the baseline is 0 or unknown. */
    public double relativeChange() {
        return baseline == 0 || !Double.isFinite(baseline) ? Double.NaN : candidate / baseline - 1;
    }
}
