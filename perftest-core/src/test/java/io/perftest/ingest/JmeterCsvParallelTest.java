package io.perftest.ingest;

import io.perftest.model.Metric;
import io.perftest.model.MetricKey;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** A large JTL read in parts on several threads gives what one pass gives, problems at the right lines included. */
public class JmeterCsvParallelTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static final String HEADER = "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,"
            + "success,failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect";

    /** Writes a seeded JTL of {@code rows} rows; {@code special} rows (by index) get the given text instead. */
    private Path jtl(int rows, Map<Integer, String> special) throws IOException {
        Path f = tmp.newFile("results.jtl").toPath();
        SplittableRandom r = new SplittableRandom(7);
        String[] labels = {"Home", "\"Login, then dashboard\"", "Search", "Checkout"};
        try (BufferedWriter w = Files.newBufferedWriter(f)) {
            w.write(HEADER + "\n");
            for (int i = 0; i < rows; i++) {
                if (special.containsKey(i)) {
                    w.write(special.get(i) + "\n");
                    continue;
                }
                int elapsed = 5 + r.nextInt(500);
                boolean ok = r.nextInt(50) != 0;
                w.write((1717200000000L + i * 3L) + "," + elapsed + "," + labels[r.nextInt(labels.length)] + ","
                        + (ok ? "200,OK" : "500,Server Error") + ",T 1-" + r.nextInt(8) + ",text," + ok + ",,"
                        + (1000 + r.nextInt(5000)) + ",120,8,8,http://x/," + (elapsed - r.nextInt(5)) + ",0," + r.nextInt(20) + "\n");
            }
        }
        return f;
    }

    private static Map<String, Double> byKey(ParseResult r) {
        Map<String, Double> m = new TreeMap<>();
        for (Metric metric : r.metrics()) {
            m.put(metric.key(), metric.value());
        }
        return m;
    }

    private static void assertSameMetrics(ParseResult oneP, ParseResult parts) {
        Map<String, Double> a = byKey(oneP);
        Map<String, Double> b = byKey(parts);
        assertEquals(a.keySet(), b.keySet());
        for (String key : a.keySet()) {
            double tolerance = key.matches(".*\\.p\\d.*") ? Math.abs(a.get(key)) * 1e-3 : Math.abs(a.get(key)) * 1e-12;
            assertEquals(key, a.get(key), b.get(key), tolerance);
        }
    }

    @Test
    public void shouldReadTheDelimiterJmeterWasToldToWriteInPartsAndInOnePass() throws Exception {
        // jmeter.save.saveservice.default_delimiter=; (or \t): the same file with every field separator replaced
        Path comma = jtl(20_000, Map.of());
        ParseResult expected = new JmeterCsvParser(Long.MAX_VALUE, 1).parse(comma, "jmeter");
        for (String d : new String[] {";", "\t"}) {
            String text = Files.readString(comma).replace("\"Login, then dashboard\"", "\u0001")
                    .replace(",", d).replace("\u0001", "\"Login" + d + " then dashboard\"");
            Path other = tmp.newFolder().toPath().resolve("results.jtl");
            Files.writeString(other, text);

            ParseResult onePass = new JmeterCsvParser(Long.MAX_VALUE, 1).parse(other, "jmeter");
            ParseResult inParts = new JmeterCsvParser(64 * 1024, 4).parse(other, "jmeter");

            assertEquals("jmeter-csv", ResultParsers.standard().detect(other).orElseThrow().name());
            assertEquals(0, onePass.problemCount());
            String commaLabel = MetricKey.part("Login, then dashboard");
            String ownLabel = MetricKey.part("Login" + d + " then dashboard");
            assertEquals(byKey(expected).keySet().stream().map(k -> k.replace(commaLabel, ownLabel)).collect(Collectors.toSet()),
                    byKey(onePass).keySet());
            assertSameMetrics(onePass, inParts);
            assertEquals(byKey(expected).get("jmeter.total.elapsed.mean"), byKey(onePass).get("jmeter.total.elapsed.mean"), 1e-9);
            assertEquals(byKey(expected).get("jmeter.total.throughput"), byKey(onePass).get("jmeter.total.throughput"), 1e-9);
        }
        String headerless = "1717200000000;120;Home;200;OK;T 1-1;text;true;;500;120;8;8;http://x/;100;0;3\n";
        Path h = tmp.newFolder().toPath().resolve("headerless.jtl");
        Files.writeString(h, headerless);
        assertEquals(1, byKey(new JmeterCsvParser().parse(h, "jmeter")).get("jmeter.Home.count"), 0);
    }

    @Test
    public void shouldAggregateInPartsExactlyAsInOnePass() throws Exception {
        Path file = jtl(20_000, Map.of());

        ParseResult onePass = new JmeterCsvParser(Long.MAX_VALUE, 1).parse(file, "jmeter");
        ParseResult inParts = new JmeterCsvParser(64 * 1024, 4).parse(file, "jmeter");

        assertEquals(0, onePass.problemCount());
        assertEquals(0, inParts.problemCount());
        assertSameMetrics(onePass, inParts);
        assertEquals(20_000, inParts.metrics().stream().filter(m -> m.key().equals("jmeter.total.count"))
                .findFirst().orElseThrow().value(), 0);
    }

    @Test
    public void shouldReportBadRecordsOfEveryPartAtTheirLineInTheFile() throws Exception {
        Path file = jtl(20_000, Map.of(100, "1717200000000,slow,Home,200,OK", 15_000, "oops,1,Home,200,OK,T,text,true,,1,1,1,1,u,1,0,1"));

        ParseResult inParts = new JmeterCsvParser(64 * 1024, 4).parse(file, "jmeter");

        assertEquals(2, inParts.problemCount());
        assertEquals(102, inParts.problems().get(0).origin().line());
        assertEquals(15_002, inParts.problems().get(1).origin().line());
    }

    @Test
    public void shouldFallBackToOnePassWhenAQuotedFieldSpansTheSplit() throws Exception {
        StringBuilder multiLine = new StringBuilder("1717200000000,10,Home,500,\"line one");
        for (int i = 0; i < 40_000; i++) {
            multiLine.append("\nmore text ").append(i);
        }
        multiLine.append("\",T 1-1,text,false,,1,1,1,1,u,1,0,1");
        Path file = jtl(8_000, Map.of(4_000, multiLine.toString()));

        ParseResult onePass = new JmeterCsvParser(Long.MAX_VALUE, 1).parse(file, "jmeter");
        ParseResult inParts = new JmeterCsvParser(64 * 1024, 4).parse(file, "jmeter");

        assertEquals(onePass.problemCount(), inParts.problemCount());
        assertSameMetrics(onePass, inParts);
        assertTrue(Files.size(file) > 4 * 64 * 1024);
    }
}
