package io.perftest.analysis;

import io.perftest.stats.StudentTTest;

/**
 * Prefix sums of a series (shifted by its first value, which keeps integer data exact and
 * limits cancellation), so that the mean and population deviation of any segment, and the
 * t-test between two adjacent segments, cost O(1). Linear memory, no n x n matrix.
 */
final class SegmentMoments {

    private final double shift;
    private final double[] sum;
    private final double[] sumOfSquares;

    SegmentMoments(double[] series) {
        int n = series.length;
        shift = n == 0 ? 0 : series[0];
        sum = new double[n + 1];
        sumOfSquares = new double[n + 1];
        for (int i = 0; i < n; i++) {
            double d = series[i] - shift;
            sum[i + 1] = sum[i] + d;
            sumOfSquares[i + 1] = sumOfSquares[i] + d * d;
        }
    }

    double mean(int from, int to) {
        return (sum[to] - sum[from]) / (to - from) + shift;
    }

    /** The population standard deviation (divisor n) of {@code [from, to)}; 0 for one point. */
    double stddev(int from, int to) {
        int n = to - from;
        if (n < 2) {
            return 0;
        }
        double s = sum[to] - sum[from];
        double variance = (sumOfSquares[to] - sumOfSquares[from] - s * s / n) / n;
        return variance > 0 ? Math.sqrt(variance) : 0;
    }

    /** The change point at {@code index} between the segments {@code [from, index)} and {@code [index, to)}. */
    ChangePoint changePoint(int from, int index, int to) {
        double m1 = mean(from, index);
        double m2 = mean(index, to);
        double s1 = stddev(from, index);
        double s2 = stddev(index, to);
        double p = StudentTTest.fromStatistics(index - from, m1, s1, to - index, m2, s2).pValue();
        return new ChangePoint(index, m1, m2, s1, s2, p);
    }

    /** Only the p-value of {@link #changePoint}. */
    double pValue(int from, int index, int to) {
        return StudentTTest.fromStatistics(index - from, mean(from, index), stddev(from, index),
                to - index, mean(index, to), stddev(index, to)).pValue();
    }
}
