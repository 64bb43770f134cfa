package io.perftest.chart;

/** Points of a line for display: {@code x} and {@code y} of equal length. The arrays are owned by this value. */
public record XyPoints(double[] x, double[] y) {

    public XyPoints {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " x values but " + y.length + " y values");
        }
    }

    public int size() {
        return x.length;
    }

    /** {@code {x, y}}, the form JFreeChart's {@code DefaultXYDataset} takes. */
    double[][] asDatasetArray() {
        return new double[][] {x, y};
    }
}
