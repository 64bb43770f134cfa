package io.perftest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.perftest.model.Metric;
import io.perftest.model.MetricKey;
import io.perftest.model.RunStatus;
import io.perftest.model.RunSummary;
import io.perftest.model.ThresholdOutcome;
import io.perftest.model.Verdict;
import io.perftest.store.Json;
import io.perftest.store.RunDirectory;
import io.perftest.store.RunRecord;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * Samplers whose labels differ only in punctuation (they used to fold into one metric) run
 * through {@code perftest run}: each is its own metric, with its own value and its label as
 * written, in summary.json, {@code --json}, the thresholds, {@code show}, {@code parse} and the report.
 */
public class MetricIdentityEndToEndTest {

    /** Label and elapsed time of every sampler, three requests each. */
    private static final String[][] SAMPLERS = {
        {"a b", "10"}, {"a_b", "100"}, {"a.b", "1000"}, {"GET /api/users", "20"}, {"GET /api/users/", "40"},
        {"search, advanced", "30"}, {"<img src=x onerror=alert(1)>", "50"}, {"say \"hi\"", "60"},
    };

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static String jtl() {
        StringBuilder b = new StringBuilder("timeStamp,elapsed,label,responseCode,success\n");
        long t = 1717200000000L;
        for (int i = 0; i < 3; i++) {
            for (String[] s : SAMPLERS) {
                String label = s[0].contains(",") || s[0].contains("\"") ? "\"" + s[0].replace("\"", "\"\"") + "\"" : s[0];
                b.append(t++).append(',').append(s[1]).append(',').append(label).append(",200,true\n");
            }
        }
        return b.toString();
    }

    private Path framework(String scriptBody, String... thresholds) throws Exception {
        Path fw = tmp.newFolder("fw").toPath();
        Path script = Files.writeString(fw.resolve("run.sh"), "#!/bin/sh\nset -e\n" + scriptBody);
        assertTrue(script.toFile().setExecutable(true));
        StringBuilder yaml = new StringBuilder("name: identity\nscript: run.sh\nresults: [\"*.jtl\"]\nthresholds:\n");
        for (String t : thresholds) {
            yaml.append("  - '").append(t.replace("'", "''")).append("'\n");
        }
        Files.writeString(fw.resolve("framework.yaml"), yaml.toString());
        return fw;
    }

    private static String writeFile(String name, String content) {
        return "cat > \"$PERFTEST_RESULTS_DIR/" + name + "\" <<'EOF'\n" + content + "EOF\n";
    }

