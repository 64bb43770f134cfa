package io.perftest.store;

import io.perftest.model.BaselineChoice;
import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.MetricKey;
import io.perftest.model.RunStatus;
import io.perftest.model.RunSummary;
import io.perftest.model.Samples;
import io.perftest.model.Series;
import io.perftest.model.Statistics;
import io.perftest.model.ThresholdOutcome;
import io.perftest.model.TriggerFiring;
import io.perftest.model.Unit;
import io.perftest.model.Verdict;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

public class RunDirectoryTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private RunDirectory runDirectory() throws IOException {
        return new RunDirectory(tmp.newFolder("7").toPath());
    }

    static RunRecord fullRecord() {
        Instant start = Instant.parse("2024-05-01T10:00:00.123Z");
        return RunRecord.builder()
                .id("quickstart-small-7").framework("quickstart").test("small").number(7)
                .status(RunStatus.COMPLETED).verdict(Verdict.UNSTABLE).reason("threshold failed")
                .spec(new RunRecord.Spec("/fw", "/fw/run.sh", List.of("5", "16M"), Map.of("duration", "5", "size", "16M"),
                        "2m", 3, List.of("sar:interval=1s"), List.of(), List.of("results.latency < 250 ms"), "previous", "/fw/small.yaml", List.of("results.*")))
                .provenance(new RunRecord.Provenance("ab12", "0.1.0", "17.0.15", "me",
                        Map.of("localhost", Map.of("kernel", "6.1.0", "cpuModel", "Xeon")), Map.of("sar", "12.6.1")))
                .owner(new RunRecord.Owner("localhost", 1234, start.minusSeconds(5)))
                .startedAt(start).endedAt(start.plusSeconds(65))
                .stage(new RunRecord.StageTiming("setup", start, 12, null))
                .stage(new RunRecord.StageTiming("collate", start.plusSeconds(60), 30, "results.csv:3: not a number"))
                .iteration(new RunRecord.Iteration(1, 0, 5000, "completed"))
                .iteration(new RunRecord.Iteration(2, null, 120_000, "killed"))
                .baseline(new BaselineChoice("previous", List.of(6), "run 6"))
                .thresholds(List.of(new ThresholdOutcome("results.latency < 250 ms", Verdict.UNSTABLE, false, 300.0, "300 ms is not < 250 ms")))
                .trigger(new TriggerFiring("cpu > 90 for 5s", 1_714_557_600_000L, 95.5, List.of("abort")))
                .problem("results.csv:3: not a number")
                .build();
    }

    @Test
    public void shouldReadBackTheRunRecordItWrote() throws IOException {
        RunDirectory dir = runDirectory();
        RunRecord record = fullRecord();

        dir.writeRecord(record);

        assertTrue(dir.exists());
        assertEquals(record, dir.readRecord());
        assertEquals(7, dir.number());
        assertTrue(Files.readString(dir.runJson()).contains("\"startedAt\" : \"2024-05-01T10:00:00.123Z\""));
    }

    @Test
    public void shouldReadBackAMinimalRunRecord() throws IOException {
        RunDirectory dir = runDirectory();
        RunRecord record = RunRecord.builder().framework("fw").test("t").number(1).status(RunStatus.RUNNING).build();
        dir.writeRecord(record);
        assertEquals(record, dir.readRecord());
        assertFalse(Files.readString(dir.runJson()).contains("null"));
    }

    @Test
    public void shouldReadBackTheSummaryItWroteWithUnitsDirectionsAndSamples() throws IOException {
        RunDirectory dir = runDirectory();
        RunSummary summary = RunSummary.of(List.of(
                Metric.of("results.latency", Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, 10.5, 11, 12.25),
                Metric.of("results.throughput", Unit.PER_SECOND, Direction.HIGHER_IS_BETTER, 1200),
                Metric.of("sar.net.rx", Unit.KILOBYTES_PER_SECOND, Direction.NEUTRAL, 1.5),
                Metric.of("sar.cpu.user", Unit.PERCENT, Direction.NEUTRAL, 0.1),
                Metric.of("results.Iterations", Unit.NONE, Direction.NEUTRAL, 3),
                new Metric("jmeter.login.p95", Unit.MILLISECONDS, Direction.LOWER_IS_BETTER,
                        Samples.summarized(new Statistics(1_000_000, 40, 38, 2, 900, 12)))));

        dir.writeSummary(summary);

        assertEquals(summary, dir.readSummary().orElseThrow());
    }

    @Test
    public void shouldKeepEachMetricsPartsWithTheLabelVerbatimAndReadAnOlderSummaryWithoutThem() throws IOException {
        RunDirectory dir = runDirectory();
        MetricKey login = MetricKey.of("jmeter").label("GET /api/users, \"v2\"").then("elapsed").statistic("p95");
        MetricKey sar = MetricKey.of("sar").then("net", "eth0.100", "rx_drops").onHost("db.example.com");
        dir.writeSummary(RunSummary.of(List.of(Metric.of(login, Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, 12),
                Metric.of(sar, Unit.PER_SECOND, Direction.LOWER_IS_BETTER, 0))));

        String json = Files.readString(dir.path().resolve(RunDirectory.SUMMARY_JSON));
        assertTrue(json, json.contains("\"label\" : \"GET /api/users, \\\"v2\\\"\""));
        assertTrue(json, json.contains("\"quantity\" : [ \"net\", \"eth0.100\", \"rx_drops\" ]"));
        assertTrue(json, json.contains("\"host\" : \"db.example.com\""));
        MetricKey read = dir.readSummary().orElseThrow().metric(login.text()).orElseThrow().id();
        assertEquals(Optional.of("GET /api/users, \"v2\""), read.label());
        assertEquals(List.of("elapsed"), read.quantity());
        assertEquals(Optional.of("p95"), read.statistic());
        assertEquals("sar.net.\"eth0.100\".rx_drops@db.example.com", sar.text());

        Files.writeString(dir.path().resolve(RunDirectory.SUMMARY_JSON), "{\"formatVersion\":1,\"metrics\":[{\"key\":\"jmeter.GET_api.count\","
                + "\"unit\":\"count\",\"direction\":\"none\",\"value\":3,\"samples\":[3]}]}");
        Metric old = dir.readSummary().orElseThrow().metric("jmeter.GET_api.count").orElseThrow();
        assertEquals(List.of("GET_api", "count"), old.id().quantity());
        assertEquals(Optional.empty(), old.id().label());
    }

    @Test
    public void shouldKeepOnlyTheStatisticsOfManySamples() throws IOException {
        RunDirectory dir = runDirectory();
        double[] values = IntStream.range(0, SummaryCodec.MAX_SAMPLES + 1).asDoubleStream().toArray();
        Metric many = new Metric("results.x", Unit.NONE, Direction.NEUTRAL, Samples.of(values));

        dir.writeSummary(RunSummary.of(List.of(many)));

        Metric read = dir.readSummary().orElseThrow().metric("results.x").orElseThrow();
        assertFalse(read.samples().hasValues());
        assertEquals(many.samples().statistics(), read.samples().statistics());
    }

    @Test
    public void shouldReadNoSummaryWhenThereIsNone() throws IOException {
        assertTrue(runDirectory().readSummary().isEmpty());
        assertTrue(runDirectory2().readSeries().isEmpty());
    }

    private RunDirectory runDirectory2() throws IOException {
        return new RunDirectory(tmp.newFolder("8").toPath());
    }

    @Test
    public void shouldReadBackTheSeriesItWroteCompressed() throws IOException {
        RunDirectory dir = runDirectory();
        List<Series> series = List.of(
                Series.of("sar.cpu.user", "host-a", Unit.PERCENT, true, new double[] {1.7e9, 1.7e9 + 1}, new double[] {10.5, 20}),
                Series.of("multicol.latency", "", Unit.MILLISECONDS, false, new double[] {0, 0.5}, new double[] {3, Double.NaN}));

        dir.writeSeries(series);

        assertEquals(series, dir.readSeries());
        byte[] head = Files.readAllBytes(dir.path().resolve(RunDirectory.SERIES_JSON));
        assertEquals("gzip magic", 0x1f, head[0] & 0xff);
        assertEquals(0x8b, head[1] & 0xff);
    }

    @Test
    public void shouldSayADirectoryWithoutRunJsonIsNotARun() throws IOException {
        RunDirectory dir = runDirectory();
        NoSuchFileException e = assertThrows(NoSuchFileException.class, dir::readRecord);
        assertTrue(e.getMessage(), e.getMessage().contains("not a run directory: run.json is missing"));
        assertTrue(e.getMessage(), e.getMessage().contains(dir.runJson().toString()));
    }

    @Test
    public void shouldNameTheFileOfAnUnreadableRunJson() throws IOException {
        RunDirectory dir = runDirectory();
        Files.writeString(dir.runJson(), "{\"status\": ");
        IOException e = assertThrows(IOException.class, dir::readRecord);
        assertTrue(e.getMessage(), e.getMessage().startsWith(dir.runJson() + ": unreadable ("));
    }

    @Test
    public void shouldMakeHostNamesSafeAsOnePathElement() {
        assertEquals("db-1.example.com", RunDirectory.safeName("db-1.example.com"));
        assertEquals(".._etc_passwd", RunDirectory.safeName("../etc/passwd"));
        assertEquals("_", RunDirectory.safeName(""));
        assertEquals("__", RunDirectory.safeName("."));
        assertEquals("___", RunDirectory.safeName(".."));
        assertFalse(RunDirectory.safeName("a/b").contains("/"));
    }
}
