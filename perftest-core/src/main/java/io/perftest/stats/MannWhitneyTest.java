package io.perftest.stats;

import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * The Mann-Whitney U (Wilcoxon rank-sum) test of two independent samples, by Apache Commons
 * Math: no assumption of normality, robust to the outliers that performance samples have.
 */
public final class MannWhitneyTest {

    private MannWhitneyTest() {
    }

    /**
     * The two-sided p-value (normal approximation, ties ranked by their average) that {@code a}
     * and {@code b} come from the same distribution. Both need at least one value; when every
     * value is equal the p-value is 1.
     */
    public static double pValue(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("Mann-Whitney U needs values on both sides, got " + a.length + " and " + b.length);
        }
        double p = new MannWhitneyUTest().mannWhitneyUTest(a, b);
        return Double.isNaN(p) ? 1.0 : Math.min(1.0, p); // the normal approximation can round above 1
    }
}
