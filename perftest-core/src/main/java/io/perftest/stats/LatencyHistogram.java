package io.perftest.stats;

import org.HdrHistogram.IntCountsHistogram;

import java.util.Arrays;

/**
 * Whole-number observations (e.g. response times in ms) with their count, mean, min, max,
 * standard deviation and percentiles, in memory that does not grow with the number of
 * observations. The first {@value #EXACT_LIMIT} values are kept exactly, so percentiles of small
 * sample sets are exact (nearest rank); beyond that they move into an HdrHistogram with
 * {@value #SIGNIFICANT_DIGITS} significant digits (relative error at most 0.1%), which
 * resizes to the largest value seen. Count, mean, min, max and standard deviation stay exact.
 * Not thread-safe; histograms of separate threads or labels {@link #add(LatencyHistogram) merge}.
 */
public final class LatencyHistogram {

    /** Observations kept exactly before switching to the histogram. */
    public static final int EXACT_LIMIT = 2048;

    /** Significant decimal digits of the histogram. */
    public static final int SIGNIFICANT_DIGITS = 3;

    private long[] exact = new long[16];
    private int exactCount;
    private IntCountsHistogram histogram;
    private long count;
    private double sum;
    private double sumSquares;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;

    /**
     * Records one observation.
     *
     * @throws IllegalArgumentException if {@code value} is negative (the caller reports the line)
     */
    public void record(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative value " + value);
        }
        count++;
        sum += value;
        sumSquares += (double) value * value;
        if (value < min) {
            min = value;
        }
        if (value > max) {
            max = value;
        }
        if (histogram != null) {
            histogram.recordValue(value);
            return;
        }
        if (exactCount == exact.length) {
            if (exactCount >= EXACT_LIMIT) {
                switchToHistogram();
                histogram.recordValue(value);
                return;
            }
            exact = Arrays.copyOf(exact, exact.length * 2);
        }
        exact[exactCount++] = value;
    }

    private void switchToHistogram() {
        histogram = new IntCountsHistogram(SIGNIFICANT_DIGITS);
        histogram.setAutoResize(true);
        for (int i = 0; i < exactCount; i++) {
            histogram.recordValue(exact[i]);
        }
        exact = null;
        exactCount = 0;
    }

    /** Adds every observation of {@code other} to this one. */
    public void add(LatencyHistogram other) {
        if (other.count == 0) {
            return;
        }
        if (histogram != null || other.histogram != null || exactCount + other.exactCount > EXACT_LIMIT) {
            if (histogram == null) {
                switchToHistogram();
            }
            if (other.histogram != null) {
                histogram.add(other.histogram);
            } else {
                for (int i = 0; i < other.exactCount; i++) {
                    histogram.recordValue(other.exact[i]);
                }
            }
        } else {
            if (exact.length < exactCount + other.exactCount) {
                exact = Arrays.copyOf(exact, Math.max(exact.length * 2, exactCount + other.exactCount));
            }
            System.arraycopy(other.exact, 0, exact, exactCount, other.exactCount);
            exactCount += other.exactCount;
        }
        count += other.count;
        sum += other.sum;
        sumSquares += other.sumSquares;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    public long count() {
        return count;
    }

    /** Whether percentiles are exact (all observations are still kept). */
    public boolean isExact() {
        return histogram == null;
    }

    public double sum() {
        return sum;
    }

    public double mean() {
        return count == 0 ? Double.NaN : sum / count;
    }

    public double min() {
        return count == 0 ? Double.NaN : min;
    }

    public double max() {
        return count == 0 ? Double.NaN : max;
    }

    /** The sample standard deviation (n - 1); 0 for one observation, NaN for none. */
    public double stddev() {
        if (count == 0) {
            return Double.NaN;
        }
        if (count == 1) {
            return 0;
        }
        double mean = sum / count;
        double var = (sumSquares - count * mean * mean) / (count - 1);
        return Math.sqrt(Math.max(0, var));
    }

    /**
     * The value at {@code percentile} (0 to 100) by the nearest-rank method: the smallest
     * observation with at least that share of observations at or below it. Exact while
     * {@link #isExact()}; otherwise the histogram's value (within 0.1%), never above {@link #max()}.
     */
    public double percentile(double percentile) {
        if (percentile < 0 || percentile > 100) {
            throw new IllegalArgumentException("percentile " + percentile + " is not within 0..100");
        }
        if (count == 0) {
            return Double.NaN;
        }
        if (histogram != null) {
            return Math.min(max, Math.max(min, histogram.getValueAtPercentile(percentile)));
        }
        long[] sorted = Arrays.copyOf(exact, exactCount);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * exactCount);
        return sorted[Math.max(0, Math.min(exactCount - 1, rank - 1))];
    }

    /** Bytes this histogram holds, roughly (for the memory bound's tests). */
    public long estimatedFootprintBytes() {
        return histogram != null ? histogram.getEstimatedFootprintInBytes() : 8L * (exact == null ? 0 : exact.length) + 64;
    }
}
