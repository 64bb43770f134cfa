package io.perftest.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.ui.RectangleAnchor;
import org.jfree.ui.RectangleEdge;
import org.jfree.ui.RectangleInsets;
import org.jfree.ui.TextAnchor;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;

/** The look every chart shares: white background, light grid, sans-serif fonts sized for 800 px, legend at the bottom. */
final class ChartStyle {

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font MARKER = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    static final Stroke LINE = new BasicStroke(1.6f);
    static final Stroke DASHED = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);
    static final Shape LINE_SHAPE = new Line2D.Double(-7, 0, 7, 0);
    static final Shape BOX_SHAPE = new Rectangle2D.Double(-5, -5, 10, 10);

    static {
        Headless.ensure();
    }

    private ChartStyle() {
    }

    /** Applies the common look to {@code chart}. */
    static JFreeChart apply(JFreeChart chart) {
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(6, 6, 6, 10));
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(TITLE);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(LABEL);
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Palette.GRID);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(Palette.GRID);
            xy.setRangeGridlinePaint(Palette.GRID);
            fonts(xy.getDomainAxis());
            fonts(xy.getRangeAxis());
            padFlatRange(xy);
        } else if (plot instanceof CategoryPlot cp) {
            cp.setDomainGridlinePaint(Palette.GRID);
            cp.setRangeGridlinePaint(Palette.GRID);
            fonts(cp.getDomainAxis());
            fonts(cp.getRangeAxis());
        }
        return chart;
    }

    /**
     * A value axis over data that does not vary (one point, a constant counter) would span a
     * range of nothing and print ten equal ticks in scientific notation; it gets 10% of the value
     * either side instead (or +-1 around 0).
     */
    private static void padFlatRange(XYPlot plot) {
        if (!(plot.getRangeAxis() instanceof org.jfree.chart.axis.NumberAxis axis) || plot.getDataset() == null) {
            return;
        }
        org.jfree.data.Range r = plot.getDataRange(axis);
        if (r == null || !Double.isFinite(r.getLowerBound()) || !Double.isFinite(r.getUpperBound())) {
            return;
        }
        double mid = r.getCentralValue();
        double scale = Math.max(Math.abs(r.getLowerBound()), Math.abs(r.getUpperBound()));
        if (r.getLength() <= scale * 1e-6) {
            double pad = scale == 0 ? 1 : scale * 0.1;
            axis.setAutoRangeMinimumSize(2 * pad);
            axis.setRange(mid - pad, mid + pad);
        }
    }

    private static void fonts(Axis axis) {
        if (axis != null) {
            axis.setLabelFont(LABEL);
            axis.setTickLabelFont(TICK);
        }
    }

    /** An axis label with its unit: {@code latency (ms)}; no parentheses when there is no unit. */
    static String axisLabel(String name, String unit) {
        return unit == null || unit.isBlank() ? name : name + " (" + unit + ")";
    }

    /** A vertical marker line at {@code x} labelled at its top, the label right of the line. */
    static ValueMarker verticalMarker(double x, String label, Paint paint, Stroke stroke) {
        return verticalMarker(x, label, paint, stroke, false);
    }

    /**
     * A vertical marker line at {@code x} labelled at its top; {@code labelLeft} puts the label
     * left of the line (for a marker at the right edge, whose label would be cut off).
     */
    static ValueMarker verticalMarker(double x, String label, Paint paint, Stroke stroke, boolean labelLeft) {
        ValueMarker m = new ValueMarker(x, paint, stroke);
        m.setLabel(shorten(label, 40));
        m.setLabelFont(MARKER);
        m.setLabelPaint(paint);
        m.setLabelAnchor(labelLeft ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(labelLeft ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
        return m;
    }

    /** A horizontal marker line at {@code y} labelled at its right end. */
    static ValueMarker horizontalMarker(double y, String label, Paint paint, Stroke stroke) {
        ValueMarker m = new ValueMarker(y, paint, stroke);
        m.setLabel(shorten(label, 50));
        m.setLabelFont(MARKER);
        m.setLabelPaint(paint);
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        return m;
    }

    /** A legend entry for something drawn without a dataset (markers). */
    static LegendItem legendItem(String label, Shape shape, Paint paint, boolean line, Stroke stroke) {
        if (line) {
            return new LegendItem(label, null, null, null, LINE_SHAPE, paint, stroke, paint);
        }
        return new LegendItem(label, null, null, null, shape, paint);
    }

    /** The plot's legend items followed by {@code extra}. */
    static void addLegendItems(XYPlot plot, LegendItem... extra) {
        LegendItemCollection items = new LegendItemCollection();
        items.addAll(plot.getLegendItems());
        for (LegendItem i : extra) {
            items.add(i);
        }
        plot.setFixedLegendItems(items);
    }

    static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }
}
