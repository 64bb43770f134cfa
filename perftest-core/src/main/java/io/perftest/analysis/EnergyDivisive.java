package io.perftest.analysis;

/**
 * E-divisive means (Matteson and James 2014) inside one window, with the Student t-test as its
 * significance test, as Apache Otava runs it: repeatedly take the split that maximises the
 * energy statistic Q over every segment of the window, keep it while its t-test p-value is at
 * most the level, stop at the first that is not.
 *
 * <p>Q of a split of {@code Z} into {@code X = Z[0, tau)} and {@code Y = Z[tau, kappa)} is
 * {@code 2/(m+n) sum|X-Y| - 2m/((m+n)(n-1)) sum_{i<k}|X_i-X_k| - 2n/((m+n)(m-1)) sum_{j<k}|Y_j-Y_k|},
 * maximised over tau and kappa. The pair sums are accumulated column by column, O(L^2) time and
 * O(L) memory for a segment of length L: no distance matrix.
 */
final class EnergyDivisive {

    private final double[] series;
    private final SegmentMoments moments;
    private final double[] within;
    private final double[] leftPairs;

    EnergyDivisive(double[] series, SegmentMoments moments, int maxLength) {
        this.series = series;
        this.moments = moments;
        this.within = new double[maxLength + 1];
        this.leftPairs = new double[maxLength + 1];
    }

    /**
     * The change points of {@code series[from, to)} at level {@code pValue}, absolute and ascending,
     * passed to {@code sink}; returns how many.
     */
    int changePoints(int from, int to, double pValue, java.util.function.IntConsumer sink) {
        // segments in order, as parallel arrays: start, end (exclusive), best split, its Q
        int capacity = Math.max(2, to - from + 1);
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        int[] splits = new int[capacity];
        double[] qs = new double[capacity];
        int count = 1;
        starts[0] = from;
        ends[0] = to;
        evaluate(0, starts, ends, splits, qs);
        int[] found = new int[capacity];
        int foundCount = 0;
        while (true) {
            int best = -1;
            for (int s = 0; s < count; s++) {
                if (splits[s] >= 0 && (best < 0 || qs[s] > qs[best])) {
                    best = s;
                }
            }
            if (best < 0) {
                break;
            }
            int index = splits[best];
            if (!(moments.pValue(starts[best], index, ends[best]) <= pValue)) {
                break;
            }
            found[foundCount++] = index;
            System.arraycopy(starts, best + 1, starts, best + 2, count - best - 1);
            System.arraycopy(ends, best + 1, ends, best + 2, count - best - 1);
            System.arraycopy(splits, best + 1, splits, best + 2, count - best - 1);
            System.arraycopy(qs, best + 1, qs, best + 2, count - best - 1);
            count++;
            starts[best + 1] = index;
            ends[best + 1] = ends[best];
            ends[best] = index;
            evaluate(best, starts, ends, splits, qs);
            evaluate(best + 1, starts, ends, splits, qs);
        }
        java.util.Arrays.sort(found, 0, foundCount);
        for (int i = 0; i < foundCount; i++) {
            sink.accept(found[i]);
        }
        return foundCount;
    }

    private void evaluate(int s, int[] starts, int[] ends, int[] splits, double[] qs) {
        if (ends[s] - starts[s] < 2) {
            splits[s] = -1;
            qs[s] = Double.NEGATIVE_INFINITY;
            return;
        }
        bestSplit(starts[s], ends[s]);
        splits[s] = bestTau;
        qs[s] = bestQ;
    }

    private int bestTau;
    private double bestQ;

    /** The split of {@code [a, b)} (at least 2 points) maximising Q; ties go to the smallest tau, then kappa. */
    private void bestSplit(int a, int b) {
        int length = b - a;
        double[] y = within;
        double[] x = leftPairs;
        double best = Double.NEGATIVE_INFINITY;
        int bestT = -1;
        y[0] = 0;
        x[0] = 0;
        x[1] = 0;
        for (int c = 1; c < length; c++) {
            double zc = series[a + c];
            double acc = 0;
            y[c] = 0;
            for (int t = c - 1; t >= 0; t--) {
                acc += Math.abs(series[a + t] - zc);
                y[t] += acc;
            }
            int kappa = c + 1;
            double total = y[0];
            x[kappa] = total;
            for (int tau = 1; tau <= c; tau++) {
                int m = kappa - tau;
                double left = x[tau];
                double right = y[tau];
                double q = 2.0 / kappa * (total - left - right);
                if (tau > 1) {
                    q -= 2.0 * m / (kappa * (tau - 1.0)) * left;
                }
                if (m > 1) {
                    q -= 2.0 * tau / (kappa * (m - 1.0)) * right;
                }
                if (q > best || q == best && tau < bestT) {
                    best = q;
                    bestT = tau;
                }
            }
        }
        bestTau = a + bestT;
        bestQ = best;
    }
}
