package io.perftest.chart;

/**
 * One host's line on a time-series chart: the host's name and its points, times in seconds since
 * the start of the test (negative before it). The arrays are shared, not copied: a series of a
 * 24-hour run is large, and the chart only reads it.
 */
public record HostSeries(String host, double[] times, double[] values) {

    public HostSeries {
        if (times.length != values.length) {
            throw new IllegalArgumentException(host + ": " + times.length + " times but " + values.length + " values");
        }
    }
}
