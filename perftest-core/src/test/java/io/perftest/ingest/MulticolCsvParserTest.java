package io.perftest.ingest;

import io.perftest.model.Metric;
import io.perftest.model.Series;
import io.perftest.model.Unit;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.perftest.ingest.IngestFixtures.fixture;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

public class MulticolCsvParserTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final MulticolCsvParser parser = new MulticolCsvParser();

    private static Map<String, Series> series(ParseResult r) {
        return r.series().stream().collect(Collectors.toMap(Series::key, Function.identity()));
    }

    private static Map<String, Metric> metrics(ParseResult r) {
        return r.metrics().stream().collect(Collectors.toMap(Metric::key, Function.identity()));
    }

    private static double epoch(String iso) {
        return Instant.parse(iso).getEpochSecond();
    }

    @Test
    public void shouldNumberTheRowsOfDaytonasColumnFilesAndKeepEveryColumn() throws IOException {
        ParseResult r = parser.parse(fixture("daytona/multicol.csv"), "multicol");

        assertEquals(0, r.problemCount());
        Map<String, Series> s = series(r);
        assertEquals(List.of("multicol.Col1", "multicol.Col2", "multicol.Col3", "multicol.Col4"), s.keySet().stream().sorted().toList());
        assertArrayEquals(new double[] {1, 2, 3, 4}, s.get("multicol.Col1").times(), 0);
        assertArrayEquals(new double[] {2, 6, 10, 14}, s.get("multicol.Col2").values(), 0);
        assertFalse(s.get("multicol.Col2").epoch());
        assertEquals(8, metrics(r).get("multicol.Col2.mean").value(), 0);
        assertEquals(14, metrics(r).get("multicol.Col2.max").value(), 0);
    }

    @Test
    public void shouldReadIsoTimestampsOfSarPlotFilesAsEpochSeconds() throws IOException {
        ParseResult r = parser.parse(fixture("daytona/sar_cpu.plt"), "sar");

        assertEquals(0, r.problemCount());
        Series user = series(r).get("sar.\"%user\"");
        assertTrue(user.epoch());
        assertEquals(10, user.size());
        assertEquals(epoch("2017-08-03T18:36:05Z"), user.time(0), 0);
        assertEquals(epoch("2017-08-03T18:36:50Z"), user.time(9), 0);
        assertEquals(10.36, user.value(0), 0);
        assertEquals(21.16, metrics(r).get("sar.\"%user\".max").value(), 0);
        assertEquals(6, r.series().size());
    }

    @Test
    public void shouldReadEveryDaytonaPlotFileWithoutProblems() throws IOException {
        for (String name : List.of("sar_cpu.plt", "sar_cpu_usage.plt", "sar_docker_cpu.plt", "sar_eth0_network_devices.plt",
                "sar_mem.plt", "sar_memory_usage.plt", "sar_nfs.plt", "sar_res_memory_usage.plt", "sar_task.plt")) {
            Path file = fixture("daytona/" + name);
            int columns = Files.readAllLines(file).get(0).split(",").length;

            ParseResult r = parser.parse(file, "sar");

            assertEquals(name + ": " + r.problems(), 0, r.problemCount());
            assertEquals(name, columns - 1, r.series().size());
            for (Series s : r.series()) {
                assertEquals(name + " " + s.key(), 10, s.size());
                assertTrue(s.epoch());
            }
        }
    }

    @Test
    public void shouldReadPercentValuesAsPercent() throws IOException {
        ParseResult r = parser.parse(fixture("daytona/sar_docker_cpu.plt"), "sar");

        Series s = series(r).get("sar.\"ubuntu3-linux - 1d8b29c45957\"");
        assertEquals(Unit.PERCENT, s.unit());
        assertEquals(0.05, s.value(0), 0);
        assertEquals(0.07, metrics(r).get("sar.\"ubuntu3-linux - 1d8b29c45957\".max").value(), 0);
    }

    @Test
    public void shouldReportBadLinesWithFileAndLineAndKeepEveryOtherValue() throws IOException {
        Path file = fixture("multicol-bad-lines.csv");

        ParseResult r = parser.parse(file, "multicol");

        List<String> problems = r.problems().stream().map(Object::toString).toList();
        assertEquals(List.of(
                file + ":3: column 'latency': not a number: 'abc'; value skipped",
                file + ":4: expected 3 columns as in the header, found 2; the values that fit the header are kept",
                file + ":5: expected 3 columns as in the header, found 4; the values that fit the header are kept",
                file + ":6: time 'not-a-time' is not a timestamp of the first row's kind (elapsed); row skipped"), problems);
        Series latency = series(r).get("multicol.latency");
        assertEquals(Unit.MILLISECONDS, latency.unit());
        assertArrayEquals(new double[] {0, 2, 3, 4}, latency.times(), 0);
        assertArrayEquals(new double[] {10, 12, 13, 15}, latency.values(), 0);
        assertArrayEquals(new double[] {100, 110, 130, 150}, series(r).get("multicol.rps").values(), 0);
    }

    @Test
    public void shouldReadEpochSecondsWithCrlfLineEnds() throws IOException {
        ParseResult r = parser.parse(fixture("multicol-epoch-crlf.csv"), "m");
        assertEquals(0, r.problemCount());
        Series b = series(r).get("m.b");
        assertTrue(b.epoch());
        assertArrayEquals(new double[] {1_700_000_000, 1_700_000_001}, b.times(), 0);
        assertArrayEquals(new double[] {2, 4}, b.values(), 0);
    }

    @Test
    public void shouldRenameADuplicateColumnAndSaySo() throws IOException {
        Path file = tmp.newFile("multicol.csv").toPath();
        Files.writeString(file, "t,x,x\n0,1,2\n");
        ParseResult r = parser.parse(file, "m");
        assertEquals(file + ":1: column name 'x' appears twice; the second is named x_3", r.problems().get(0).toString());
        assertEquals(2, series(r).get("m.x_3").value(0), 0);
    }

    @Test
    public void shouldSayAnEmptyFileOrAHeaderAloneHasNoData() throws IOException {
        Path empty = tmp.newFile("empty.csv").toPath();
        Path header = tmp.newFile("header.csv").toPath();
        Files.writeString(header, "t,a,b\n");
        assertEquals(empty + ": empty file (expected a header row and rows of numbers)",
                parser.parse(empty, "m").problems().get(0).toString());
        assertEquals(header + ": a header but no rows of data", parser.parse(header, "m").problems().get(0).toString());
    }
}
