package io.perftest.ingest;

import org.junit.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.perftest.ingest.JmeterCsvParserTest.metric;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The sample is fio 3.33's real JSON of a 2-second 70/30 random read/write job on a 16 MiB file;
 * fio-randrw-summary.txt is the normal output of the same run (--output-format=json,normal).
 */
public class FioJsonParserTest extends ResultParserContractTest {

    @Override
    protected ResultParser parser() {
        return new FioJsonParser();
    }

    @Override
    protected String sampleResource() {
        return "fio-randrw.json";
    }

    @Override
    protected String malformedText() {
        return "{\n  \"fio version\" : \"fio-3.33\",\n  \"jobs\" : [\n    {\n      \"jobname\" : \"x\",\n      \"read\" : { \"iops\" : 12,, }\n    }\n  ]\n}\n";
    }

    @Override
    protected int malformedLine() {
        return 6;
    }

    @Test
    public void shouldEqualWhatFioPrintedInItsSummary() throws IOException {
        String summary = new String(getClass().getResourceAsStream("fio-randrw-summary.txt").readAllBytes(), StandardCharsets.UTF_8);
        ParseResult r = parseSample();
        for (String dir : new String[] {"read", "write"}) {
            String section = summary.substring(summary.indexOf("  " + dir + ": IOPS="));
            Matcher iops = Pattern.compile("IOPS=([\\d.]+)(k?), BW=([\\d.]+)MiB/s").matcher(section);
            iops.find();
            double printedIops = Double.parseDouble(iops.group(1)) * (iops.group(2).isEmpty() ? 1 : 1000);
            String k = "fio.randrw." + dir;
            assertEquals(printedIops, metric(r, k + ".iops").value(), printedIops * 0.005);
            double printedMib = Double.parseDouble(iops.group(3));
            assertEquals(printedMib, metric(r, k + ".bw").value() / (1 << 20), 0.05);
            Matcher clat = Pattern.compile("clat \\(usec\\): min=\\s*(\\d+), max=\\s*(\\d+), avg=\\s*([\\d.]+), stdev=\\s*([\\d.]+)").matcher(section);
            clat.find();
            // fio prints min and max cut to whole microseconds
            assertEquals(Double.parseDouble(clat.group(1)), Math.floor(metric(r, k + ".clat.min").value()), 0);
            assertEquals(Double.parseDouble(clat.group(2)), Math.floor(metric(r, k + ".clat.max").value()), 0);
            assertEquals(Double.parseDouble(clat.group(3)), metric(r, k + ".clat.mean").value(), 0.005);
            assertEquals(Double.parseDouble(clat.group(4)), metric(r, k + ".clat.stddev").value(), 0.005);
            String[][] ps = {{"50.00", "p50"}, {"90.00", "p90"}, {"95.00", "p95"}, {"99.00", "p99"}, {"99.90", "p99_9"}};
            for (String[] p : ps) {
                Matcher m = Pattern.compile(Pattern.quote(p[0]) + "th=\\[\\s*(\\d+)\\]").matcher(section);
                m.find();
                assertEquals(k + ".clat." + p[1], Double.parseDouble(m.group(1)), metric(r, k + ".clat." + p[1]).value(), 1);
            }
        }
        assertEquals(0, metric(r, "fio.randrw.errors").value(), 0);
    }

    /** fio 3.33's real output of two jobs: it prints "seqwrite: (g=0): rw=write, ..." on stdout before the JSON. */
    @Test
    public void shouldReadTheJsonAfterTheLinesFioPrintsFirstAndKeepTheLineNumbers() throws IOException {
        byte[] bytes = getClass().getResourceAsStream("fio-two-jobs-text-first.json").readAllBytes();
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("seqwrite: (g=0): rw=write"));
        java.nio.file.Path file = write("fio.out", bytes);

        ParseResult r = new FioJsonParser().parse(file, "fio");

        assertEquals("fio-json", ResultParsers.standard().detect(file).orElseThrow().name());
        assertEquals(r.problems().toString(), 0, r.problemCount());
        com.fasterxml.jackson.databind.JsonNode jobs = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(text.substring(text.indexOf("\n{") + 1)).get("jobs");
        assertEquals(jobs.get(0).get("write").get("iops").asDouble(), metric(r, "fio.seqwrite.write.iops").value(), 1e-9);
        assertEquals(jobs.get(1).get("read").get("iops").asDouble(), metric(r, "fio.randread.read.iops").value(), 1e-9);

        // a syntax error after the text lines is reported at its line in the file
        String broken = text.replaceFirst("\"jobname\" : \"randread\",", "\"jobname\" : \"randread\",,");
        long line = broken.substring(0, broken.indexOf(",,")).lines().count();
        ParseResult b = new FioJsonParser().parse(write("broken.out", broken.getBytes(StandardCharsets.UTF_8)), "fio");
        assertTrue(b.problems().toString(), b.problems().get(0).origin().line() == line);
        assertTrue(metric(b, "fio.seqwrite.write.iops").value() > 0);
    }
}
