package io.perftest.stats;

import org.apache.commons.math3.special.Beta;

/**
 * The two-sided two-sample Student t-test with pooled variance, computed from the groups'
 * summary statistics (as SciPy's {@code ttest_ind_from_stats} with {@code equal_var=True}).
 * The p-value comes from the regularized incomplete beta function, so it stays accurate far
 * into the tail (p = 1e-30 is not rounded to 0).
 */
public final class StudentTTest {

    private StudentTTest() {
    }

    /** The test's outcome: the t statistic, the degrees of freedom and the two-sided p-value. */
    public record Result(double t, int degreesOfFreedom, double pValue) {
    }

    /**
     * Tests whether two groups given by their sizes, means and standard deviations have the same
     * mean. The deviations are used as given in the pooled variance; Apache Otava passes
     * population deviations, and so does the change-point detector, for exact agreement.
     * With fewer than three values in all ({@code n1 + n2 - 2 < 1}) the p-value is 1.
     * Equal means with zero variance give p = 1; different means with zero variance give p = 0.
     */
    public static Result fromStatistics(int n1, double mean1, double sd1, int n2, double mean2, double sd2) {
        int df = n1 + n2 - 2;
        if (n1 < 1 || n2 < 1 || df < 1) {
            return new Result(0, Math.max(df, 0), 1.0);
        }
        double pooled = ((n1 - 1) * sd1 * sd1 + (n2 - 1) * sd2 * sd2) / df;
        double denominator = Math.sqrt(pooled * (1.0 / n1 + 1.0 / n2));
        double difference = mean1 - mean2;
        if (!(denominator > 0)) {
            return difference == 0 || Double.isNaN(difference)
                    ? new Result(0, df, 1.0)
                    : new Result(Math.copySign(Double.POSITIVE_INFINITY, difference), df, 0.0);
        }
        double t = difference / denominator;
        return new Result(t, df, twoSidedPValue(t, df));
    }

    /** P(|T| >= |t|) for Student's t distribution with {@code df} degrees of freedom. */
    public static double twoSidedPValue(double t, int df) {
        if (Double.isNaN(t)) {
            return 1.0;
        }
        if (Double.isInfinite(t)) {
            return 0.0;
        }
        double x = df / (df + t * t);
        return Math.min(1.0, Beta.regularizedBeta(x, 0.5 * df, 0.5));
    }

    /** The test on raw samples, with sample standard deviations (n - 1): the textbook Student t-test. */
    public static Result of(double[] a, double[] b) {
        return fromStatistics(a.length, mean(a), sampleStddev(a), b.length, mean(b), sampleStddev(b));
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return v.length == 0 ? Double.NaN : s / v.length;
    }

    private static double sampleStddev(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = mean(v);
        double s = 0;
        for (double d : v) {
            s += (d - m) * (d - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