    @Test
    public void shouldKeepEverySamplerApartWithItsOwnLabelAndValueThroughRunShowParseAndReport() throws Exception {
        Path fw = framework(writeFile("samplers.jtl", jtl()),
                "jmeter.\"a b\".elapsed.mean < 11 ms",
                "jmeter.a_b.elapsed.mean < 101 ms",
                "jmeter.\"a.b\".elapsed.mean < 1001 ms",
                "jmeter.\"GET /api/users\".elapsed.mean <= 20 ms",
                "jmeter.\"GET /api/users/\".elapsed.mean <= 40 ms",
                "jmeter.\"search, advanced\".count == 3",
                "jmeter.\"say \\\"hi\\\"\".elapsed.p95 < 61 ms",
                "jmeter.a_b.elapsed.mean < 50 ms : unstable");

        Cli.Result run = Cli.run("run", fw.toString(), "--results-dir", tmp.getRoot().toPath().resolve("results").toString(), "--json", "-q");

        assertEquals(run.err(), ExitCodes.OK, run.exitCode());
        JsonNode json = Json.mapper().readTree(run.out());
        Path runDir = Path.of(json.path("runDir").asText());
        RunRecord record = new RunDirectory(runDir).readRecord();
        assertEquals(record.problems().toString(), RunStatus.COMPLETED, record.status());
        assertEquals(List.of(), record.problems());
        RunSummary summary = new RunDirectory(runDir).readSummary().orElseThrow();
        for (String[] s : SAMPLERS) {
            Metric mean = summary.metrics().stream()
                    .filter(m -> m.id().label().equals(Optional.of(s[0])) && m.id().statistic().equals(Optional.of("mean"))
                            && m.id().quantity().equals(List.of("elapsed")))
                    .findFirst().orElseThrow(() -> new AssertionError("no elapsed.mean of '" + s[0] + "' in " + summary));
            assertEquals(s[0], Double.parseDouble(s[1]), mean.value(), 0);
            assertEquals(s[0], 3, summary.metric(MetricKey.of("jmeter").label(s[0]).then("count").text()).orElseThrow().value(), 0);
        }
        assertEquals(10, summary.metric("jmeter.\"a b\".elapsed.mean").orElseThrow().value(), 0);
        assertEquals(100, summary.metric("jmeter.a_b.elapsed.mean").orElseThrow().value(), 0);
        assertEquals(1000, summary.metric("jmeter.\"a.b\".elapsed.mean").orElseThrow().value(), 0);

        // every threshold found its metric; the unstable one names the a_b sampler's own 100 ms
        assertEquals(8, record.thresholds().size());
        for (ThresholdOutcome t : record.thresholds().subList(0, 7)) {
            assertTrue(t.expression() + ": " + t.message(), t.passed());
        }
        ThresholdOutcome unstable = record.thresholds().get(7);
        assertFalse(unstable.passed());
        assertEquals(100, unstable.observed(), 0);
        assertEquals(Verdict.UNSTABLE, record.verdict());

        // --json carries the parts, the label verbatim
        Map<String, JsonNode> byKey = new HashMap<>();
        json.path("metrics").forEach(m -> byKey.put(m.path("key").asText(), m));
        JsonNode dotted = byKey.get("jmeter.\"a.b\".elapsed.mean");
        assertEquals("jmeter", dotted.path("source").asText());
        assertEquals("a.b", dotted.path("label").asText());
        assertEquals("elapsed", dotted.path("quantity").path(0).asText());
        assertEquals("mean", dotted.path("statistic").asText());
        assertEquals("say \"hi\"", byKey.get("jmeter.\"say \\\"hi\\\"\".elapsed.mean").path("label").asText());

        // show prints the keys with the labels as written
        Cli.Result show = Cli.run("show", runDir.toString());
        assertEquals(show.err(), ExitCodes.OK, show.exitCode());
        for (String key : List.of("jmeter.\"a b\".elapsed.mean", "jmeter.a_b.elapsed.mean", "jmeter.\"a.b\".elapsed.mean",
                "jmeter.\"GET /api/users/\".elapsed.mean", "jmeter.\"search, advanced\".count")) {
            assertTrue(key + " in\n" + show.out(), show.out().contains(key));
        }

        // parse reads the same file the same way
        Path kept = Files.walk(runDir.resolve("hosts")).filter(p -> p.getFileName().toString().equals("samplers.jtl")).findFirst().orElseThrow();
        Cli.Result parse = Cli.run("parse", kept.toString(), "--json");
        assertEquals(parse.err(), ExitCodes.OK, parse.exitCode());
        JsonNode parsed = Json.mapper().readTree(parse.out());
        List<String> labels = new java.util.ArrayList<>();
        parsed.path("metrics").forEach(m -> {
            if (m.path("quantity").path(0).asText().equals("count") && m.has("label")) {
                labels.add(m.path("label").asText() + "=" + m.path("value").asInt());
            }
        });
        assertEquals(List.of("<img src=x onerror=alert(1)>=3", "GET /api/users=3", "GET /api/users/=3", "a b=3", "a.b=3",
                "say \"hi\"=3", "search, advanced=3", "a_b=3"), labels);

        // the report shows the labels escaped, never as markup
        String report = Files.readString(runDir.resolve("report.html"));
        assertTrue(report.contains("jmeter.&quot;GET /api/users/&quot;.elapsed.mean"));
        assertTrue(report.contains("jmeter.&quot;&lt;img src=x onerror=alert(1)&gt;&quot;.count"));
        assertFalse(report.contains("<img src=x onerror"));
    }

    @Test
    public void shouldNameBothFilesWhenTwoResultFilesOfAnIterationGiveTheSameMetrics() throws Exception {
        String rows = "timeStamp,elapsed,label,responseCode,success\n1717200000000,10,login,200,true\n";
        String other = "timeStamp,elapsed,label,responseCode,success\n1717200000000,99,login,200,true\n";
        Path fw = framework(writeFile("a.jtl", rows) + writeFile("b.jtl", other));

        Cli.Result run = Cli.run("run", fw.toString(), "--results-dir", tmp.getRoot().toPath().resolve("results").toString(), "-q");

        assertEquals(run.err(), ExitCodes.OK, run.exitCode());
        RunDirectory dir = new RunDirectory(Path.of(run.lastLine()));
        RunRecord record = dir.readRecord();
        assertEquals(RunStatus.COMPLETED, record.status());
        assertEquals(record.problems().toString(), 1, record.problems().size());
        String problem = record.problems().get(0);
        assertTrue(problem, problem.contains("results/1/a.jtl and ") && problem.contains("results/1/b.jtl both give")
                && problem.contains("jmeter.login.count") && problem.contains("kept those of"));
        assertTrue(run.err(), run.err().contains("b.jtl both give"));
        assertEquals("the first file's values, not a mix of both", 10,
                dir.readSummary().orElseThrow().metric("jmeter.login.elapsed.mean").orElseThrow().value(), 0);
    }

    @Test
    public void shouldExplainHowToWriteAQuotedLabelInTheHelpOfTheCommandsThatTakeKeys() {
        for (String command : List.of("run", "show", "parse", "trend")) {
            Cli.Result help = Cli.run("help", command);
            assertEquals(command, 0, help.exitCode());
            assertTrue(command + ":\n" + help.out(), help.out().contains("jmeter.\"GET /api/users\".elapsed.p95")
                    && help.out().contains("double quotes"));
        }
    }
}
