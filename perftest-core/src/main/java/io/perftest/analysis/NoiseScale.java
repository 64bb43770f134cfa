package io.perftest.analysis;

import io.perftest.stats.Median;

/**
 * Robust noise scales of a series. The scale of successive differences
 * ({@code 1.4826 MAD(x_t - x_(t-1)) / sqrt 2}) is the standard deviation of independent noise,
 * unmoved by shifts of level (a shift is one difference among many) and by a steady drift (it moves
 * the median of the differences, not their spread).
 */
final class NoiseScale {

    /** 1 / Phi^-1(3/4): turns a median absolute deviation into a standard deviation under normality. */
    static final double MAD_TO_SD = 1.4826;

    private NoiseScale() {
    }

    /** The noise standard deviation from successive differences; 0 for fewer than 3 points or constant differences. */
    static double ofDifferences(double[] x) {
        if (x.length < 3) {
            return 0;
        }
        double[] d = new double[x.length - 1];
        for (int i = 0; i < d.length; i++) {
            d[i] = x[i + 1] - x[i];
        }
        return MAD_TO_SD * medianAbsoluteDeviation(d) / Math.sqrt(2);
    }

    /** The median absolute deviation from the median; {@code values} is not modified. */
    static double medianAbsoluteDeviation(double[] values) {
        double[] v = values.clone();
        double median = median(values);
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.abs(v[i] - median);
        }
        return median(v);
    }

    /** The median of {@code v} (by selection, {@link Median}). */
    static double median(double[] v) {
        return Median.of(v);
    }
}
