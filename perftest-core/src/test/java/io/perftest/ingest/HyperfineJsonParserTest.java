package io.perftest.ingest;

import io.perftest.model.Metric;
import io.perftest.model.MetricKey;
import org.junit.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.perftest.ingest.JmeterCsvParserTest.metric;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** The sample is hyperfine 1.15's real --export-json of 'true' and 'sleep 0.01' (20 runs each); hyperfine-summary.txt is what it printed. */
public class HyperfineJsonParserTest extends ResultParserContractTest {

    @Override
    protected ResultParser parser() {
        return new HyperfineJsonParser();
    }

    @Override
    protected String sampleResource() {
        return "hyperfine-true-sleep.json";
    }

    @Override
    protected String malformedText() {
        return "{\n  \"results\": [\n    {\"command\": \"true\", \"mean\": 0.001,\n      \"times\": [0.001, oops]}\n  ]\n}\n";
    }

    @Override
    protected int malformedLine() {
        return 4;
    }

    @Test
    public void shouldEqualWhatHyperfinePrintedInItsSummary() throws IOException {
        String summary = new String(getClass().getResourceAsStream("hyperfine-summary.txt").readAllBytes(), StandardCharsets.UTF_8);
        Matcher bench = Pattern.compile("Benchmark \\d+: (.+)\\n\\s+Time \\(mean ± σ\\):\\s+([\\d.]+) ms ±\\s+([\\d.]+) ms.*\\n"
                + "\\s+Range \\(min … max\\):\\s+([\\d.]+) ms …\\s+([\\d.]+) ms\\s+(\\d+) runs").matcher(summary);
        ParseResult r = parseSample();
        List<String> seen = new ArrayList<>();
        while (bench.find()) {
            String key = MetricKey.of("hyperfine").label(bench.group(1)).text();
            seen.add(key);
            assertEquals(Double.parseDouble(bench.group(2)), metric(r, key + ".mean").value() * 1000, 0.05);
            assertEquals(Double.parseDouble(bench.group(3)), metric(r, key + ".stddev").value() * 1000, 0.05);
            assertEquals(Double.parseDouble(bench.group(4)), metric(r, key + ".min").value() * 1000, 0.05);
            assertEquals(Double.parseDouble(bench.group(5)), metric(r, key + ".max").value() * 1000, 0.05);
            Metric time = metric(r, key + ".time");
            assertEquals(Integer.parseInt(bench.group(6)), time.samples().size());
            assertEquals(metric(r, key + ".mean").value(), time.samples().statistics().mean(), 1e-12);
            assertEquals(metric(r, key + ".stddev").value(), time.samples().statistics().stddev(), 1e-12);
            assertEquals(0, metric(r, key + ".failed_runs").value(), 0);
        }
        assertEquals(List.of("hyperfine.true", "hyperfine.\"sleep 0.01\""), seen);
    }

    @Test
    public void shouldKeepCommandsBeforeTruncation() throws IOException {
        byte[] sample = sampleBytes();
        String text = new String(sample, StandardCharsets.UTF_8);
        int cut = text.indexOf("\"command\": \"sleep 0.01\"");
        ParseResult r = parser().parse(write("cut.json", text.substring(0, cut + 40).getBytes(StandardCharsets.UTF_8)), "hyperfine");
        assertTrue(r.metrics().stream().anyMatch(m -> m.key().equals("hyperfine.true.mean")));
        assertTrue(r.problems().get(0).message(), r.problems().get(0).message().contains("not valid JSON"));
    }
}
