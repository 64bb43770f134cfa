package io.perftest.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;

import java.util.ArrayList;
import java.util.List;

/**
 * A quantity over the time of a run, one line and one colour per host, the test's start and end
 * as vertical lines and trigger firings as labelled lines in the warning colour. Each host's line
 * is reduced to {@link #POINTS_PER_SERIES} points with {@link Downsampling#lttb} so that a 24-hour
 * series at one sample a second draws in bounded time; the series itself is not changed.
 */
public final class TimeSeriesChart {

    /** Points per line after downsampling: two per pixel of an 800 px chart's plot area. */
    public static final int POINTS_PER_SERIES = 1500;

    static {
        Headless.ensure();
    }

    private TimeSeriesChart() {
    }

    public static JFreeChart create(TimeSeriesData data) {
        double span = span(data);
        TimeScale scale = TimeScale.forSpan(span);
        DefaultXYDataset dataset = new DefaultXYDataset();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        int i = 0;
        for (HostSeries h : data.hosts()) {
            XyPoints p = Downsampling.lttb(h.times(), h.values(), POINTS_PER_SERIES);
            double[] x = p.x();
            for (int k = 0; k < x.length; k++) {
                x[k] = x[k] / scale.seconds;
            }
            String name = h.host().isEmpty() ? "(this run)" : h.host();
            while (dataset.indexOf(name) >= 0) {
                name = name + "'";
            }
            dataset.addSeries(name, new double[][] {x, p.y()});
            renderer.setSeriesPaint(i, Palette.series(i));
            renderer.setSeriesStroke(i, ChartStyle.LINE);
            renderer.setSeriesShapesVisible(i, p.size() == 1);
            i++;
        }
        NumberAxis x = new NumberAxis("time since test start (" + scale.symbol + ")");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(ChartStyle.axisLabel(data.metric(), data.unit()));
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        includeMarkers(x, data, scale);

        List<LegendItem> extra = new ArrayList<>();
        if (Double.isFinite(data.testStart())) {
            plot.addDomainMarker(ChartStyle.verticalMarker(data.testStart() / scale.seconds, "test start",
                    Palette.BLACK, ChartStyle.DASHED));
        }
        if (Double.isFinite(data.testEnd())) {
            plot.addDomainMarker(ChartStyle.verticalMarker(data.testEnd() / scale.seconds, "test end",
                    Palette.BLACK, ChartStyle.DASHED, true));
        }
        if (Double.isFinite(data.testStart()) || Double.isFinite(data.testEnd())) {
            extra.add(ChartStyle.legendItem("test start / end", null, Palette.BLACK, true, ChartStyle.DASHED));
        }
        for (ChartEvent e : data.events()) {
            plot.addDomainMarker(ChartStyle.verticalMarker(e.time() / scale.seconds, e.label(), Palette.WARNING,
                    ChartStyle.LINE));
        }
        if (!data.events().isEmpty()) {
            extra.add(ChartStyle.legendItem("trigger fired", null, Palette.WARNING, true, ChartStyle.LINE));
        }
        ChartStyle.addLegendItems(plot, extra.toArray(new LegendItem[0]));
        return ChartStyle.apply(new JFreeChart(data.title(), ChartStyle.TITLE, plot, true));
    }

    /** Widens the time axis so that the test's start and end are on the chart even when the series start later or end earlier. */
    private static void includeMarkers(NumberAxis x, TimeSeriesData data, TimeScale scale) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (HostSeries h : data.hosts()) {
            for (double t : h.times()) {
                if (Double.isFinite(t)) {
                    lo = Math.min(lo, t);
                    hi = Math.max(hi, t);
                }
            }
        }
        for (double t : new double[] {data.testStart(), data.testEnd()}) {
            if (Double.isFinite(t)) {
                lo = Math.min(lo, t);
                hi = Math.max(hi, t);
            }
        }
        if (Double.isFinite(lo) && hi > lo) {
            double margin = (hi - lo) * 0.02;
            x.setRange((lo - margin) / scale.seconds, (hi + margin) / scale.seconds);
        }
    }

    private static double span(TimeSeriesData data) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (HostSeries h : data.hosts()) {
            if (h.times().length > 0) {
                lo = Math.min(lo, h.times()[0]);
                hi = Math.max(hi, h.times()[h.times().length - 1]);
            }
        }
        return Double.isFinite(lo) ? hi - lo : 0;
    }

    /** The unit of the time axis: seconds for a short run, minutes or hours for a long one. */
    private enum TimeScale {
        SECONDS("s", 1), MINUTES("min", 60), HOURS("h", 3600);

        final String symbol;
        final double seconds;

        TimeScale(String symbol, double seconds) {
            this.symbol = symbol;
            this.seconds = seconds;
        }

        static TimeScale forSpan(double span) {
            return span > 3 * 3600 ? HOURS : span > 15 * 60 ? MINUTES : SECONDS;
        }
    }
}
