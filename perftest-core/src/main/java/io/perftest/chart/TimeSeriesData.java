package io.perftest.chart;

import java.util.List;

/**
 * What a time-series chart shows: one quantity ({@code metric}, {@code unit}) on several hosts,
 * the test's start and end (seconds since the start, so {@code testStart} is usually 0;
 * NaN when unknown) and events such as trigger firings.
 */
public record TimeSeriesData(String title, String metric, String unit, List<HostSeries> hosts, double testStart,
                             double testEnd, List<ChartEvent> events) {

    public TimeSeriesData {
        hosts = List.copyOf(hosts);
        events = List.copyOf(events);
        unit = unit == null ? "" : unit;
    }
}
