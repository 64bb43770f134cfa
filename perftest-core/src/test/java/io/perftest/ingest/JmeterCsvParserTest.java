package io.perftest.ingest;

import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.MetricKey;
import io.perftest.model.Unit;
import org.junit.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

public class JmeterCsvParserTest extends ResultParserContractTest {

    @Override
    protected ResultParser parser() {
        return new JmeterCsvParser();
    }

    @Override
    protected String sampleResource() {
        return "jmeter-default-header.jtl";
    }

    @Override
    protected String malformedText() {
        return JmeterCsvParser.DEFAULT_COLUMNS.stream().reduce((a, b) -> a + "," + b).orElseThrow() + "\n"
                + "1717200000006,154,Home,200,OK,T 1-1,text,true,,1063,100,8,8,http://x/,145,0,4\n"
                + "1717200000007,fast,Home,200,OK,T 1-1,text,true,,1063,100,8,8,http://x/,145,0,4\n";
    }

    @Override
    protected int malformedLine() {
        return 3;
    }

    /** The rows of a JTL fixture read independently (a plain quote-aware split), as an oracle. */
    static Map<String, List<long[]>> oracle(String resource, boolean header) throws IOException {
        String text;
        try (InputStream in = JmeterCsvParserTest.class.getResourceAsStream(resource)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, List<long[]>> byLabel = new LinkedHashMap<>();
        String[] lines = text.split("\n");
        for (int i = header ? 1 : 0; i < lines.length; i++) {
            List<String> f = splitQuoted(lines[i]);
            long[] row = {Long.parseLong(f.get(0)), Long.parseLong(f.get(1)), f.get(7).equals("true") ? 0 : 1,
                Long.parseLong(f.get(14)), Long.parseLong(f.get(16)), Long.parseLong(f.get(9)), Long.parseLong(f.get(10))};
            byLabel.computeIfAbsent(f.get(2), k -> new ArrayList<>()).add(row);
        }
        return byLabel;
    }

    private static List<String> splitQuoted(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    static double nearestRank(long[] values, double p) {
        long[] s = values.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(p / 100 * s.length);
        return s[Math.max(0, rank - 1)];
    }

    static Metric metric(ParseResult r, String key) {
        Optional<Metric> m = r.metrics().stream().filter(x -> x.key().equals(key)).findFirst();
        assertTrue("no metric " + key + " in " + r.metrics().stream().map(Metric::key).toList(), m.isPresent());
        return m.get();
    }

    static void assertLabelMatchesOracle(ParseResult r, String prefix, List<long[]> rows) {
        long[] elapsed = rows.stream().mapToLong(x -> x[1]).toArray();
        long[] latency = rows.stream().mapToLong(x -> x[3]).toArray();
        long errors = rows.stream().mapToLong(x -> x[2]).sum();
        long first = rows.stream().mapToLong(x -> x[0]).min().orElseThrow();
        long last = rows.stream().mapToLong(x -> x[0] + x[1]).max().orElseThrow();
        double window = (last - first) / 1000.0;
        assertEquals(rows.size(), metric(r, prefix + ".count").value(), 0);
        assertEquals(errors, metric(r, prefix + ".errors").value(), 0);
        assertEquals(100.0 * errors / rows.size(), metric(r, prefix + ".error_pct").value(), 1e-9);
        assertEquals(rows.size() / window, metric(r, prefix + ".throughput").value(), 1e-9);
        assertEquals(Arrays.stream(elapsed).average().orElseThrow(), metric(r, prefix + ".elapsed.mean").value(), 1e-9);
        assertEquals(Arrays.stream(elapsed).max().orElseThrow(), metric(r, prefix + ".elapsed.max").value(), 0);
        assertEquals(Arrays.stream(elapsed).min().orElseThrow(), metric(r, prefix + ".elapsed.min").value(), 0);
        double[] ps = {50, 90, 95, 99, 99.9};
        String[] names = {"p50", "p90", "p95", "p99", "p99_9"};
        boolean exact = rows.size() <= 2048;
        for (int i = 0; i < ps.length; i++) {
            double expected = nearestRank(elapsed, ps[i]);
            double tolerance = exact ? 0 : Math.max(1, expected * 1e-3);
            assertEquals(prefix + ".elapsed." + names[i], expected, metric(r, prefix + ".elapsed." + names[i]).value(), tolerance);
            double expectedLatency = nearestRank(latency, ps[i]);
            assertEquals(expectedLatency, metric(r, prefix + ".latency." + names[i]).value(),
                    exact ? 0 : Math.max(1, expectedLatency * 1e-3));
        }
        long received = rows.stream().mapToLong(x -> x[5]).sum();
        assertEquals(received / window, metric(r, prefix + ".received_bytes_per_sec").value(), 1e-6);
    }

    @Test
    public void shouldAggregateEveryLabelAndTotalLikeAnIndependentReading() throws IOException {
        Map<String, List<long[]>> rows = oracle("jmeter-default-header.jtl", true);
        ParseResult r = parseSample();
        assertEquals(3, rows.size());
        for (Map.Entry<String, List<long[]>> e : rows.entrySet()) {
            assertLabelMatchesOracle(r, MetricKey.of("jmeter").label(e.getKey()).text(), e.getValue());
        }
        List<long[]> all = rows.values().stream().flatMap(List::stream).toList();
        assertLabelMatchesOracle(r, "jmeter.total", all);
    }

    @Test
    public void shouldKeepQuotedLabelWithCommaAsOneLabelVerbatim() throws IOException {
        ParseResult r = parseSample();
        Metric login = metric(r, "jmeter.\"Login, then dashboard\".count");
        assertEquals(1500, login.value(), 0);
        assertEquals(Optional.of("Login, then dashboard"), login.id().label());
        assertEquals(300, metric(r, "jmeter.\"Search \\\"products\\\"\".count").value(), 0);
    }

    @Test
    public void shouldKeepSamplersWhoseLabelsDifferOnlyInPunctuationApartWithTheirOwnValues() throws IOException {
        // three samplers of 10, 100 and 1000 ms used to fold into one 'a_b' with a 370 ms mean; a URL with and without its slash likewise
        StringBuilder jtl = new StringBuilder("timeStamp,elapsed,label,responseCode,success\n");
        String[][] samplers = {{"a b", "10"}, {"a_b", "100"}, {"a.b", "1000"}, {"GET /api/users", "20"}, {"GET /api/users/", "40"}};
        for (int i = 0; i < 30; i++) {
            String[] s = samplers[i % samplers.length];
            jtl.append(1717200000000L + i).append(',').append(s[1]).append(',').append(s[0]).append(",200,true\n");
        }
        ParseResult r = parser().parse(write("merged.jtl", jtl.toString().getBytes(StandardCharsets.UTF_8)), "jmeter");

        assertEquals(0, r.problemCount());
        for (String[] s : samplers) {
            Metric mean = metric(r, MetricKey.of("jmeter").label(s[0]).then("elapsed").statistic("mean").text());
            assertEquals(s[0], Double.parseDouble(s[1]), mean.value(), 0);
            assertEquals(6, metric(r, MetricKey.of("jmeter").label(s[0]).then("count").text()).value(), 0);
            assertEquals(Optional.of(s[0]), mean.id().label());
        }
        assertEquals(List.of("a b", "a_b", "a.b", "GET /api/users", "GET /api/users/"), r.metrics().stream()
                .filter(m -> m.id().quantity().equals(List.of("count"))).map(m -> m.id().label().orElse("(total)")).distinct()
                .filter(l -> !l.equals("(total)")).toList());
        assertEquals(30, metric(r, "jmeter.total.count").value(), 0);
    }

    @Test
    public void shouldKeepASamplerNamedTotalApartFromTheTotals() throws IOException {
        String jtl = "timeStamp,elapsed,label,responseCode,success\n1717200000000,5,total,200,true\n1717200000001,7,other,200,true\n";
        ParseResult r = parser().parse(write("total.jtl", jtl.getBytes(StandardCharsets.UTF_8)), "jmeter");
        assertEquals(5, metric(r, "jmeter.\"total\".elapsed.mean").value(), 0);
        assertEquals(6, metric(r, "jmeter.total.elapsed.mean").value(), 0);
    }

    @Test
    public void shouldSetUnitsAndDirections() throws IOException {
        ParseResult r = parseSample();
        Metric p95 = metric(r, "jmeter.\"Home page\".elapsed.p95");
        assertEquals(Unit.MILLISECONDS, p95.unit());
        assertEquals(Direction.LOWER_IS_BETTER, p95.direction());
        Metric tput = metric(r, "jmeter.total.throughput");
        assertEquals(Unit.PER_SECOND, tput.unit());
        assertEquals(Direction.HIGHER_IS_BETTER, tput.direction());
        assertEquals(Direction.LOWER_IS_BETTER, metric(r, "jmeter.total.error_pct").direction());
    }

    @Test
    public void shouldReadHeaderlessFileWithJmeterDefaultColumns() throws IOException {
        ParseResult withHeader = parseSample();
        byte[] headerless = getClass().getResourceAsStream("jmeter-headerless.csv").readAllBytes();
        ParseResult r = parser().parse(write("jmeter-headerless.csv", headerless), "jmeter");
        assertEquals(0, r.problemCount());
        assertEquals(withHeader.metrics(), r.metrics());
        assertEquals("jmeter-csv", ResultParsers.standard().detect(write("results.csv.1", headerless)).orElseThrow().name());
    }

    @Test
    public void shouldReadColumnsInAnyOrderAndSampleCounts() throws IOException {
        Map<String, List<long[]>> rows = oracle("jmeter-default-header.jtl", true);
        List<long[]> first500 = rows.values().stream().flatMap(List::stream)
                .sorted((a, b) -> Long.compare(a[0], b[0])).limit(500).toList();
        byte[] reordered = getClass().getResourceAsStream("jmeter-reordered-columns.jtl").readAllBytes();
        ParseResult r = parser().parse(write("jmeter-reordered-columns.jtl", reordered), "jmeter");
        assertEquals(r.problems().toString(), 0, r.problemCount());
        assertEquals(500, metric(r, "jmeter.total.count").value(), 0);
        assertEquals(first500.stream().mapToLong(x -> x[2]).sum(), metric(r, "jmeter.total.errors").value(), 0);
        assertEquals(nearestRank(first500.stream().mapToLong(x -> x[1]).toArray(), 90),
                metric(r, "jmeter.total.elapsed.p90").value(), 0);
        assertFalse(r.metrics().stream().anyMatch(m -> m.key().endsWith("sent_bytes_per_sec")));
    }

    @Test
    public void shouldCountSkippedRecordsAndKeepTheRest() throws IOException {
        String text = malformedText() + "1717200000008,12\n" + "1717200000009,7,Home,200,OK,T 1-1,text,false,boom,10,1,8,8,u,5,0,1\n";
        ParseResult r = parser().parse(write("mixed.jtl", text.getBytes(StandardCharsets.UTF_8)), "jmeter");
        assertEquals(2, r.problemCount());
        assertEquals(4, r.problems().get(1).origin().line());
        assertTrue(r.problems().get(1).message(), r.problems().get(1).message().contains("expected at least"));
        assertEquals(2, metric(r, "jmeter.Home.count").value(), 0);
        assertEquals(50, metric(r, "jmeter.Home.error_pct").value(), 0);
    }

    @Test
    public void shouldReportHeaderWithoutJmeterColumns() throws IOException {
        ParseResult r = parser().parse(write("other.jtl", "when,what\n1,2\n".getBytes(StandardCharsets.UTF_8)), "jmeter");
        assertTrue(r.problems().get(0).message(), r.problems().get(0).message().contains("timeStamp, elapsed, label"));
        assertEquals(1, r.problems().get(0).origin().line());
    }

    @Test
    public void shouldReadTimestampsWrittenAsDatesLikeEpochMilliseconds() throws IOException {
        // the same samples, once with JMeter's default timestamps, once with timestamp_format=yyyy/MM/dd HH:mm:ss.SSS
        String header = "timeStamp,elapsed,label,responseCode,success,bytes\n";
        String millis = header + "1717200000000,120,Home,200,true,500\n1717200001500,80,Home,200,true,500\n1717200002250,300,Login,500,false,20\n";
        String dated = header + "2024/06/01 00:00:00.000,120,Home,200,true,500\n2024/06/01 00:00:01.500,80,Home,200,true,500\n"
                + "2024-06-01T00:00:02.250Z,300,Login,500,false,20\n";

        ParseResult a = parser().parse(write("ms.jtl", millis.getBytes(StandardCharsets.UTF_8)), "jmeter");
        ParseResult b = parser().parse(write("dated.jtl", dated.getBytes(StandardCharsets.UTF_8)), "jmeter");

        assertEquals(b.problems().toString(), 0, b.problemCount());
        assertEquals(a.metrics().size(), b.metrics().size());
        for (Metric m : a.metrics()) {
            assertEquals(m.key(), m.value(), metric(b, m.key()).value(), 1e-9);
        }
        assertEquals(3 / 2.55, metric(b, "jmeter.total.throughput").value(), 1e-9);
        ParseResult bad = parser().parse(write("bad.jtl", (header + "yesterday,1,Home,200,true,1\n").getBytes(StandardCharsets.UTF_8)), "jmeter");
        assertTrue(bad.problems().toString(), bad.problems().get(0).message().contains("epoch milliseconds, JMeter's default, or a date-time"));
    }
}
