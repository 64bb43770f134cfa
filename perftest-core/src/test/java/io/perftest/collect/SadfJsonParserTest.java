package io.perftest.collect;

import com.fasterxml.jackson.databind.JsonNode;
import io.perftest.ingest.ParseResult;
import io.perftest.model.Metric;
import io.perftest.model.Series;
import io.perftest.model.Unit;
import io.perftest.store.Json;
import org.junit.Assume;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

public class SadfJsonParserTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static final String RECORDED = "sadf_j_two_cpus_five_samples.json";

    @Test
    public void shouldTurnEverySampleOfRecordedSadfJsonIntoSeriesNamedLikeSar() throws Exception {
        ParseResult r = new SadfJsonParser("sar").parse(Fixtures.path(RECORDED), RECORDED);

        JsonNode stats = Json.mapper().readTree(Fixtures.path(RECORDED).toFile()).path("sysstat").path("hosts").get(0).path("statistics");
        Series user = series(r, "sar.cpu.all.user");
        assertEquals(stats.size(), user.size());
        for (int i = 0; i < stats.size(); i++) {
            assertEquals(stats.get(i).path("cpu-load").get(0).path("usr").asDouble(), user.value(i), 1e-9);
        }
        assertEquals(1.0, user.time(1) - user.time(0), 1e-9);
        assertTrue(user.epoch());
        assertEquals(stats.get(0).path("disk").get(0).path("util-percent").asDouble(), series(r, "sar.disk.vda.util").value(0), 1e-9);
        assertEquals(stats.get(2).path("memory").path("memused-percent").asDouble(), series(r, "sar.mem.used_pct").value(2), 1e-9);
        assertEquals(stats.get(3).path("queue").path("ldavg-1").asDouble(), series(r, "sar.load.1").value(3), 1e-9);
        assertEquals(stats.get(4).path("network").path("net-dev").get(3).path("rxkB").asDouble(), series(r, "sar.net.eth0.rx_kBps").value(4), 1e-9);
        assertTrue(hasSeries(r, "sar.cpu.1.idle"));
        assertTrue(hasSeries(r, "sar.context_switches"));
        assertTrue(r.problems().isEmpty());
    }

    @Test
    public void shouldSummariseEachSeriesAsAMetricWithItsStatisticsAndUnit() throws Exception {
        ParseResult r = new SadfJsonParser("sar").parse(Fixtures.path(RECORDED), RECORDED);

        Metric user = metric(r, "sar.cpu.all.user");
        Series s = series(r, "sar.cpu.all.user");
        double sum = 0;
        for (double v : s.values()) {
            sum += v;
        }
        assertEquals(Unit.PERCENT, user.unit());
        assertEquals(s.size(), user.samples().statistics().count());
        assertEquals(sum / s.size(), user.samples().statistics().mean(), 1e-9);
        assertEquals(Unit.KILOBYTES_PER_SECOND, metric(r, "sar.disk.vda.read_kBps").unit());
    }

    @Test
    public void shouldKeepTheCompleteSamplesOfATruncatedFileAndSayWhereItBreaks() throws Exception {
        Path cut = Fixtures.truncatedCopy(RECORDED, 0.5, tmp.getRoot().toPath(), "sadf.json");

        ParseResult r = new SadfJsonParser("sar").parse(cut, "sar/sadf.json");

        int kept = series(r, "sar.cpu.all.user").size();
        assertTrue("kept " + kept, kept >= 1 && kept < 5);
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).toString(), r.problems().get(0).toString().startsWith("sar/sadf.json:"));
        assertTrue(r.problems().get(0).message(), r.problems().get(0).message().contains("truncated"));
    }

    @Test
    public void shouldReportAnEmptyFileInsteadOfFailing() throws Exception {
        Path empty = Files.createFile(tmp.getRoot().toPath().resolve("sadf.json"));

        ParseResult r = new SadfJsonParser("sar").parse(empty, "sar/sadf.json");

        assertTrue(r.metrics().isEmpty());
        assertTrue(r.problems().get(0).message().contains("empty"));
    }

    @Test
    public void shouldReadWhatTheInstalledSadfPrintsForTheRecordedSysstatFile() throws Exception {
        Assume.assumeTrue("sadf installed", Files.isExecutable(Path.of("/usr/bin/sadf")));
        Path out = tmp.getRoot().toPath().resolve("sadf.json");
        List<String> argv = new ArrayList<>(List.of("sadf", "-j", Fixtures.path("sa_sample_sysstat_12_6.bin").toString(), "--"));
        argv.addAll(SarCollector.SAR_ACTIVITIES);
        Process p = new ProcessBuilder(argv).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertEquals(0, p.waitFor());

        ParseResult r = new SadfJsonParser("sar").parse(out, "sadf.json");

        assertTrue(r.problems().toString(), r.problems().isEmpty());
        assertEquals(series(new SadfJsonParser("sar").parse(Fixtures.path(RECORDED), RECORDED), "sar.cpu.all.user"),
                series(r, "sar.cpu.all.user"));
        assertTrue(hasSeries(r, "sar.net.eth0.rx_errors"));
    }

    static Series series(ParseResult r, String key) {
        return r.series().stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no series " + key + " in " + r.series()));
    }

    static boolean hasSeries(ParseResult r, String key) {
        return r.series().stream().anyMatch(s -> s.key().equals(key));
    }

    static Metric metric(ParseResult r, String key) {
        return r.metrics().stream().filter(m -> m.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + key));
    }

    static void assertNoMetric(ParseResult r, String key) {
        assertFalse(r.metrics().stream().anyMatch(m -> m.key().equals(key)));
    }
}
