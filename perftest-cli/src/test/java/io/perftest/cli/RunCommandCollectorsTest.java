package io.perftest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.perftest.store.Json;
import org.junit.Assume;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

public class RunCommandCollectorsTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static final Path QUICKSTART = Path.of("..", "examples", "quickstart");

    @Test
    public void shouldRunQuickstartWithSarProcAndStraceAndPrintTheirMetrics() throws Exception {
        Assume.assumeTrue(Files.isExecutable(Path.of("/usr/bin/sadf")) && Files.isExecutable(Path.of("/usr/bin/strace")));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = PerftestCommand.execute(new String[] {"run", QUICKSTART.toString(), "-p", "duration=2", "-p", "size=256K",
                "--results-dir", tmp.getRoot().toString(), "--collector", "sar", "--collector", "proc", "--collector", "strace",
                "--json", "-q"}, new PrintWriter(out, true), new PrintWriter(err, true));

        assertEquals(err.toString(), 0, code);
        JsonNode result = Json.mapper().readTree(out.toString());
        List<String> keys = new ArrayList<>();
        result.path("metrics").forEach(m -> keys.add(m.path("key").asText()));
        for (String key : List.of("sar.cpu.all.user", "proc.mem.used_pct", "strace.total.calls", "results.throughput")) {
            assertTrue(key + " in " + keys, keys.contains(key));
        }
        Path run = Path.of(result.path("runDir").asText());
        assertTrue(Files.exists(run.resolve("series.json.gz")));
        try (Stream<Path> s = Files.walk(run.resolve("hosts"))) {
            assertTrue(s.anyMatch(p -> p.getFileName().toString().equals("sa.bin")));
        }
    }

    @Test
    public void shouldKeepTwoCommandCountersAndTakeACommaInAQuotedCommandLine() throws Exception {
        Path data = Files.writeString(tmp.getRoot().toPath().resolve("depth.csv"), "jobs,7\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = PerftestCommand.execute(new String[] {"run", QUICKSTART.toString(), "-p", "duration=2", "-p", "size=256K",
                "--results-dir", tmp.getRoot().toString(), "--collector", "command:name=answer,run=echo 42,interval=500ms",
                "--collector", "command:name=depth,run=\"awk -F, '{print $2}' " + data + "\",interval=500ms",
                "--json", "-q"}, new PrintWriter(out, true), new PrintWriter(err, true));

        assertEquals(err.toString(), 0, code);
        JsonNode result = Json.mapper().readTree(out.toString());
        List<String> values = new ArrayList<>();
        result.path("metrics").forEach(m -> values.add(m.path("key").asText() + "=" + m.path("value").asText()));
        assertTrue(values.toString(), values.contains("command.answer=42.0") && values.contains("command.depth=7.0"));
    }

    @Test
    public void shouldRejectABadTriggerWithTheFileAndLine() throws Exception {
        Path fw = tmp.newFolder("fw").toPath();
        Path script = Files.writeString(fw.resolve("run.sh"), "#!/bin/sh\necho metric,value > $PERFTEST_RESULTS_DIR/results.csv\n");
        script.toFile().setExecutable(true);
        Files.writeString(fw.resolve("framework.yaml"), "name: fw\nscript: run.sh\ntriggers:\n  - \"sar.cpu.all.idle below 5\"\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = PerftestCommand.execute(new String[] {"run", fw.toString(), "--results-dir", tmp.getRoot().toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));

        assertEquals(2, code);
        assertTrue(err.toString(), err.toString().contains("framework.yaml:4") && err.toString().contains("COUNTER OP NUMBER"));
    }
}
