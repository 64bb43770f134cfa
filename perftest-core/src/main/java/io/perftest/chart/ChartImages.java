package io.perftest.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.graphics2d.svg.SVGGraphics2D;

import javax.imageio.ImageIO;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Draws a chart as a PNG (Jenkins pages, e-mail, the HTML reports) or as SVG (vector, for pages
 * that scale). Never needs a display: AWT is switched to headless mode before first use.
 */
public final class ChartImages {

    static {
        Headless.ensure();
    }

    private ChartImages() {
    }

    /** The chart as PNG bytes. */
    public static byte[] png(JFreeChart chart, ChartSize size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            writePng(chart, size, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes the chart as PNG to {@code out} (not closed). */
    public static void writePng(JFreeChart chart, ChartSize size, OutputStream out) throws IOException {
        BufferedImage image = chart.createBufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_RGB, null);
        // ImageIO's default deflate level: the strongest one costs about twice the drawing time for some 10% less size
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer in this Java runtime");
        }
    }

    /** The chart as a standalone SVG document ({@code <svg ...>...</svg>}). */
    public static String svg(JFreeChart chart, ChartSize size) {
        SVGGraphics2D g2 = new SVGGraphics2D(size.width(), size.height());
        chart.draw(g2, new Rectangle(0, 0, size.width(), size.height()));
        return g2.getSVGElement();
    }
}
