package io.perftest.report;

import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.RunStatus;
import io.perftest.model.ThresholdOutcome;
import io.perftest.model.TriggerFiring;
import io.perftest.model.Unit;
import io.perftest.model.Verdict;
import io.perftest.store.RunDirectory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

public class RunReportTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String QUOTES = "a\"b&c";

    /** Nothing in the page may load or run anything: no script element, no remote reference, no event handler. */
    static void assertSelfContained(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse("no script element", lower.contains("<script"));
        assertFalse("no remote resource", lower.matches("(?s).*(src|href)=\"(https?:)?//.*"));
        assertFalse("no stylesheet link", lower.contains("<link"));
        assertFalse("no CSS import or url()", lower.contains("@import") || lower.contains("url("));
        assertFalse("no inline event handler", lower.matches("(?s).*<[^>]*\\son[a-z]+=.*"));
        assertTrue("a content security policy", html.contains("default-src 'none'"));
    }

    @Test
    public void shouldShowHostileMetricAndHostNamesAsText() throws Exception {
        Path history = tmp.newFolder("fw", "test").toPath();
        List<Metric> metrics = new ArrayList<>(RunFixtures.typical(1));
        metrics.add(Metric.of(SCRIPT, Unit.parse(QUOTES), Direction.LOWER_IS_BETTER, 1, 2));
        metrics.add(Metric.of(QUOTES, Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, 3));
        RunFixtures.write(history, RunFixtures.Spec.of(1, metrics).host(QUOTES));
        RunDirectory run = RunFixtures.write(history, RunFixtures.Spec.of(2, metrics).host(SCRIPT).baseline(List.of(1))
                .series(List.of(RunFixtures.cpu(SCRIPT, 2, 90, 40), RunFixtures.cpu(QUOTES, 2, 90, 60)))
                .thresholds(List.of(new ThresholdOutcome(SCRIPT + " < 1", Verdict.FAILED, false, 2.0, QUOTES)))
                .triggers(List.of(new TriggerFiring(SCRIPT + " > 50", RunFixtures.START.plusSeconds(7230).toEpochMilli(), 55,
                        List.of(QUOTES))))
                .parameters(java.util.Map.of(SCRIPT, QUOTES)));
        Files.createDirectories(run.hostDirectory(SCRIPT).resolve("perf"));
        Files.writeString(run.hostDirectory(SCRIPT).resolve("perf").resolve("x<y>.txt"), SCRIPT);

        String html = RunReport.render(run, run.path());

        assertSelfContained(html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("a&quot;b&amp;c"));
        assertFalse(html.contains(QUOTES));
    }

    @Test
    public void shouldPutTheVerdictFirstAndTheFailedThresholdWithItsObservedValue() throws Exception {
        Path history = tmp.newFolder("fw", "test").toPath();
        RunDirectory run = RunFixtures.write(history, RunFixtures.Spec.of(1, RunFixtures.typical(1))
                .verdict(RunStatus.COMPLETED, Verdict.FAILED)
                .thresholds(List.of(new ThresholdOutcome("results.latency_p99 < 20 ms", Verdict.FAILED, false, 25.0, "25 ms is not < 20 ms"),
                        new ThresholdOutcome("results.throughput > 50", Verdict.UNSTABLE, true, 100.0, null))));

        String html = RunReport.render(run, run.path());

        int banner = html.indexOf("<div class=\"banner failed\"><strong>FAILED</strong>");
        assertTrue("the verdict banner is there", banner > 0);
        assertTrue("the verdict comes before the thresholds", banner < html.indexOf("id=\"thresholds\""));
        assertTrue(html.contains("1 of 2 thresholds passed"));
        assertTrue(html.contains("<td class=\"fail\">FAIL</td><td>failed</td><td class=\"num\">25</td>"));
    }

    @Test
    public void shouldCompareWithTheBaselineAndFlagTheRegressedLatency() throws Exception {
        Path history = tmp.newFolder("fw", "test").toPath();
        RunFixtures.write(history, RunFixtures.Spec.of(1, RunFixtures.typical(1)));
        RunDirectory run = RunFixtures.write(history, RunFixtures.Spec.of(2, RunFixtures.typical(1.3)).baseline(List.of(1)));

        String html = RunReport.render(run, run.path());

        assertTrue(html.contains("Baseline policy previous: run(s) [1]"));
        assertTrue("p99 latency rose 30%: worse", html.matches(
                "(?s).*<td>results\\.latency_p99</td>.*?<td class=\"num\">\\+30\\.0%</td>.*?<td class=\"worse\">worse</td>.*"));
        assertTrue("throughput fell 23%: worse", html.matches(
                "(?s).*<td>results\\.throughput</td>.*?<td class=\"num\">-23\\.1%</td>.*?<td class=\"worse\">worse</td>.*"));
        assertTrue("the comparison chart and the percentile chart", count(html, "data:image/png;base64,") >= 2);
        assertTrue(html.contains("alt=\"Percentiles of results.latency\""));
    }

    @Test
    public void shouldLinkTheFlameGraphAndRawFilesRelativeToThePage() throws Exception {
        Path history = tmp.newFolder("fw", "test").toPath();
        RunDirectory run = RunFixtures.write(history, RunFixtures.Spec.of(1, RunFixtures.typical(1)).host("db 1"));
        Path perf = run.hostDirectory("db 1").resolve("perf");
        Files.createDirectories(perf);
        Files.writeString(perf.resolve("flamegraph.html"), "<html><script>/* its own */</script></html>");
        Files.writeString(perf.resolve("perf-stat.txt"), "1,000 cycles");
        Path elsewhere = tmp.newFolder("mail").toPath().resolve("page.html");

        String inRun = RunReport.render(run, run.path());
        RunReport.write(run, elsewhere);
        String moved = Files.readString(elsewhere);

        assertTrue(inRun.contains("<a href=\"hosts/db_1/perf/flamegraph.html\">Flame graph of db_1</a>"));
        assertTrue(inRun.contains("<summary>hosts/db_1/perf/perf-stat.txt</summary><pre>1,000 cycles</pre>"));
        assertTrue(moved.contains("<a href=\"../fw/test/1/hosts/db_1/perf/flamegraph.html\">"));
        assertSelfContained(inRun);
    }

    @Test
    public void shouldDrawOneChartPerSeriesWithEveryHostAndWriteReportHtmlIntoTheRun() throws Exception {
        Path history = tmp.newFolder("fw", "test").toPath();
        RunDirectory run = RunFixtures.write(history, RunFixtures.Spec.of(1, RunFixtures.typical(1))
                .series(List.of(RunFixtures.cpu("web", 1, 80, 30), RunFixtures.cpu("db", 1, 80, 50))));

        Path written = RunReport.write(run);

        assertEquals(run.path().resolve("report.html"), written);
        String html = Files.readString(written);
        assertEquals("one time-series chart holding both hosts", 1, count(html, "alt=\"sar.cpu.all.user\""));
    }

    @Test
    public void shouldStayUnderTwoMegabytesForFiftyMetricsAndManySeries() throws Exception {
        Path history = tmp.newFolder("fw", "test").toPath();
        List<Metric> metrics = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            metrics.add(Metric.of("results.metric_" + i, Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, i + 1, i + 1.5, i + 0.7));
        }
        List<io.perftest.model.Series> series = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            for (String host : List.of("a", "b", "c", "d")) {
                io.perftest.model.Series s = RunFixtures.cpu(host, 2, 600, 10 + k);
                series.add(io.perftest.model.Series.of("sar.counter_" + k, host, s.unit(), true, s.times(), s.values()));
            }
        }
        RunFixtures.write(history, RunFixtures.Spec.of(1, metrics));
        RunDirectory run = RunFixtures.write(history, RunFixtures.Spec.of(2, metrics).baseline(List.of(1)).series(series));

        String html = RunReport.render(run, run.path());

        assertTrue("report of " + html.length() + " bytes", html.length() < 2_000_000);
        assertTrue("series beyond the cap are listed", html.contains("24 more series not drawn"));
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
