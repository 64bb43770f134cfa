package io.perftest.ingest;

import io.perftest.model.Series;
import io.perftest.model.Unit;
import org.junit.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.perftest.ingest.JmeterCsvParserTest.metric;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

public class DatapointsJsonParserTest extends ResultParserContractTest {

    @Override
    protected ResultParser parser() {
        return new DatapointsJsonParser();
    }

    @Override
    protected String sampleResource() {
        return "datapoints-three-peers.jsonl";
    }

    @Override
    protected String malformedText() {
        return "{\"peer\": \"a\", \"ts\": 1717200000, \"metrics\": {\"rps\": 10}}\n"
                + "{\"peer\": \"a\", \"ts\": \"yesterday\", \"metrics\": {\"rps\": 10}}\n";
    }

    @Override
    protected int malformedLine() {
        return 2;
    }

    @Test
    public void shouldSumRatesAndAverageLatenciesOverPeersPerSecond() throws IOException {
        String text = "{\"peer\": \"a\", \"ts\": 1717200000.2, \"metrics\": {\"requests_per_sec\": 10, \"latency_ms\": 4}}\n"
                + "{\"peer\": \"b\", \"ts\": 1717200000.7, \"metrics\": {\"requests_per_sec\": 30, \"latency_ms\": 8}}\n"
                + "{\"peer\": \"a\", \"ts\": 1717200000.9, \"metrics\": {\"requests_per_sec\": 20, \"latency_ms\": 6}}\n"
                + "{\"peer\": \"b\", \"ts\": 1717200001000, \"metrics\": {\"requests_per_sec\": 40, \"latency_ms\": 2}}\n";
        ParseResult r = parser().parse(write("dp.jsonl", text.getBytes(StandardCharsets.UTF_8)), "datapoints");
        assertEquals(0, r.problemCount());
        Series rps = r.series().stream().filter(s -> s.key().equals("datapoints.requests_per_sec") && s.host().isEmpty()).findFirst().orElseThrow();
        // second 0: a = mean(10, 20) = 15, b = 30 -> 45; second 1 (ms timestamp): b = 40
        assertEquals(List.of(45.0, 40.0), List.of(rps.value(0), rps.value(1)));
        Series latency = r.series().stream().filter(s -> s.key().equals("datapoints.latency") && s.host().isEmpty()).findFirst().orElseThrow();
        assertEquals(Unit.MILLISECONDS, latency.unit());
        assertEquals((5.0 + 8.0) / 2, latency.value(0), 1e-12);
        assertEquals(2, metric(r, "datapoints.peers").value(), 0);
        assertEquals(42.5, metric(r, "datapoints.requests_per_sec.mean").value(), 1e-12);
        assertTrue(r.series().stream().anyMatch(s -> s.host().equals("a") && s.key().equals("datapoints.latency") && s.size() == 2));
    }

    @Test
    public void shouldMergeInterleavedClientsIntoSortedSeriesPerPeer() throws IOException {
        ParseResult r = parseSample();
        assertEquals(3, metric(r, "datapoints.peers").value(), 0);
        for (Series s : r.series()) {
            for (int i = 1; i < s.size(); i++) {
                assertTrue(s + " not sorted", s.time(i) >= s.time(i - 1));
            }
        }
        Series total = r.series().stream().filter(s -> s.key().equals("datapoints.requests_per_sec") && s.host().isEmpty()).findFirst().orElseThrow();
        assertEquals(10, total.size());
        // three peers of about 100, 150 and 50 requests/s
        assertEquals(300, metric(r, "datapoints.requests_per_sec.mean").value(), 15);
    }
}
