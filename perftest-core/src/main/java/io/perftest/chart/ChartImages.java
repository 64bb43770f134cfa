package io.perftest.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.graphics2d.svg.SVGGraphics2D;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * Draws a chart as a PNG (Jenkins pages, e-mail, the HTML reports) or as SVG (vector, for pages
 * that scale). Never needs a display: AWT is switched to headless mode before first use.
 */
public final class ChartImages {

    static {
        Headless.ensure();
    }

    /** ImageIO's PNG quality: 0 is the strongest deflate, 1 none. */
    private static final float COMPRESSION_QUALITY = 0.0f;

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
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("no PNG writer in this Java runtime");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (param.canWriteCompressed()) {
                // smaller pages; the deflate level costs little next to drawing the chart
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(COMPRESSION_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /** The chart as a standalone SVG document ({@code <svg ...>...</svg>}). */
    public static String svg(JFreeChart chart, ChartSize size) {
        SVGGraphics2D g2 = new SVGGraphics2D(size.width(), size.height());
        chart.draw(g2, new Rectangle(0, 0, size.width(), size.height()));
        return g2.getSVGElement();
    }
}
