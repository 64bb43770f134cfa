package io.perftest.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** Latency percentiles (p50 ... p99.9) of two or more runs on one chart, one line per run. */
public final class PercentileChart {

    static {
        Headless.ensure();
    }

    private PercentileChart() {
    }

    public static JFreeChart create(String title, String quantity, String unit, List<PercentileCurve> curves) {
        TreeSet<Double> all = new TreeSet<>();
        for (PercentileCurve c : curves) {
            for (double p : c.percentiles()) {
                all.add(p);
            }
        }
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (double p : all) {
            for (PercentileCurve c : curves) {
                dataset.addValue(null, c.label(), label(p));
            }
        }
        for (PercentileCurve c : curves) {
            double[] ps = c.percentiles();
            double[] vs = c.values();
            for (int i = 0; i < ps.length; i++) {
                dataset.setValue(Double.isFinite(vs[i]) ? vs[i] : null, c.label(), label(ps[i]));
            }
        }
        LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
        for (int i = 0; i < curves.size(); i++) {
            renderer.setSeriesPaint(i, Palette.series(i));
            renderer.setSeriesStroke(i, ChartStyle.LINE);
        }
        CategoryAxis x = new CategoryAxis("percentile");
        NumberAxis y = new NumberAxis(ChartStyle.axisLabel(quantity, unit));
        CategoryPlot plot = new CategoryPlot(dataset, x, y, renderer);
        return ChartStyle.apply(new JFreeChart(title, ChartStyle.TITLE, plot, true));
    }

    /** {@code 50} as {@code p50}, {@code 99.9} as {@code p99.9}. */
    public static String label(double percentile) {
        return percentile == Math.rint(percentile) ? "p" + (long) percentile
                : "p" + String.format(Locale.ROOT, "%s", percentile).replaceAll("0+$", "");
    }
}
