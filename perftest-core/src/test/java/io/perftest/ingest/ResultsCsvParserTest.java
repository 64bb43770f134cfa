package io.perftest.ingest;

import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.Origin;
import io.perftest.model.Unit;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.perftest.ingest.IngestFixtures.fixture;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

public class ResultsCsvParserTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final ResultsCsvParser parser = new ResultsCsvParser();

    private static Map<String, Metric> byKey(ParseResult r) {
        return r.metrics().stream().collect(Collectors.toMap(Metric::key, Function.identity()));
    }

    @Test
    public void shouldReadDaytonasResultsWithUnitsFromTheKeySuffix() throws IOException {
        ParseResult r = parser.parse(fixture("daytona/results.csv"), "results");

        Map<String, Metric> m = byKey(r);
        assertEquals(0, r.problemCount());
        assertEquals(List.of("results.AvgLatency", "results.Delay", "results.FailureRate", "results.Iterations",
                "results.MaxLatency", "results.MinLatency"), m.keySet().stream().sorted().toList());
        assertEquals(10.5, m.get("results.AvgLatency").value(), 0);
        assertEquals(Unit.MILLISECONDS, m.get("results.AvgLatency").unit());
        assertEquals(Direction.LOWER_IS_BETTER, m.get("results.AvgLatency").direction());
        assertEquals(Unit.Dimension.TIME, m.get("results.Delay").unit().dimension());
        assertEquals(10, m.get("results.Delay").unit().convert(m.get("results.Delay").value(), Unit.SECONDS), 0);
        assertEquals(Unit.NONE, m.get("results.Iterations").unit());
        assertEquals(Direction.LOWER_IS_BETTER, m.get("results.FailureRate").direction());
    }

    @Test
    public void shouldTakeUnitsFromAThirdColumnBracketsOrASuffix() throws IOException {
        ParseResult r = parser.parse(fixture("results-units.csv"), "app");

        Map<String, Metric> m = byKey(r);
        assertEquals(r.problems().toString(), 0, r.problemCount());
        assertEquals(Unit.Dimension.COUNT_RATE, m.get("app.throughput").unit().dimension());
        assertEquals(Direction.HIGHER_IS_BETTER, m.get("app.throughput").direction());
        assertEquals(Unit.MILLISECONDS, m.get("app.latency").unit());
        assertEquals(Unit.Dimension.TIME, m.get("app.Elapsed").unit().dimension());
        assertEquals(1e6, m.get("app.heap").unit().convert(1, Unit.BYTES), 0);
        assertEquals("a '_s' suffix is too ambiguous to be a unit", Unit.NONE, m.get("app.queue_s").unit());
        assertEquals(Unit.parse("MB"), m.get("app.size").unit());
        assertEquals(Unit.NONE, m.get("app.errors").unit());
        assertEquals(7, m.size());
    }

    @Test
    public void shouldReportBadLinesWithFileAndLineAndKeepTheOtherMetrics() throws IOException {
        Path file = fixture("results-bad-lines.csv");

        ParseResult r = parser.parse(file, "results");

        assertEquals(2, r.problemCount());
        assertEquals(new Origin(file.toString(), 3, 0), r.problems().get(0).origin());
        assertEquals(file + ":3: value of 'p95' is not a number: 'abc'; metric skipped", r.problems().get(0).toString());
        assertEquals(file + ":4: expected 'key,value[,unit]', found 'broken'", r.problems().get(1).toString());
        Map<String, Metric> m = byKey(r);
        assertEquals(2, m.size());
        assertArrayEquals(new double[] {12.5, 13.5}, m.get("results.latency").samples().values(), 0);
        assertEquals(1200, m.get("results.throughput").value(), 0);
    }

    @Test
    public void shouldSayAFileWithoutMetricsHasNone() throws IOException {
        Path file = tmp.newFile("results.csv").toPath();
        ParseResult r = parser.parse(file, "results");
        assertTrue(r.metrics().isEmpty());
        assertEquals(file + ": no metrics found (expected 'key,value' rows)", r.problems().get(0).toString());
    }

    @Test
    public void shouldReadCrlfLinesAndQuotedKeys() throws IOException {
        Path file = tmp.newFile("results.csv").toPath();
        Files.writeString(file, "\"latency, p95 (ms)\",250\r\nthroughput,10\r\n");
        Map<String, Metric> m = byKey(parser.parse(file, "results"));
        assertEquals(Unit.MILLISECONDS, m.get("results.\"latency, p95\"").unit());
        assertEquals(10, m.get("results.throughput").value(), 0);
    }

    @Test
    public void shouldReportALineOverTheLimitAndKeepTheRest() throws IOException {
        Path file = tmp.newFile("results.csv").toPath();
        Files.writeString(file, "a,1\nhuge," + "9".repeat(100_000) + "\nb,2\n");
        ParseResult r = parser.parse(file, "results");
        assertEquals(file + ":2: line longer than 64 KiB, skipped", r.problems().get(0).toString());
        assertEquals(2, r.metrics().size());
    }

    @Test
    public void shouldIgnoreAByteOrderMarkAndRejectValuesThatAreNotFinite() throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("results", ".csv");
        java.nio.file.Files.write(f, "\uFEFFlatency,5,ms\r\nthroughput,NaN\r\nerrors,1e400\r\nok,3\r\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));

        ParseResult r = new ResultsCsvParser().parse(f, "results");

        assertEquals(java.util.List.of("results.latency", "results.ok"),
                r.metrics().stream().map(io.perftest.model.Metric::key).sorted().toList());
        assertEquals(2, r.problemCount());
        assertTrue(r.problems().toString(), r.problems().get(0).toString().contains(":2:")
                && r.problems().get(0).message().contains("not a finite number: 'NaN'"));
        java.nio.file.Files.delete(f);
    }
}
