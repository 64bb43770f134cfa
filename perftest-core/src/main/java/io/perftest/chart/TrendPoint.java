package io.perftest.chart;

/**
 * One run in a trend: its number, its representative value (the median of its samples), its
 * samples (empty when only the value is known), the confidence interval of its value when known
 * ({@code low}/{@code high} NaN otherwise) and how the run ended.
 */
public record TrendPoint(int run, double value, double[] samples, double low, double high, RunMark mark) {

    public TrendPoint {
        samples = samples == null ? new double[0] : samples.clone();
        mark = mark == null ? RunMark.PASSED : mark;
    }

    /** A run known by its value only. */
    public static TrendPoint of(int run, double value, RunMark mark) {
        return new TrendPoint(run, value, new double[0], Double.NaN, Double.NaN, mark);
    }

    public boolean hasInterval() {
        return Double.isFinite(low) && Double.isFinite(high);
    }

    @Override
    public double[] samples() {
        return samples.clone();
    }
}
