package io.perftest.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.util.ShapeUtilities;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The trend of one metric across runs: each run's samples as light points, the line through the
 * runs' medians, the confidence band where runs have an interval, change points as vertical
 * lines labelled with the run and the relative change (regressions in the warning colour),
 * thresholds as horizontal dashed lines, unstable and failed runs with their own symbols.
 */
public final class TrendChart {

    private static final Shape SAMPLE = new Ellipse2D.Double(-2, -2, 4, 4);
    private static final Shape MEDIAN = new Ellipse2D.Double(-3, -3, 6, 6);
    private static final Shape FAILED = ShapeUtilities.createDiagonalCross(5, 1.5f);
    private static final Shape UNSTABLE = ShapeUtilities.createUpTriangle(5);

    static {
        Headless.ensure();
    }

    private TrendChart() {
    }

    public static JFreeChart create(TrendData data) {
        NumberAxis x = new NumberAxis("run");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(ChartStyle.axisLabel(data.metric(), data.unit()));
        y.setAutoRangeIncludesZero(false);

        boolean anyInterval = data.points().stream().anyMatch(TrendPoint::hasInterval);
        YIntervalSeries medians = new YIntervalSeries(anyInterval ? "median with 95% confidence band" : "median");
        medians.setNotify(false);
        for (TrendPoint p : data.points()) {
            if (Double.isFinite(p.value())) {
                medians.add(p.run(), p.value(), p.hasInterval() ? p.low() : p.value(), p.hasInterval() ? p.high() : p.value());
            }
        }
        YIntervalSeriesCollection band = new YIntervalSeriesCollection();
        band.addSeries(medians);
        DeviationRenderer medianRenderer = new DeviationRenderer(true, data.points().size() <= 200);
        medianRenderer.setSeriesPaint(0, Palette.BLUE);
        medianRenderer.setSeriesFillPaint(0, Palette.translucent(Palette.SKY_BLUE, 110));
        medianRenderer.setAlpha(1f);
        medianRenderer.setSeriesStroke(0, ChartStyle.LINE);
        medianRenderer.setSeriesShape(0, MEDIAN);

        XYPlot plot = new XYPlot(band, x, y, medianRenderer);
        int next = 1;

        DefaultXYDataset samples = new DefaultXYDataset();
        List<double[]> sampleXy = new ArrayList<>();
        for (TrendPoint p : data.points()) {
            for (double v : p.samples()) {
                sampleXy.add(new double[] {p.run(), v});
            }
        }
        if (!sampleXy.isEmpty()) {
            samples.addSeries("samples", columns(sampleXy));
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
            r.setSeriesPaint(0, Palette.translucent(Palette.SKY_BLUE, 170));
            r.setSeriesShape(0, SAMPLE);
            plot.setDataset(next, samples);
            plot.setRenderer(next, r);
            next++;
        }

        DefaultXYDataset marks = new DefaultXYDataset();
        List<double[]> unstable = new ArrayList<>();
        List<double[]> failed = new ArrayList<>();
        for (TrendPoint p : data.points()) {
            double v = Double.isFinite(p.value()) ? p.value() : Double.NaN;
            if (p.mark() == RunMark.UNSTABLE && Double.isFinite(v)) {
                unstable.add(new double[] {p.run(), v});
            } else if (p.mark() == RunMark.FAILED && Double.isFinite(v)) {
                failed.add(new double[] {p.run(), v});
            }
        }
        XYLineAndShapeRenderer markRenderer = new XYLineAndShapeRenderer(false, true);
        int m = 0;
        if (!unstable.isEmpty()) {
            marks.addSeries("unstable run", columns(unstable));
            markRenderer.setSeriesPaint(m, Palette.CAUTION);
            markRenderer.setSeriesShape(m, UNSTABLE);
            m++;
        }
        if (!failed.isEmpty()) {
            marks.addSeries("failed run", columns(failed));
            markRenderer.setSeriesPaint(m, Palette.WARNING);
            markRenderer.setSeriesShape(m, FAILED);
        }
        if (marks.getSeriesCount() > 0) {
            plot.setDataset(next, marks);
            plot.setRenderer(next, markRenderer);
        }
        // draw the medians over the samples
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.REVERSE);

        List<LegendItem> extra = new ArrayList<>();
        boolean anyChange = false;
        boolean anyRegression = false;
        for (TrendChange c : data.changes()) {
            plot.addDomainMarker(ChartStyle.verticalMarker(c.run() - 0.5, c.label(),
                    c.regression() ? Palette.WARNING : Palette.BLACK, ChartStyle.DASHED));
            anyChange |= !c.regression();
            anyRegression |= c.regression();
        }
        if (anyChange) {
            extra.add(ChartStyle.legendItem("change point", null, Palette.BLACK, true, ChartStyle.DASHED));
        }
        if (anyRegression) {
            extra.add(ChartStyle.legendItem("regression began", null, Palette.WARNING, true, ChartStyle.DASHED));
        }
        for (ThresholdLine t : data.thresholds()) {
            if (Double.isFinite(t.value())) {
                plot.addRangeMarker(ChartStyle.horizontalMarker(t.value(), t.label(), Palette.REDDISH_PURPLE,
                        ChartStyle.DASHED));
            }
        }
        if (!data.thresholds().isEmpty()) {
            extra.add(ChartStyle.legendItem("threshold", null, Palette.REDDISH_PURPLE, true, ChartStyle.DASHED));
        }
        ChartStyle.addLegendItems(plot, extra.toArray(new LegendItem[0]));
        includeMarkers(y, data);
        return ChartStyle.apply(new JFreeChart(data.title(), ChartStyle.TITLE, plot, true));
    }

    /** Widens the value axis so that threshold lines near the data are visible. */
    private static void includeMarkers(NumberAxis y, TrendData data) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (TrendPoint p : data.points()) {
            for (double v : new double[] {p.value(), p.low(), p.high()}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            for (double v : p.samples()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!Double.isFinite(lo)) {
            return;
        }
        double span = Math.max(hi - lo, Math.abs(hi) * 0.05);
        for (ThresholdLine t : data.thresholds()) {
            // only a threshold within two spans of the data would be noticed; a far one would flatten the trend
            if (Double.isFinite(t.value()) && t.value() > lo - 2 * span && t.value() < hi + 2 * span) {
                lo = Math.min(lo, t.value());
                hi = Math.max(hi, t.value());
            }
        }
        double margin = Math.max((hi - lo) * 0.08, Math.abs(hi) * 0.01 + 1e-12);
        y.setRange(lo - margin, hi + margin);
    }

    static double[][] columns(List<double[]> points) {
        double[][] out = new double[2][points.size()];
        for (int i = 0; i < points.size(); i++) {
            out[0][i] = points.get(i)[0];
            out[1][i] = points.get(i)[1];
        }
        return out;
    }
}
