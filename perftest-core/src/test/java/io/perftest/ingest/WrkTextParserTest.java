package io.perftest.ingest;

import org.junit.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static io.perftest.ingest.JmeterCsvParserTest.metric;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** The samples are wrk 4.1's real output against nginx on loopback (3 s, 2 threads, 16 connections, --latency; and a 404 URL). */
public class WrkTextParserTest extends ResultParserContractTest {

    @Override
    protected ResultParser parser() {
        return new WrkTextParser();
    }

    @Override
    protected String sampleResource() {
        return "wrk-latency-nginx.txt";
    }

    @Override
    protected String malformedText() {
        return "Running 1s test @ http://127.0.0.1:1/\n  1 threads and 1 connections\n  10 requests in 1.00s, 1.00KB read\n"
                + "Requests/sec:     many\nTransfer/sec:      1.00KB\n";
    }

    @Override
    protected int malformedLine() {
        return 4;
    }

    private static String value(String text, String label) {
        int i = text.indexOf(label);
        return text.substring(i + label.length()).strip().split("\\s+")[0];
    }

    @Test
    public void shouldEqualWhatWrkPrinted() throws IOException {
        String text = new String(sampleBytes(), StandardCharsets.UTF_8);
        ParseResult r = parseSample();
        assertEquals(Double.parseDouble(value(text, "Requests/sec:")), metric(r, "wrk.requests_per_sec").value(), 0);
        String transfer = value(text, "Transfer/sec:");
        assertEquals(Double.parseDouble(transfer.replace("MB", "")) * 1024 * 1024, metric(r, "wrk.transfer_per_sec").value(), 1e-6);
        assertEquals(Double.parseDouble(text.substring(text.indexOf("\n  ", text.indexOf("99%")) + 3).split(" ")[0]),
                metric(r, "wrk.requests").value(), 0);
        String p50 = value(text, "50%");
        assertEquals(Double.parseDouble(p50.replace("us", "")) / 1000, metric(r, "wrk.latency.p50").value(), 1e-12);
        String p99 = value(text, "99%");
        assertEquals(Double.parseDouble(p99.replace("ms", "")), metric(r, "wrk.latency.p99").value(), 1e-12);
        assertEquals(Double.parseDouble(value(text, "Latency").replace("ms", "")), metric(r, "wrk.latency.mean").value(), 1e-12);
        assertEquals(Double.parseDouble(value(text, "Req/Sec").replace("k", "")) * 1000, metric(r, "wrk.thread_rps.mean").value(), 1e-6);
        assertEquals(0, metric(r, "wrk.error_pct").value(), 0);
    }

    @Test
    public void shouldCountNon2xxResponsesAndSocketErrorsAsErrors() throws IOException {
        byte[] non2xx = getClass().getResourceAsStream("wrk-non2xx-nginx.txt").readAllBytes();
        ParseResult r = parser().parse(write("wrk-non2xx-nginx.txt", non2xx), "wrk");
        assertEquals(metric(r, "wrk.requests").value(), metric(r, "wrk.non_2xx_3xx").value(), 0);
        assertEquals(100, metric(r, "wrk.error_pct").value(), 0);
        // the line wrk.c prints when sockets failed (format "  Socket errors: connect %d, read %d, write %d, timeout %d")
        String withSocketErrors = new String(non2xx, StandardCharsets.UTF_8)
                .replace("  Non-2xx", "  Socket errors: connect 0, read 3, write 0, timeout 7\n  Non-2xx");
        ParseResult s = parser().parse(write("wrk-socket.txt", withSocketErrors.getBytes(StandardCharsets.UTF_8)), "wrk");
        assertEquals(7, metric(s, "wrk.errors.timeout").value(), 0);
        assertEquals(metric(s, "wrk.non_2xx_3xx").value() + 10, metric(s, "wrk.errors.total").value(), 0);
    }

    @Test
    public void shouldReportUnknownUnitWithLine() throws IOException {
        String text = "Running 1s test @ http://x/\n  1 threads and 1 connections\nRequests/sec:    10.00\nTransfer/sec:      1.00XB\n";
        ParseResult r = parser().parse(write("wrk.txt", text.getBytes(StandardCharsets.UTF_8)), "wrk");
        assertEquals(4, r.problems().get(0).origin().line());
        assertTrue(r.problems().get(0).message().contains("unknown byte unit 'XB'"));
    }
}
