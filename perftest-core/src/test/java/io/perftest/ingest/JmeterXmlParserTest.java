package io.perftest.ingest;

import io.perftest.model.MetricKey;
import org.junit.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.perftest.ingest.JmeterCsvParserTest.assertLabelMatchesOracle;
import static io.perftest.ingest.JmeterCsvParserTest.metric;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

public class JmeterXmlParserTest extends ResultParserContractTest {

    @Override
    protected ResultParser parser() {
        return new JmeterXmlParser();
    }

    @Override
    protected String sampleResource() {
        return "jmeter-nested.xml";
    }

    @Override
    protected String malformedText() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testResults version=\"1.2\">\n"
                + "<httpSample t=\"12\" lt=\"3\" ts=\"1717200000000\" s=\"true\" lb=\"Home\" rc=\"200\"/>\n"
                + "<httpSample t=\"slow\" lt=\"3\" ts=\"1717200000001\" s=\"true\" lb=\"Home\" rc=\"200\"/>\n"
                + "</testResults>\n";
    }

    @Override
    protected int malformedLine() {
        return 4;
    }

    @Test
    public void shouldMatchTheSameRowsReadFromCsvAndCountNestedSamplesUnderTheirLabels() throws IOException {
        Map<String, List<long[]>> all = JmeterCsvParserTest.oracle("jmeter-default-header.jtl", true);
        List<Map.Entry<String, long[]>> first400 = all.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(r -> Map.entry(e.getKey(), r)))
                .sorted((a, b) -> Long.compare(a.getValue()[0], b.getValue()[0])).limit(400).toList();
        ParseResult r = parseSample();
        for (String label : all.keySet()) {
            List<long[]> rows = first400.stream().filter(e -> e.getKey().equals(label)).map(Map.Entry::getValue).toList();
            assertLabelMatchesOracle(r, MetricKey.of("jmeter").label(label).text(), rows);
        }
        long logins = first400.stream().filter(e -> e.getKey().startsWith("Login")).count();
        assertEquals(logins, metric(r, "jmeter.Login-0.count").value(), 0);
        assertEquals(logins, metric(r, "jmeter.Login-1.count").value(), 0);
        assertEquals(400 + 2 * logins, metric(r, "jmeter.total.count").value(), 0);
    }

    @Test
    public void shouldRefuseXmlBombWithoutExpandingIt() throws IOException {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            bomb.append(" <!ENTITY lol").append(i).append(" \"");
            for (int k = 0; k < 10; k++) {
                bomb.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            bomb.append("\">\n");
        }
        bomb.append("]>\n<testResults version=\"1.2\">\n<httpSample t=\"1\" ts=\"1\" lb=\"&lol9;\" s=\"true\"/>\n</testResults>\n");
        long start = System.nanoTime();
        ParseResult r = parser().parse(write("bomb.jtl", bomb.toString().getBytes(StandardCharsets.UTF_8)), "jmeter");
        assertTrue("took too long: expanded?", System.nanoTime() - start < 5_000_000_000L);
        assertTrue(r.problemCount() > 0);
        assertFalse(r.metrics().stream().anyMatch(m -> m.key().contains("lol")));
    }

    @Test
    public void shouldNeverFetchAnExternalEntity() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(300);
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/secret";
            String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM \"" + url + "\">]>\n"
                    + "<testResults version=\"1.2\">\n<httpSample t=\"1\" ts=\"1\" lb=\"&xxe;\" s=\"true\"/>\n</testResults>\n";
            ParseResult r = parser().parse(write("xxe.jtl", xxe.getBytes(StandardCharsets.UTF_8)), "jmeter");
            AtomicBoolean fetched = new AtomicBoolean(true);
            try {
                server.accept().close();
            } catch (SocketTimeoutException e) {
                fetched.set(false);
            }
            assertFalse("the external entity was fetched", fetched.get());
            assertTrue(r.problemCount() > 0);
            assertTrue(r.problems().get(0).origin().line() > 0);
        }
    }

    @Test
    public void shouldReportMissingAttributesWithLine() throws IOException {
        String xml = "<testResults>\n<sample t=\"5\" lb=\"x\"/>\n</testResults>";
        ParseResult r = parser().parse(write("noattr.jtl", xml.getBytes(StandardCharsets.UTF_8)), "jmeter");
        assertEquals(2, r.problems().get(0).origin().line());
        assertTrue(r.problems().get(0).message().contains("without lb, t or ts"));
    }
}
