package io.perftest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.perftest.analysis.ChangePointDetector;
import io.perftest.analysis.ChangePointSettings;
import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.RunSummary;
import io.perftest.model.Unit;
import io.perftest.report.TrendReport;
import io.perftest.store.RunDirectory;
import io.perftest.store.RunRecord;
import io.perftest.store.TestHistory;
import org.junit.Assume;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The three reports of real runs open in headless Chromium without any network request, console
 * error or script, and their charts are present and drawn (pixels vary). Screenshots go to
 * {@code target/screenshots/} (the ones in {@code docs/images/} come from here).
 * Skipped when chromium is not installed ({@code apt-get install chromium}).
 */
public class ReportsInBrowserTest {

    static final String HOSTILE = "<script>alert(1)</script>a\"b&c";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void shouldOpenRunComparisonAndTrendReportsWithoutRequestsOrErrorsAndDrawEveryChart() throws Exception {
        Optional<Path> chromium = HeadlessChromium.find();
        Assume.assumeTrue("chromium is not installed (apt-get install chromium): browser check skipped", chromium.isPresent());
        Path results = tmp.newFolder("results").toPath();
        for (int i = 0; i < 2; i++) {
            Cli.Result r = Cli.run("run", Cli.EXAMPLES.resolve("quickstart/small.yaml").toString(), "-p", "duration=1",
                    "--results-dir", results.toString());
            assertEquals(r.err(), 0, r.exitCode());
        }
        Path history = results.resolve("quickstart").resolve("small");
        Cli.Result report = Cli.run("report", history.resolve("2").toString());
        assertEquals(report.err(), 0, report.exitCode());
        Path runPage = history.resolve("2").resolve("report.html");
        Path comparePage = results.resolve("compare.html");
        Cli.Result compare = Cli.run("compare", history.resolve("1").toString(), history.resolve("2").toString(),
                "--html", comparePage.toString());
        assertEquals(compare.err(), 0, compare.exitCode());
        assertTrue(compare.out().contains("HTML report: " + comparePage));
        injectSteppedRuns(history, 3, 12, 8);
        Path cliTrendPage = results.resolve("trend-cli.html");
        Cli.Result trendCli = Cli.run("trend", history.toString(), "--html", cliTrendPage.toString());
        assertEquals(trendCli.err(), 0, trendCli.exitCode());
        assertTrue("perftest trend --html writes the page", Files.readString(cliTrendPage).contains("Trend of quickstart / small"));
        Path trendPage = results.resolve("trend.html");
        TestHistory tests = new TestHistory(history);
        List<String> chosen = List.of("results.throughput", "results.latency_p95", HOSTILE);
        List<io.perftest.analysis.MetricTrend> all = new io.perftest.analysis.TrendAnalysis(
                new ChangePointDetector(ChangePointSettings.DEFAULT)).trends(tests, chosen, skipped -> { });
        TrendReport.write(tests, chosen.stream().flatMap(k -> all.stream().filter(t -> t.key().equals(k))).toList(), trendPage);

        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        try (HeadlessChromium browser = new HeadlessChromium(chromium.get(), tmp.newFolder("profile").toPath())) {
            check(browser.visit(runPage, 1000), shots, "report-run", 2);
            check(browser.visit(comparePage, 1000), shots, "report-comparison", 2);
            HeadlessChromium.PageVisit trend = browser.visit(trendPage, 1000);
            check(trend, shots, "report-trend", 3);
            assertTrue("the hostile name shows as text", trend.facts().get("text").asText().contains(HOSTILE));
        }
    }

