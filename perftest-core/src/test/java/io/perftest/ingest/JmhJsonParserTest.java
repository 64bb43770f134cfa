package io.perftest.ingest;

import io.perftest.model.Direction;
import io.perftest.model.Metric;
import org.junit.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static io.perftest.ingest.JmeterCsvParserTest.metric;
import static org.junit.Assert.assertEquals;

/**
 * The sample is JMH 1.37's real -rf json of a tiny run of perftest-bench's JtlAggregationBenchmark
 * (8 MB file, 3 single-shot iterations); jmh-summary.txt is the result table JMH printed.
 */
public class JmhJsonParserTest extends ResultParserContractTest {

    @Override
    protected ResultParser parser() {
        return new JmhJsonParser();
    }

    @Override
    protected String sampleResource() {
        return "jmh-jtl-aggregation.json";
    }

    @Override
    protected String malformedText() {
        return "[\n  {\n    \"jmhVersion\" : \"1.37\",\n    \"benchmark\" : \"a.B.c\",\n    \"mode\" : \"thrpt\",\n"
                + "    \"primaryMetric\" : { \"score\" : 1.0, \"scoreUnit\" : \"ops/s\" \"rawData\" : [] }\n  }\n]\n";
    }

    @Override
    protected int malformedLine() {
        return 6;
    }

    @Test
    public void shouldEqualTheTableJmhPrinted() throws IOException {
        String table = new String(getClass().getResourceAsStream("jmh-summary.txt").readAllBytes(), StandardCharsets.UTF_8);
        ParseResult r = parseSample();
        int rows = 0;
        for (String line : table.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 8 || !f[0].startsWith("JtlAggregationBenchmark.")) {
                continue;
            }
            rows++;
            // Benchmark (megabytes) Mode Cnt Score ± Error Units
            String key = "jmh." + f[0].replace('.', '_') + "-megabytes_" + f[1] + "." + f[2];
            Metric score = metric(r, key + ".score");
            assertEquals(Double.parseDouble(f[4]), score.samples().statistics().mean(), 0.0005);
            assertEquals(Integer.parseInt(f[3]), score.samples().size());
            assertEquals(f[7], score.unit().symbol());
            assertEquals(Direction.LOWER_IS_BETTER, score.direction());
            assertEquals(Double.parseDouble(f[6]), metric(r, key + ".score_error").value(), 0.0005);
        }
        assertEquals(2, rows);
    }

    @Test
    public void shouldMakeThroughputHigherIsBetter() throws IOException {
        String json = "[{\"benchmark\":\"p.Q.run\",\"mode\":\"thrpt\",\"params\":{\"n\":\"10\"},"
                + "\"primaryMetric\":{\"score\":5.0,\"scoreError\":0.5,\"scoreUnit\":\"ops/s\",\"rawData\":[[4.0,6.0],[5.0]]}}]";
        ParseResult r = parser().parse(write("t.json", json.getBytes(StandardCharsets.UTF_8)), "jmh");
        Metric score = metric(r, "jmh.Q_run-n_10.thrpt.score");
        assertEquals(Direction.HIGHER_IS_BETTER, score.direction());
        assertEquals(3, score.samples().size());
        assertEquals(5.0, score.samples().statistics().mean(), 0);
    }
}
