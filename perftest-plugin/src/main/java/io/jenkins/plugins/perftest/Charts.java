package io.jenkins.plugins.perftest;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The JFreeChart 1.0.19 charts of the pages (the version core bundles): a metric's trend across
 * builds with its change points marked, and a time series of a run.
 *
 * <p>INTEGRATION POINT: the core's renderers ({@code io.perftest.chart}) are written in parallel;
 * when they are on main these two methods delegate to them so the CLI's HTML reports and the
 * Jenkins pages draw the same charts.
 */
final class Charts {

    private static final Color CHANGE_POINT = new Color(0xd2, 0x4b, 0x2a);

    private Charts() {
    }

    /** A point of a trend: the build number and the metric's value in it. */
    record Point(int build, double value) {
    }

    static JFreeChart trend(String key, String unit, List<Point> points, List<Integer> changePoints) {
        XYSeries series = new XYSeries(key);
        for (Point p : points) {
            series.add(p.build(), p.value());
        }
        JFreeChart chart = ChartFactory.createXYLineChart(null, Messages.Charts_Build(), unit.isEmpty() ? key : key + " (" + unit + ")",
                new XYSeriesCollection(series), PlotOrientation.VERTICAL, false, false, false);
        XYPlot plot = chart.getXYPlot();
        for (int build : changePoints) {
            ValueMarker marker = new ValueMarker(build, CHANGE_POINT, new BasicStroke(2f));
            marker.setLabel("#" + build);
            plot.addDomainMarker(marker);
        }
        return chart;
    }

    static JFreeChart series(String title, String unit, double[] times, double[] values) {
        XYSeries series = new XYSeries(title, false, true);
        int n = Math.min(times.length, values.length);
        double t0 = n > 0 ? times[0] : 0;
        for (int i = 0; i < n; i++) {
            series.add(times[i] - t0, values[i]);
        }
        return ChartFactory.createXYLineChart(title, Messages.Charts_Seconds(), unit, new XYSeriesCollection(series),
                PlotOrientation.VERTICAL, false, false, false);
    }
}
