package io.perftest.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.util.List;

/**
 * Baseline against candidate, one row per metric: each value with its interval, as a percentage
 * of the baseline's value so that metrics of different units share one axis. The candidate of a
 * regressed metric is drawn in the warning colour. At most {@link ChartSize#MAX_ROWS} rows a chart
 * (size {@link ChartSize#forRows}); split longer lists.
 */
public final class ComparisonChart {

    private static final double OFFSET = 0.17;

    static {
        Headless.ensure();
    }

    private ComparisonChart() {
    }

    public static JFreeChart create(String title, String baselineLabel, String candidateLabel, List<ComparisonRow> rows) {
        if (rows.size() > ChartSize.MAX_ROWS) {
            throw new IllegalArgumentException(rows.size() + " rows; a comparison chart takes at most "
                    + ChartSize.MAX_ROWS + " (split the list)");
        }
        // unsorted, so that item i of the candidate series is the i-th value added (the regression flags follow that order)
        XYIntervalSeries base = new XYIntervalSeries(baselineLabel, false, true);
        XYIntervalSeries cand = new XYIntervalSeries(candidateLabel, false, true);
        String[] names = new String[rows.size()];
        boolean[] regression = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            ComparisonRow r = rows.get(i);
            int row = rows.size() - 1 - i; // the first metric at the top
            names[row] = ChartStyle.shorten(r.metric(), 34) + (r.unit().isBlank() ? "" : " (" + ChartStyle.shorten(r.unit(), 8) + ")");
            double b = r.baseline();
            if (!Double.isFinite(b) || b == 0) {
                continue;
            }
            base.add(100, pct(r.baselineLow(), b, 100), pct(r.baselineHigh(), b, 100), row + OFFSET, row + OFFSET, row + OFFSET);
            double c = pct(r.candidate(), b, Double.NaN);
            if (Double.isFinite(c)) {
                cand.add(c, pct(r.candidateLow(), b, c), pct(r.candidateHigh(), b, c), row - OFFSET, row - OFFSET, row - OFFSET);
                regression[cand.getItemCount() - 1] = r.regression();
            }
        }
        XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
        dataset.addSeries(base);
        dataset.addSeries(cand);
        XYErrorRenderer renderer = new XYErrorRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int series, int item) {
                return series == 1 && item < regression.length && regression[item] ? Palette.WARNING : super.getItemPaint(series, item);
            }
        };
        renderer.setDrawYError(false);
        renderer.setDrawXError(true);
        renderer.setErrorStroke(ChartStyle.LINE);
        renderer.setCapLength(6);
        renderer.setBaseLinesVisible(false);
        renderer.setSeriesPaint(0, Palette.SKY_BLUE);
        renderer.setSeriesPaint(1, Palette.BLUE);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        renderer.setSeriesShape(1, ChartStyle.BOX_SHAPE);
        NumberAxis x = new NumberAxis("% of the baseline's value (bars: interval)");
        x.setAutoRangeIncludesZero(false);
        SymbolAxis y = new SymbolAxis(null, names);
        y.setGridBandsVisible(false);
        y.setRange(-0.6, Math.max(rows.size(), 1) - 0.4);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        plot.addDomainMarker(new org.jfree.chart.plot.ValueMarker(100, Palette.BLACK, ChartStyle.DASHED));
        ChartStyle.addLegendItems(plot,
                ChartStyle.legendItem("regression", ChartStyle.BOX_SHAPE, Palette.WARNING, false, null));
        return ChartStyle.apply(new JFreeChart(title, ChartStyle.TITLE, plot, true));
    }

    private static double pct(double v, double baseline, double fallback) {
        return Double.isFinite(v) ? v / baseline * 100 : fallback;
    }
}
