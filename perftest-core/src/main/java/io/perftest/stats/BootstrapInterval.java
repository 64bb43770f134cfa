package io.perftest.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A percentile-bootstrap confidence interval of the ratio of medians of two samples
 * ({@code median(b) / median(a)}): each side is resampled with replacement, independently,
 * {@code resamples} times. Seeded, so the same inputs always give the same interval.
 */
public final class BootstrapInterval {

    /** The interval {@code [low, high]} at the requested confidence. */
    public record Interval(double low, double high, double confidence) {

        public boolean contains(double value) {
            return value >= low && value <= high;
        }
    }

    private final int resamples;
    private final double confidence;

    private BootstrapInterval(int resamples, double confidence) {
        if (resamples < 100) {
            throw new IllegalArgumentException("at least 100 bootstrap resamples are needed, got " + resamples);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        this.resamples = resamples;
        this.confidence = confidence;
    }

    /** A bootstrap of {@code resamples} resamples per side at {@code confidence} (e.g. 0.95). */
    public static BootstrapInterval of(int resamples, double confidence) {
        return new BootstrapInterval(resamples, confidence);
    }

    /**
     * The interval of {@code median(b) / median(a)}. Both samples need at least one value. When
     * a resampled median of {@code a} is 0 the ratio is undefined and the interval is NaN.
     */
    public Interval ratioOfMedians(double[] a, double[] b, long seed) {
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("bootstrap needs values on both sides");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] ratios = new double[resamples];
        double[] sortedA = a.clone();
        double[] sortedB = b.clone();
        Arrays.sort(sortedA);
        Arrays.sort(sortedB);
        int[] countsA = new int[a.length];
        int[] countsB = new int[b.length];
        for (int r = 0; r < resamples; r++) {
            double ma = resampledMedian(sortedA, countsA, random);
            double mb = resampledMedian(sortedB, countsB, random);
            if (ma == 0) {
                return new Interval(Double.NaN, Double.NaN, confidence);
            }
            ratios[r] = mb / ma;
        }
        Arrays.sort(ratios);
        double tail = (1 - confidence) / 2;
        return new Interval(quantile(ratios, tail), quantile(ratios, 1 - tail), confidence);
    }

    /**
     * The median of a resample of {@code sorted} with replacement: n indices are drawn and counted,
     * and the middle order statistics are found by walking the counts, since the k-th smallest of
     * the resample is the value at the k-th smallest drawn index. Linear, no sorting of doubles.
     */
    private static double resampledMedian(double[] sorted, int[] counts, SplittableRandom random) {
        int n = sorted.length;
        Arrays.fill(counts, 0);
        for (int i = 0; i < n; i++) {
            counts[random.nextInt(n)]++;
        }
        int lowRank = (n - 1) / 2; // 0-based ranks of the middle values (equal when n is odd)
        int highRank = n / 2;
        double low = 0;
        boolean lowFound = false;
        int seen = 0;
        for (int i = 0; i < n; i++) {
            seen += counts[i];
            if (!lowFound && seen > lowRank) {
                low = sorted[i];
                lowFound = true;
            }
            if (seen > highRank) {
                return (low + sorted[i]) / 2;
            }
        }
        throw new IllegalStateException("unreachable: the counts add up to n");
    }

    /** The quantile of sorted values with linear interpolation (type 7, as R and NumPy default). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
