package io.perftest.stats;

/** The median by selection (Hoare's quickselect), in linear time, without sorting. */
public final class Median {

    private Median() {
    }

    /** The median of {@code values} (not modified); NaN when empty. */
    public static double of(double[] values) {
        return ofInPlace(values.clone(), values.length);
    }

    /** The median of the first {@code n} values of {@code work}, which it reorders. */
    static double ofInPlace(double[] work, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        int mid = n / 2;
        double upper = select(work, 0, n - 1, mid);
        if (n % 2 == 1) {
            return upper;
        }
        double lower = work[0];
        for (int i = 1; i < mid; i++) {
            lower = Math.max(lower, work[i]);
        }
        return (lower + upper) / 2;
    }

    /** Rearranges {@code a[lo..hi]} so that {@code a[k]} holds the k-th smallest, smaller ones before it. */
    private static double select(double[] a, int lo, int hi, int k) {
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            double pivot = medianOfThree(a[lo], a[mid], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static double medianOfThree(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
