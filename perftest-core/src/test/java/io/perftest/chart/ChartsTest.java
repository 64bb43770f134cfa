package io.perftest.chart;

import org.jfree.chart.JFreeChart;
import org.junit.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

public class ChartsTest {

    /** Renders to PNG, keeps a copy under target/charts for people to look at, and returns the decoded image. */
    static BufferedImage render(JFreeChart chart, ChartSize size, String name) throws IOException {
        byte[] png = ChartImages.png(chart, size);
        Path dir = Path.of("target", "charts");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), png);
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    /** How many distinct colours the image has: a blank image has one. */
    static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

    /** Whether some pixel has exactly this colour. */
    static boolean hasColour(BufferedImage image, java.awt.Color c) {
        int rgb = c.getRGB();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }

    static TrendData stepTrend(int runs) {
        TrendData.Builder b = TrendData.builder("results.latency_p95", "ms");
        java.util.Random random = new java.util.Random(7);
        for (int r = 1; r <= runs; r++) {
            double level = r < runs / 2 ? 100 : 125;
            double[] samples = {level + random.nextGaussian() * 2, level + random.nextGaussian() * 2, level + random.nextGaussian() * 2};
            double med = io.perftest.model.Statistics.of(samples).median();
            RunMark mark = r == 3 ? RunMark.FAILED : r == runs - 1 ? RunMark.UNSTABLE : RunMark.PASSED;
            b.point(new TrendPoint(r, med, samples, med - 3, med + 3, mark));
        }
        return b.change(new TrendChange(runs / 2, 0.25, true)).threshold(new ThresholdLine("< 130 ms", 130)).build();
    }

    @Test
    public void shouldDrawTrendWithChangePointAndThresholdInTheStandardSize() throws IOException {
        BufferedImage image = render(TrendChart.create(stepTrend(20)), ChartSize.STANDARD, "trend");

        assertEquals(800, image.getWidth());
        assertEquals(400, image.getHeight());
        assertTrue("a drawn chart has many colours", colours(image) > 20);
        assertTrue("the regression's change point is drawn in the warning colour", hasColour(image, Palette.WARNING));
        assertTrue("the threshold line is drawn", hasColour(image, Palette.REDDISH_PURPLE));
    }

    @Test
    public void shouldDrawTimeSeriesOfSeveralHostsEachInItsOwnColour() throws IOException {
        List<HostSeries> hosts = new ArrayList<>();
        for (int h = 0; h < 3; h++) {
            double[] t = new double[3600];
            double[] v = new double[3600];
            for (int i = 0; i < t.length; i++) {
                t[i] = i - 60;
                v[i] = 40 + 10 * h + 5 * Math.sin(i / 100.0 + h);
            }
            hosts.add(new HostSeries("host-" + h, t, v));
        }
        TimeSeriesData data = new TimeSeriesData("sar.cpu.all.user", "sar.cpu.all.user", "%", hosts, 0, 3400,
                List.of(new ChartEvent(1800, "sar.cpu.all.user > 55 for 10s")));

        BufferedImage image = render(TimeSeriesChart.create(data), ChartSize.STANDARD, "timeseries");

        assertTrue(hasColour(image, Palette.series(0)));
        assertTrue(hasColour(image, Palette.series(1)));
        assertTrue(hasColour(image, Palette.series(2)));
        assertTrue("the trigger firing is marked", hasColour(image, Palette.WARNING));
    }

    @Test
    public void shouldDrawRegressedCandidateInTheWarningColourOnly() throws IOException {
        List<ComparisonRow> rows = List.of(
                new ComparisonRow("results.latency_p95", "ms", 20, 19, 21, 26, 25, 27, true),
                new ComparisonRow("results.throughput", "MB/s", 100, 97, 103, 101, 99, 104, false));
        List<ComparisonRow> calm = List.of(rows.get(1));

        BufferedImage regressed = render(ComparisonChart.create("run 4 against run 3", "baseline #3", "candidate #4", rows),
                ChartSize.forRows(rows.size()), "comparison");
        BufferedImage notRegressed = render(ComparisonChart.create("no change", "baseline #3", "candidate #4", calm),
                ChartSize.forRows(1), "comparison-calm");

        assertEquals(ChartSize.forRows(2).height(), regressed.getHeight());
        // the legend always shows the warning swatch, so count its pixels: the regressed row adds more
        assertTrue(count(regressed, Palette.WARNING) > count(notRegressed, Palette.WARNING) + 20);
        assertTrue("the regressed latency (at 130%, right of the plot) is the one in the warning colour",
                count(regressed.getSubimage(560, 0, 240, regressed.getHeight() - 40), Palette.WARNING) > 20);
        assertEquals("the unchanged throughput (at 101%) is not", 0,
                count(regressed.getSubimage(200, 0, 300, regressed.getHeight() - 40), Palette.WARNING));
    }

    @Test
    public void shouldDrawPercentilesOfTwoRuns() throws IOException {
        double[] ps = {50, 90, 95, 99, 99.9};
        JFreeChart chart = PercentileChart.create("latency percentiles", "latency", "ms", List.of(
                new PercentileCurve("baseline #3", ps, new double[] {10, 14, 16, 25, 40}),
                new PercentileCurve("candidate #4", ps, new double[] {11, 15, 18, 31, 55})));

        BufferedImage image = render(chart, ChartSize.STANDARD, "percentiles");

        assertTrue(hasColour(image, Palette.series(0)));
        assertTrue(hasColour(image, Palette.series(1)));
        assertEquals("p99.9", PercentileChart.label(99.9));
        assertEquals("p50", PercentileChart.label(50));
    }

    @Test
    public void shouldWriteSvgWithTheTitleEscaped() {
        TrendData data = TrendData.builder("<script>alert(1)</script>", "ms").point(TrendPoint.of(1, 3, RunMark.PASSED))
                .point(TrendPoint.of(2, 4, RunMark.PASSED)).build();

        String svg = ChartImages.svg(TrendChart.create(data), ChartSize.STANDARD);

        assertTrue(svg.startsWith("<svg"));
        assertFalse(svg.contains("<script>"));
        assertTrue(svg.contains("&lt;script&gt;"));
    }

    static int count(BufferedImage image, java.awt.Color c) {
        int rgb = c.getRGB();
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
