package io.perftest.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The Benjamini-Hochberg correction for the false-discovery rate: when a run has fifty metrics,
 * some are "significant" by chance; the adjusted p-values (q-values) keep the expected share of
 * false discoveries among those called significant below the chosen level.
 */
public final class BenjaminiHochberg {

    private BenjaminiHochberg() {
    }

    /**
     * The adjusted p-values, in the order of {@code pValues}: {@code q(i) = min over j with rank >= rank(i)
     * of p(j) * m / rank(j)}, capped at 1. NaN p-values are left NaN and do not count in m.
     */
    public static double[] adjust(double[] pValues) {
        double[] q = new double[pValues.length];
        Arrays.fill(q, Double.NaN);
        Integer[] order = IntStream.range(0, pValues.length).filter(i -> !Double.isNaN(pValues[i]))
                .boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        int m = order.length;
        double running = 1.0;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            running = Math.min(running, pValues[i] * ((double) m / rank)); // m / rank >= 1 keeps q >= p exactly
            q[i] = Math.min(1.0, running);
        }
        return q;
    }
}
