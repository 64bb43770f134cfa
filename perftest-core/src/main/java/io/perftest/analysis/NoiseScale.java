package io.perftest.analysis;

import java.util.Arrays;

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

    /** The median absolute deviation from the median; reorders a copy, not {@code values}. */
    static double medianAbsoluteDeviation(double[] values) {
        double[] v = values.clone();
        double median = median(v);
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.abs(v[i] - median);
        }
        return median(v);
    }

    /** The median of {@code v}, which it reorders (selection in expected linear time, not a sort). */
    static double median(double[] v) {
        int n = v.length;
        if (n <= 8) {
            Arrays.sort(v);
            return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        }
        double upper = select(v, n / 2);
        if (n % 2 == 1) {
            return upper;
        }
        double lower = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n / 2; i++) {
            lower = Math.max(lower, v[i]);
        }
        return (lower + upper) / 2;
    }

    /** The k-th smallest of {@code v} (0-based), leaving smaller values before it (Hoare's selection, median-of-three pivots). */
    private static double select(double[] v, int k) {
        int lo = 0;
        int hi = v.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            double a = v[lo];
            double b = v[mid];
            double c = v[hi];
            double pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (v[i] < pivot) {
                    i++;
                }
                while (v[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = v[i];
                    v[i] = v[j];
                    v[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return v[k];
            }
        }
        return v[k];
    }
}
