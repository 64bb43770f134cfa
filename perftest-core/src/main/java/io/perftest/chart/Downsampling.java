package io.perftest.chart;

/**
 * Reduces a long series to a few points per pixel for display with largest-triangle-three-buckets
 * (Steinarsson, 2013): the first and last points are kept, the rest is cut into equal buckets and
 * from each the point that forms the largest triangle with its neighbours' picks is kept, so
 * peaks and dips survive. Runs in O(n); the input arrays are never modified (the raw series stays
 * in the run; only the picture is reduced). Points whose x or y is not finite are dropped.
 */
public final class Downsampling {

    private Downsampling() {
    }

    /**
     * At most {@code threshold} points of ({@code x}, {@code y}); {@code x} ascending. A
     * threshold below 3, or a series no longer than it, keeps every finite point.
     */
    public static XyPoints lttb(double[] x, double[] y, int threshold) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " x values but " + y.length + " y values");
        }
        XyPoints finite = finite(x, y);
        int n = finite.size();
        if (threshold < 3 || n <= threshold) {
            return finite;
        }
        double[] fx = finite.x();
        double[] fy = finite.y();
        double[] ox = new double[threshold];
        double[] oy = new double[threshold];
        double every = (double) (n - 2) / (threshold - 2);
        int a = 0;
        ox[0] = fx[0];
        oy[0] = fy[0];
        for (int i = 0; i < threshold - 2; i++) {
            int nextStart = (int) Math.floor((i + 1) * every) + 1;
            int nextEnd = Math.min((int) Math.floor((i + 2) * every) + 1, n);
            double avgX = 0;
            double avgY = 0;
            for (int j = nextStart; j < nextEnd; j++) {
                avgX += fx[j];
                avgY += fy[j];
            }
            int span = Math.max(1, nextEnd - nextStart);
            avgX /= span;
            avgY /= span;
            int start = (int) Math.floor(i * every) + 1;
            int end = (int) Math.floor((i + 1) * every) + 1;
            double maxArea = -1;
            int pick = start;
            for (int j = start; j < end; j++) {
                double area = Math.abs((fx[a] - avgX) * (fy[j] - fy[a]) - (fx[a] - fx[j]) * (avgY - fy[a]));
                if (area > maxArea) {
                    maxArea = area;
                    pick = j;
                }
            }
            ox[i + 1] = fx[pick];
            oy[i + 1] = fy[pick];
            a = pick;
        }
        ox[threshold - 1] = fx[n - 1];
        oy[threshold - 1] = fy[n - 1];
        return new XyPoints(ox, oy);
    }

    private static XyPoints finite(double[] x, double[] y) {
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                n++;
            }
        }
        double[] fx = new double[n];
        double[] fy = new double[n];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                fx[k] = x[i];
                fy[k] = y[i];
                k++;
            }
        }
        return new XyPoints(fx, fy);
    }
}
