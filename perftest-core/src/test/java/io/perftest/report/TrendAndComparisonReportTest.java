package io.perftest.report;

import io.perftest.model.Metric;
import io.perftest.model.RunStatus;
import io.perftest.model.ThresholdOutcome;
import io.perftest.model.Unit;
import io.perftest.model.Verdict;
import io.perftest.store.RunDirectory;
import io.perftest.store.TestHistory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

public class TrendAndComparisonReportTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** The trends the analysis finds once (the core's default detector), as perftest trend hands them to the page. */
    static List<io.perftest.analysis.MetricTrend> trends(TestHistory history, List<String> keys) throws java.io.IOException {
        List<io.perftest.analysis.MetricTrend> all = new io.perftest.analysis.TrendAnalysis(new io.perftest.analysis.ChangePointDetector(
                io.perftest.analysis.ChangePointSettings.DEFAULT)).trends(history, keys, skipped -> { });
        if (keys.isEmpty()) {
            return all;
        }
        return keys.stream().flatMap(k -> all.stream().filter(t -> t.key().equals(k))).toList();
    }

    /** A trend of {@code key} over the given runs without change points. */
    static io.perftest.analysis.MetricTrend flat(String key) {
        return new io.perftest.analysis.MetricTrend(key, Unit.MILLISECONDS, io.perftest.model.Direction.LOWER_IS_BETTER,
                new int[0], new double[0], List.of());
    }

    static double sse(double[] v, int from, int to) {
        double m = 0;
        for (int i = from; i < to; i++) {
            m += v[i];
        }
        m /= to - from;
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (v[i] - m) * (v[i] - m);
        }
        return s;
    }

    /** Twelve runs; latency steps up 25% at run 8; run 3 failed, run 10 unstable. */
    static TestHistory steppedHistory(Path dir, String hostileKey) throws Exception {
        for (int n = 1; n <= 12; n++) {
            double scale = n >= 8 ? 1.25 : 1.0;
            List<Metric> m = new ArrayList<>(RunFixtures.typical(scale));
            m.add(Metric.of(hostileKey, Unit.MILLISECONDS, io.perftest.model.Direction.LOWER_IS_BETTER, n));
            RunFixtures.Spec spec = RunFixtures.Spec.of(n, m)
                    .thresholds(List.of(new ThresholdOutcome("results.latency_p99 < 30 ms", Verdict.UNSTABLE, true, 25.0, null)));
            if (n == 3) {
                spec = spec.verdict(RunStatus.FAILED, null);
            } else if (n == 10) {
                spec = spec.verdict(RunStatus.COMPLETED, Verdict.UNSTABLE);
            }
            RunFixtures.write(dir, spec);
        }
        return new TestHistory(dir);
    }

    @Test
    public void shouldMarkTheInjectedStepAsARegressionWithItsRunAndRelativeChange() throws Exception {
        TestHistory history = steppedHistory(tmp.newFolder("fw", "test").toPath(), "results.other");

        String html = TrendReport.render(history, trends(history, List.of("results.latency_p99", "results.throughput")));

        RunReportTest.assertSelfContained(html);
        assertTrue(html.contains("12 runs, #1 to #12"));
        assertEquals("one trend chart per chosen metric", 2, RunReportTest.count(html, "data:image/png;base64,"));
        assertTrue("latency rose: a regression at run 8", html.matches(
                "(?s).*<h3>results\\.latency_p99</h3>.*?<td class=\"num\">#8</td><td class=\"num\">\\+25\\.0%</td><td class=\"worse\">regression</td>.*"));
        assertTrue("throughput fell: also a regression", html.matches(
                "(?s).*<h3>results\\.throughput</h3>.*?<td class=\"num\">#8</td><td class=\"num\">-20\\.0%</td><td class=\"worse\">regression</td>.*"));
    }

    @Test
    public void shouldDrawTheConstantThresholdAndMarkFailedAndUnstableRuns() throws Exception {
        TestHistory history = steppedHistory(tmp.newFolder("fw", "test").toPath(), "results.other");

        var data = TrendReport.trend(flat("results.latency_p99"), history).orElseThrow();

        assertEquals(1, data.thresholds().size());
        assertEquals(30.0, data.thresholds().get(0).value(), 1e-9);
        assertEquals(io.perftest.chart.RunMark.FAILED, data.points().get(2).mark());
        assertEquals(io.perftest.chart.RunMark.UNSTABLE, data.points().get(9).mark());
        assertTrue("three samples a run give an interval", data.points().get(0).hasInterval());
        assertTrue(data.changes().isEmpty());
    }

    @Test
    public void shouldReadThresholdLinesOnlyFromConstantThresholdsOfTheMetric() {
        assertEquals(250.0, TrendReport.constantThreshold("a.b < 0.25 s", "a.b", Unit.MILLISECONDS).orElseThrow().value(), 1e-9);
        assertTrue(TrendReport.constantThreshold("a.b >= baseline * 0.95", "a.b", Unit.MILLISECONDS).isEmpty());
        assertTrue(TrendReport.constantThreshold("a.c < 3", "a.b", Unit.MILLISECONDS).isEmpty());
        assertTrue(TrendReport.constantThreshold("a.b < 3 MB", "a.b", Unit.MILLISECONDS).isEmpty());
    }

    @Test
    public void shouldShowHostileNamesAsTextInTrendAndComparison() throws Exception {
        String hostile = "<script>alert(1)</script>a\"b&c";
        Path dir = tmp.newFolder("fw", "test").toPath();
        TestHistory history = steppedHistory(dir, hostile);

        String trend = TrendReport.render(history, trends(history, List.of()));
        String comparison = ComparisonReport.render(new RunDirectory(dir.resolve("1")), new RunDirectory(dir.resolve("12")));

        for (String html : List.of(trend, comparison)) {
            RunReportTest.assertSelfContained(html);
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;a&quot;b&amp;c"));
            assertFalse(html.contains("a\"b&c"));
        }
    }

    @Test
    public void shouldCompareTwoRunsWithTheirDifferencesRegressionsAndPercentiles() throws Exception {
        Path dir = tmp.newFolder("fw", "test").toPath();
        RunDirectory a = RunFixtures.write(dir, RunFixtures.Spec.of(1, RunFixtures.typical(1)));
        RunDirectory b = RunFixtures.write(dir, RunFixtures.Spec.of(2, RunFixtures.typical(1.2)).parameters(Map.of("size", "8M")));
        Path out = tmp.getRoot().toPath().resolve("cmp").resolve("compare.html");

        ComparisonReport.write(a, b, out);

        String html = Files.readString(out);
        assertTrue(html.contains("<td>parameter size</td><td>1M</td><td>8M</td>"));
        assertEquals("all five metrics got worse", 5, RunReportTest.count(html, "<td class=\"worse\">worse</td>"));
        assertTrue(html.contains("alt=\"Percentiles of results.latency\""));
    }
}
