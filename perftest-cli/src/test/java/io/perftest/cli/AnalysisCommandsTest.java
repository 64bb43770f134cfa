package io.perftest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.RunStatus;
import io.perftest.model.RunSummary;
import io.perftest.model.Unit;
import io.perftest.store.Json;
import io.perftest.store.RunDirectory;
import io.perftest.store.RunRecord;
import io.perftest.store.TestHistory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** compare, trend, detect and pin through the real command line. */
public class AnalysisCommandsTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void shouldPrintTheChangePointIndicesOfACsvSeriesAsJson() throws Exception {
        Cli.Result r = Cli.run("detect", fixture("step-at-8.csv").toString());
        assertEquals(r.err(), 0, r.exitCode());
        assertEquals("[8]", r.out().strip());
    }

    @Test
    public void shouldPrintChangePointStatisticsWithJson() throws Exception {
        Cli.Result r = Cli.run("detect", fixture("step-at-8.csv").toString(), "--json");
        assertEquals(r.err(), 0, r.exitCode());
        JsonNode cp = Json.mapper().readTree(r.out()).get("changePoints").get(0);
        assertEquals(8, cp.get("index").asInt());
        assertEquals(0.2, cp.get("relativeChange").asDouble(), 0.005);
        assertTrue(cp.get("pValue").asDouble() < 1e-10);
    }

    @Test
    public void shouldRejectANonNumberNamingFileAndLine() throws Exception {
        Path file = fixture("not-a-number.txt");
        Cli.Result r = Cli.run("detect", file.toString());
        assertEquals(2, r.exitCode());
        assertEquals("perftest: " + file + ":3: 'fast' is not a number", r.err().strip());
    }

    @Test
    public void shouldReadATcpdDatasetAndOnePerLineNumbers() throws Exception {
        Path json = folder.newFile("d.json").toPath();
        Files.writeString(json, "{\"name\": \"d\", \"n_obs\": 12, \"series\": [{\"label\": \"V1\", \"raw\": "
                + "[5, 5.1, 4.9, 5, 5.05, 4.95, 9, 9.1, 8.9, 9, 9.05, 8.95]}]}");
        assertEquals("[6]", Cli.run("detect", json.toString()).out().strip());
        Path lines = folder.newFile("d.txt").toPath();
        Files.writeString(lines, "# a comment\n5\n5.1\n4.9\n5\n5.05\n4.95\n9\n9.1\n8.9\n9\n9.05\n8.95\n");
        assertEquals("[6]", Cli.run("detect", lines.toString()).out().strip());
        assertEquals(2, Cli.run("detect", folder.getRoot().toPath().resolve("missing.txt").toString()).exitCode());
    }

    @Test
    public void shouldCompareTwoRunsAsTableAndJson() throws Exception {
        TestHistory history = new TestHistory(folder.getRoot().toPath().resolve("fw/t"));
        Random random = new Random(5);
        RunDirectory a = run(history, RunStatus.COMPLETED, samples(random, 20, 100));
        RunDirectory b = run(history, RunStatus.COMPLETED, samples(random, 20, 115));
        Cli.Result text = Cli.run("compare", a.path().toString(), b.path().toString());
        assertEquals(text.err(), 0, text.exitCode());
        assertTrue(text.out(), text.out().lines().anyMatch(l -> l.startsWith("results.latency") && l.endsWith("regressed")));
        Cli.Result json = Cli.run("compare", a.path().toString(), b.path().toString(), "--json", "--noise", "20");
        JsonNode m = Json.mapper().readTree(json.out()).get("metrics").get(0);
        assertEquals("unchanged", m.get("verdict").asText());
        assertEquals(0.2, m.get("noise").asDouble(), 0);
        assertTrue(m.get("ciLow").asDouble() > 1.05);
    }

    @Test
    public void shouldRejectAMissingRunAndABadNoiseWithOneLine() throws Exception {
        TestHistory history = new TestHistory(folder.getRoot().toPath().resolve("fw/t"));
        RunDirectory a = run(history, RunStatus.COMPLETED, 100);
        Cli.Result r = Cli.run("compare", a.path().toString(), folder.getRoot().toPath().resolve("nope").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err(), r.err().strip().endsWith("nope: no such run directory"));
        Cli.Result bad = Cli.run("compare", a.path().toString(), a.path().toString(), "--noise", "lots");
        assertEquals(2, bad.exitCode());
        assertEquals("perftest: --noise lots: expected a percentage such as 2 or results.latency=5", bad.err().strip());
    }

    @Test
    public void shouldShowTheRunWhereTheTrendChanged() throws Exception {
        // given 30 completed runs, latency 10 % higher from run 16 on, and a failed run that is ignored
        TestHistory history = new TestHistory(folder.getRoot().toPath().resolve("fw/t"));
        Random random = new Random(9);
        for (int i = 1; i <= 30; i++) {
            run(history, RunStatus.COMPLETED, (i >= 16 ? 110 : 100) + random.nextGaussian());
            if (i == 20) {
                run(history, RunStatus.FAILED, 500);
            }
        }
        // when
        Cli.Result text = Cli.run("trend", history.directory().toString());
        Cli.Result json = Cli.run("trend", history.directory().toString(), "--metric", "results.latency", "--json");
        // then
        assertEquals(text.err(), 0, text.exitCode());
        assertTrue(text.out(), text.out().contains("change at run 16: "));
        assertTrue(text.out(), text.out().contains("REGRESSION"));
        JsonNode trend = Json.mapper().readTree(json.out()).get(0);
        assertEquals(30, trend.get("points").size());
        assertEquals(16, trend.get("changePoints").get(0).get("run").asInt());
        assertEquals(2, Cli.run("trend", history.directory().toString(), "--metric", "results.nope").exitCode());
        Cli.Result quoted = Cli.run("trend", history.directory().toString(), "--metric", "results.\"latency\"");
        assertEquals(2, quoted.exitCode());
        assertTrue(quoted.err(), quoted.err().contains("no completed run has the metric results.\"latency\" (did you mean results.latency?)"));
    }

    @Test
    public void shouldLeaveADamagedRunOutOfTheTrendAndNameItsFileWhenShownAlone() throws Exception {
        TestHistory history = new TestHistory(folder.getRoot().toPath().resolve("fw/t"));
        for (int i = 1; i <= 5; i++) {
            run(history, RunStatus.COMPLETED, 100 + i);
        }
        Path damaged = history.run(3).path();
        Files.writeString(damaged.resolve("run.json"), "{\"framework\": \"fw\", ");
        Files.writeString(history.run(4).path().resolve("summary.json"), "[1, 2");

        Cli.Result trend = Cli.run("trend", history.directory().toString(), "--json");
        Cli.Result show = Cli.run("show", damaged.toString());
        Cli.Result report = Cli.run("report", damaged.toString());

        assertEquals(trend.err(), 0, trend.exitCode());
        assertEquals(3, Json.mapper().readTree(trend.out()).get(0).get("points").size());
        assertTrue(trend.err(), trend.err().contains("perftest: warning: run 3 left out: " + damaged.resolve("run.json") + ": unreadable"));
        assertTrue(trend.err(), trend.err().contains("run 4 left out: ") && trend.err().contains("summary.json: unreadable"));
        for (Cli.Result r : List.of(show, report)) {
            assertEquals(r.err(), 2, r.exitCode());
            assertTrue(r.err(), r.err().startsWith("perftest: " + damaged.resolve("run.json") + ": unreadable ("));
            assertFalse(r.err(), r.err().contains("internal error") || r.err().contains("\tat "));
        }
    }

    @Test
    public void shouldPinACompletedRunAndRefuseAFailedOne() throws Exception {
        TestHistory history = new TestHistory(folder.getRoot().toPath().resolve("fw/t"));
        RunDirectory ok = run(history, RunStatus.COMPLETED, 100);
        RunDirectory failed = run(history, RunStatus.FAILED, 100);
        Cli.Result r = Cli.run("pin", ok.path().toString());
        assertEquals(r.err(), 0, r.exitCode());
        assertTrue(Files.isRegularFile(history.directory().resolve("pinned-baseline.json")));
        Cli.Result refused = Cli.run("pin", failed.path().toString());
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err(), refused.err().contains("only a COMPLETED run can be a baseline"));
    }

    private static RunDirectory run(TestHistory history, RunStatus status, double... latencies) throws Exception {
        RunDirectory dir = history.createNextRun();
        dir.writeRecord(RunRecord.builder().framework("fw").test("t").number(dir.number()).status(status).build());
        dir.writeSummary(RunSummary.of(List.of(Metric.of("results.latency", Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, latencies))));
        return dir;
    }

    private static double[] samples(Random random, int n, double mean) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = mean * (1 + 0.03 * random.nextGaussian());
        }
        return v;
    }

    private static Path fixture(String name) throws Exception {
        return Path.of(AnalysisCommandsTest.class.getResource(name).toURI());
    }

    @Test
    public void shouldListTheThresholdsMetricsThenTheTrendListThenTheResultsBeforeCollectorSeries() throws Exception {
        // given a framework whose threshold names latency, whose trend: list names a glob, with a proc collector
        Path fw = folder.newFolder("priority").toPath();
        Path script = fw.resolve("run.sh");
        Files.writeString(script, "#!/bin/sh\nprintf 'aaa,1\\nthroughput,2\\nlatency_p99,3,ms\\nzz_extra,4\\n' "
                + "> \"$PERFTEST_RESULTS_DIR/results.csv\"\nsleep 1\n");
        assertTrue(script.toFile().setExecutable(true));
        Files.writeString(fw.resolve("framework.yaml"), "name: priority\nscript: run.sh\ncollectors:\n  - proc: {interval: 200ms}\n"
                + "thresholds:\n  - \"results.latency_p99 < 1000 ms\"\ntrend:\n  - \"results.zz*\"\n");
        String results = folder.newFolder("results").toString();
        for (int i = 0; i < 2; i++) {
            Cli.Result run = Cli.run("run", fw.toString(), "--results-dir", results);
            assertEquals(run.err(), 0, run.exitCode());
        }

        // when
        Cli.Result trend = Cli.run("trend", Path.of(results, "priority", "default").toString(), "--json");

        // then the threshold's metric, the listed glob, the other results by name, then the proc series
        assertEquals(trend.err(), 0, trend.exitCode());
        List<String> keys = new ArrayList<>();
        Json.mapper().readTree(trend.out()).forEach(t -> keys.add(t.get("key").asText()));
        assertEquals(keys.toString(), List.of("results.latency_p99", "results.zz_extra", "results.aaa", "results.throughput"),
                keys.subList(0, 4));
        assertTrue(keys.toString(), keys.size() > 4 && keys.subList(4, keys.size()).stream().allMatch(k -> k.startsWith("proc.")));
    }
}
