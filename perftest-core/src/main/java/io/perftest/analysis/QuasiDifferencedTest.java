package io.perftest.analysis;

import org.apache.commons.math3.distribution.FDistribution;

/**
 * The significance of a change at {@code c} inside {@code y[a, b)}, robust to a trend and to
 * autocorrelated noise: a regression with AR(1) errors, fitted by quasi-differencing
 * ({@code y_t - rho y_(t-1)}, Cochrane and Orcutt 1949) with {@code rho} chosen on a grid to fit the
 * null model best (0 for independent noise, 1 for a random walk).
 * <ul>
 *   <li>null model: one straight line over {@code [a, b)};</li>
 *   <li>alternative: the line plus a jump at {@code c}, and a change of slope at {@code c} when both
 *       sides have at least {@link #KINK_MIN_POINTS} points.</li>
 * </ul>
 * The p-value is that of the F test of the extra terms. On a smooth trend the line explains the
 * data, on a random walk {@code rho} near 1 turns a level shift into one increment among many
 * alike: neither gives a significant change; a step in independent noise does.
 *
 * <p>The cross products of (regressors, value) with their lagged selves are summed once per test,
 * so that every {@code rho} of the grid costs a 5 x 5 update, not a pass over the data.
 */
final class QuasiDifferencedTest {

    /** Fewest points on each side of a change for a change of slope to be part of the alternative. */
    static final int KINK_MIN_POINTS = 5;

    private static final double[] RHOS = {0, 0.2, 0.4, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1};
    private static final int DIM = 5;

    private final double[] a = new double[DIM * DIM];
    private final double[] b = new double[DIM * DIM];
    private final double[] c = new double[DIM * DIM];
    private final double[] m = new double[DIM * DIM];
    private final double[] work = new double[DIM * DIM];
    private final double[] v = new double[DIM];
    private final double[] previous = new double[DIM];

    /** The p-value of a change at {@code at} in {@code y[from, to)}; 1 when there are too few points to say. */
    double pValue(double[] y, int from, int at, int to) {
        int n = to - from;
        boolean kink = Math.min(at - from, to - at) >= KINK_MIN_POINTS;
        int p = kink ? 4 : 3;
        if (n - 1 - p - 1 < 1) {
            return 1;
        }
        accumulate(y, from, at, to, p);
        int yIndex = p;
        double bestRss0 = Double.POSITIVE_INFINITY;
        double bestRho = 0;
        for (double rho : RHOS) {
            combine(rho, p + 1);
            double rss = residual(2, yIndex);
            if (rss < bestRss0) {
                bestRss0 = rss;
                bestRho = rho;
            }
        }
        combine(bestRho, p + 1);
        double total = m[yIndex * DIM + yIndex];
        double rss0 = residual(2, yIndex);
        int rank0 = lastRank;
        double rss1 = residual(p, yIndex);
        int rank1 = lastRank;
        int q = rank1 - rank0;
        int df2 = (n - 1) - rank1 - 1;
        if (q < 1 || df2 < 1) {
            return 1;
        }
        double tiny = 1e-12 * Math.max(total, Double.MIN_NORMAL);
        if (rss1 <= tiny) {
            return rss0 > tiny ? 0 : 1;
        }
        double f = ((rss0 - rss1) / q) / (rss1 / df2);
        if (!(f > 0)) {
            return 1;
        }
        return 1 - new FDistribution(null, q, df2).cumulativeProbability(f);
    }

    /** Sums v_t v_t', v_t v_(t-1)' and v_(t-1) v_(t-1)' over t in (from, to), v = (1, s, step, kink, y) centred and scaled. */
    private void accumulate(double[] y, int from, int at, int to, int p) {
        java.util.Arrays.fill(a, 0);
        java.util.Arrays.fill(b, 0);
        java.util.Arrays.fill(c, 0);
        int n = to - from;
        double centre = 0;
        for (int t = from; t < to; t++) {
            centre += y[t];
        }
        centre /= n;
        double scale = 0;
        for (int t = from; t < to; t++) {
            scale = Math.max(scale, Math.abs(y[t] - centre));
        }
        if (scale == 0) {
            scale = 1;
        }
        int d = p + 1;
        fill(previous, y, from, at, n, p, centre, scale);
        for (int t = from + 1; t < to; t++) {
            fill(v, y, t, at, n, p, centre, scale);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    a[i * DIM + j] += v[i] * v[j];
                    b[i * DIM + j] += v[i] * previous[j];
                    c[i * DIM + j] += previous[i] * previous[j];
                }
            }
            System.arraycopy(v, 0, previous, 0, d);
        }
    }

    private static void fill(double[] out, double[] y, int t, int at, int n, int p, double centre, double scale) {
        double s = (double) (t - at) / n;
        out[0] = 1;
        out[1] = s;
        out[2] = t >= at ? 1 : 0;
        if (p == 4) {
            out[3] = t >= at ? s : 0;
        }
        out[p] = (y[t] - centre) / scale;
    }

    /** m = a - rho (b + b') + rho^2 c: the cross products of the quasi-differenced (regressors, value). */
    private void combine(double rho, int d) {
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                m[i * DIM + j] = a[i * DIM + j] - rho * (b[i * DIM + j] + b[j * DIM + i]) + rho * rho * c[i * DIM + j];
            }
        }
    }

    private int lastRank;

    /**
     * The residual sum of squares of the value (index {@code yIndex}) regressed on the first {@code k}
     * regressors of {@code m}, by Gaussian elimination that drops a regressor whose pivot vanishes
     * (a column made zero by quasi-differencing with rho = 1); sets {@link #lastRank}.
     */
    private double residual(int k, int yIndex) {
        int d = yIndex + 1;
        System.arraycopy(m, 0, work, 0, DIM * DIM);
        int rank = 0;
        for (int i = 0; i < k; i++) {
            double pivot = work[i * DIM + i];
            double norm = Math.max(Math.abs(m[i * DIM + i]), 1e-300);
            if (!(pivot > 1e-10 * norm) || pivot < 1e-14) {
                continue;
            }
            rank++;
            for (int r = i + 1; r < d; r++) {
                double factor = work[r * DIM + i] / pivot;
                if (factor == 0) {
                    continue;
                }
                for (int col = i; col < d; col++) {
                    work[r * DIM + col] -= factor * work[i * DIM + col];
                }
            }
        }
        lastRank = rank;
        // after pivoting on the regressors 0..k-1 only, the value's diagonal is its residual sum of squares
        return Math.max(0, work[yIndex * DIM + yIndex]);
    }
}
