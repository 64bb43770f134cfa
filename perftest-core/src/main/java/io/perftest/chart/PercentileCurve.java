package io.perftest.chart;

import java.util.Arrays;

/** One run's latency percentiles: {@code percentiles} (e.g. 50, 90, 99, 99.9) and their values, in one unit. */
public record PercentileCurve(String label, double[] percentiles, double[] values) {

    public PercentileCurve {
        if (percentiles.length != values.length) {
            throw new IllegalArgumentException(label + ": " + percentiles.length + " percentiles but " + values.length + " values");
        }
        percentiles = percentiles.clone();
        values = values.clone();
    }

    @Override
    public double[] percentiles() {
        return percentiles.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PercentileCurve c && c.label.equals(label) && Arrays.equals(c.percentiles, percentiles)
                && Arrays.equals(c.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * label.hashCode() + Arrays.hashCode(percentiles) * 17 + Arrays.hashCode(values);
    }
}
