package io.perftest.ingest;

import io.perftest.model.MetricKey;
import org.junit.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.perftest.ingest.JmeterCsvParserTest.metric;
import static io.perftest.ingest.JmeterCsvParserTest.nearestRank;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

public class GatlingLogParserTest extends ResultParserContractTest {

    @Override
    protected ResultParser parser() {
        return new GatlingLogParser();
    }

    @Override
    protected String sampleResource() {
        return "gatling-simulation.log";
    }

    @Override
    protected String sampleFileName() {
        return "simulation.log";
    }

    @Override
    protected String malformedText() {
        return "RUN\tmy.Simulation\tmysimulation\t1717200000000\t \t3.7.6\n"
                + "REQUEST\t\tHome\t1717200000000\t1717200000030\tOK\t \n"
                + "REQUEST\t\tHome\t1717200000040\tlater\tOK\t \n";
    }

    @Override
    protected int malformedLine() {
        return 3;
    }

    @Test
    public void shouldAggregateRequestsLikeAnIndependentReading() throws IOException {
        Map<String, List<long[]>> byName = new LinkedHashMap<>();
        String text;
        try (InputStream in = getClass().getResourceAsStream(sampleResource())) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String line : text.split("\n")) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("REQUEST")) {
                String label = f[1].isEmpty() ? f[2] : f[1] + "/" + f[2];
                byName.computeIfAbsent(label, k -> new ArrayList<>())
                        .add(new long[] {Long.parseLong(f[3]), Long.parseLong(f[4]), f[5].equals("OK") ? 0 : 1});
            }
        }
        ParseResult r = parseSample();
        for (Map.Entry<String, List<long[]>> e : byName.entrySet()) {
            String prefix = MetricKey.of("gatling").label(e.getKey()).text();
            long[] elapsed = e.getValue().stream().mapToLong(x -> x[1] - x[0]).toArray();
            assertEquals(e.getValue().size(), metric(r, prefix + ".count").value(), 0);
            assertEquals(e.getValue().stream().mapToLong(x -> x[2]).sum(), metric(r, prefix + ".errors").value(), 0);
            assertEquals(nearestRank(elapsed, 95), metric(r, prefix + ".elapsed.p95").value(), 0);
            assertEquals(java.util.Arrays.stream(elapsed).average().orElseThrow(), metric(r, prefix + ".elapsed.mean").value(), 1e-9);
        }
        assertTrue(byName.containsKey("Browse/Page 0"));
        assertEquals(byName.values().stream().mapToLong(List::size).sum(), metric(r, "gatling.total.count").value(), 0);
        assertEquals(40, metric(r, "gatling.users.started").value(), 0);
        assertEquals(40, metric(r, "gatling.users.finished").value(), 0);
        assertEquals(40, metric(r, "gatling.group.Browse.count").value(), 0);
    }

    @Test
    public void shouldReadGatling30RecordsWithUserIds() throws IOException {
        String log = "RUN\tmy.Simulation\tmysimulation\t1717200000000\t \t3.0.3\n"
                + "USER\tScn\t1\tSTART\t1717200000000\t1717200000000\n"
                + "REQUEST\t1\t\tHome\t1717200000000\t1717200000030\tOK\t \n"
                + "REQUEST\t1\t\tHome\t1717200000040\t1717200000100\tKO\t\"quoted\" status 500\n"
                + "GROUP\t1\tCheckout\t1717200000000\t1717200000100\t90\tKO\n"
                + "USER\tScn\t1\tEND\t1717200000000\t1717200000100\n";
        ParseResult r = parser().parse(write("simulation.log", log.getBytes(StandardCharsets.UTF_8)), "gatling");
        assertEquals(r.problems().toString(), 0, r.problemCount());
        assertEquals(2, metric(r, "gatling.Home.count").value(), 0);
        assertEquals(50, metric(r, "gatling.Home.error_pct").value(), 0);
        assertEquals(60, metric(r, "gatling.Home.elapsed.max").value(), 0);
        assertEquals(100, metric(r, "gatling.group.Checkout.elapsed.max").value(), 0);
        assertFalse(r.metrics().stream().anyMatch(m -> m.key().startsWith("gatling.total.latency")));
    }

    @Test
    public void shouldReportUnknownRecordTypeWithLine() throws IOException {
        String log = "RUN\tmy.Simulation\tsim\t1717200000000\t \t3.7.6\nBOGUS\tx\n";
        ParseResult r = parser().parse(write("simulation.log", log.getBytes(StandardCharsets.UTF_8)), "gatling");
        assertEquals(2, r.problems().get(0).origin().line());
        assertTrue(r.problems().get(0).message().contains("unknown record type 'BOGUS'"));
    }
}