    @Test
    public void shouldRunAFlameGraphsOwnScriptsUnderItsPagePolicyAndRefuseAnInsertedOne() throws Exception {
        // given a real flame graph (async-profiler's converter, as the perf collector writes it)
        Optional<Path> chromium = HeadlessChromium.find();
        Assume.assumeTrue("chromium is not installed (apt-get install chromium): browser check skipped", chromium.isPresent());
        Path folded = tmp.newFile("perf.folded").toPath();
        Files.writeString(folded, "main;work;compute 40\nmain;work;io 10\nmain;idle 5\n");
        one.convert.Arguments args = new one.convert.Arguments();
        args.title = "flame";
        one.convert.FlameGraph graph = new one.convert.FlameGraph(args);
        try (java.io.Reader in = Files.newBufferedReader(folded)) {
            graph.parseCollapsed(in);
        }
        java.io.ByteArrayOutputStream page = new java.io.ByteArrayOutputStream();
        graph.dump(page);
        String html = page.toString(java.nio.charset.StandardCharsets.UTF_8);
        String policy = io.perftest.report.PagePolicy.of(html);
        Path served = tmp.newFile("served.html").toPath();
        Path tampered = tmp.newFile("tampered.html").toPath();
        Files.writeString(served, withPolicy(html, policy));
        Files.writeString(tampered, withPolicy(html.replace("</body>", "<script>document.title = 'injected';</script></body>"), policy));

        try (HeadlessChromium browser = new HeadlessChromium(chromium.get(), tmp.newFolder("profile").toPath())) {
            // when
            HeadlessChromium.PageVisit ok = browser.visit(served, 1000);
            HeadlessChromium.PageVisit refused = browser.visit(tampered, 1000);

            // then the page's own scripts ran (the policy lists their hashes), the inserted one did not
            assertEquals("console errors " + ok.consoleErrors(), List.of(), ok.consoleErrors());
            assertTrue(ok.facts().get("scripts").asInt() >= 2);
            assertTrue("the inserted script is refused: " + refused.consoleErrors(),
                    refused.consoleErrors().stream().anyMatch(e -> e.contains("Content Security Policy")));
        }
    }

    /** The page with its policy in force, as the Jenkins action serves it in a header (frame-ancestors is header-only). */
    private static String withPolicy(String html, String policy) {
        String meta = policy.replace("; frame-ancestors 'self'", "");
        return html.replaceFirst("(?i)<head>", "<head><meta http-equiv=\"Content-Security-Policy\" content=\"" + meta + "\">");
    }

    private static void check(HeadlessChromium.PageVisit visit, Path shots, String name, int minCharts) throws Exception {
        Files.write(shots.resolve(name + ".png"), visit.screenshot());
        BufferedImage page = ImageIO.read(new ByteArrayInputStream(visit.screenshot()));
        ImageIO.write(page.getSubimage(0, 0, page.getWidth(), Math.min(page.getHeight(), 1400)), "png",
                shots.resolve(name + "-top.png").toFile());
        for (String url : visit.requests()) {
            assertTrue(name + ": only the page itself and inline images load, not " + url,
                    url.startsWith("file:") || url.startsWith("data:"));
        }
        assertEquals(name + ": console errors " + visit.consoleErrors(), List.of(), visit.consoleErrors());
        assertEquals(name + ": no script in the page", 0, visit.facts().get("scripts").asInt());
        JsonNode images = visit.facts().get("images");
        assertTrue(name + ": at least " + minCharts + " charts, found " + images.size(), images.size() >= minCharts);
        for (JsonNode img : images) {
            String alt = img.get("alt").asText();
            assertTrue(name + ": chart '" + alt + "' decoded", img.get("complete").asBoolean() && img.get("naturalWidth").asInt() > 0);
            int x = img.get("x").asInt();
            int y = img.get("y").asInt();
            int w = Math.min(img.get("width").asInt(), page.getWidth() - x);
            int h = Math.min(img.get("height").asInt(), page.getHeight() - y);
            assertTrue(name + ": chart '" + alt + "' visible", w > 100 && h > 100);
            assertTrue(name + ": chart '" + alt + "' is not blank", colours(page, x, y, w, h) > 20);
        }
    }

    private static int colours(BufferedImage image, int x0, int y0, int w, int h) {
        Set<Integer> seen = new HashSet<>();
        for (int y = y0; y < y0 + h; y += 2) {
            for (int x = x0; x < x0 + w; x += 2) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

    /** Copies run 2 as runs {@code from..to}, throughput 30% lower from run {@code step} on, plus a metric with a hostile name. */
    private static void injectSteppedRuns(Path history, int from, int to, int step) throws Exception {
        RunDirectory template = new RunDirectory(history.resolve("2"));
        RunRecord record = template.readRecord();
        RunSummary summary = template.readSummary().orElseThrow();
        for (int n = from; n <= to; n++) {
            RunDirectory run = new RunDirectory(Files.createDirectories(history.resolve(Integer.toString(n))));
            run.writeRecord(record.toBuilder().number(n).id(record.framework() + "/" + record.test() + "/" + n).build());
            List<Metric> metrics = new ArrayList<>();
            double factor = (n >= step ? 0.7 : 1.0) * (1 + 0.01 * Math.sin(n));
            for (Metric m : summary.metrics()) {
                double v = m.key().equals("results.throughput") ? m.value() * factor : m.value();
                metrics.add(Metric.of(m.key(), m.unit(), m.direction(), v * 0.99, v, v * 1.01));
            }
            metrics.add(Metric.of(HOSTILE, Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, n));
            run.writeSummary(RunSummary.of(metrics));
        }
    }
}
