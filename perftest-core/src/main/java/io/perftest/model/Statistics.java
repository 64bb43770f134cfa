package io.perftest.model;

import java.util.Arrays;

/** Summary statistics of a set of samples. {@code stddev} is the sample standard deviation (n - 1); 0 for one sample. */
public record Statistics(long count, double mean, double median, double min, double max, double stddev) {

    public static final Statistics EMPTY = new Statistics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** Computes the statistics of {@code values} (not modified). */
    public static Statistics of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return EMPTY;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        double mean = sum / n;
        double sq = 0;
        for (double v : sorted) {
            sq += (v - mean) * (v - mean);
        }
        double stddev = n > 1 ? Math.sqrt(sq / (n - 1)) : 0;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Statistics(n, mean, median, sorted[0], sorted[n - 1], stddev);
    }

    /** Coefficient of variation (stddev / |mean|), NaN when undefined. */
    public double coefficientOfVariation() {
        return count > 1 && mean != 0 ? stddev / Math.abs(mean) : Double.NaN;
    }
}
