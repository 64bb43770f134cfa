package io.perftest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.perftest.host.ProcessTree;
import io.perftest.model.RunStatus;
import io.perftest.run.RunEngine;
import io.perftest.store.Json;
import io.perftest.store.RunDirectory;
import io.perftest.store.RunRecord;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** Runs the examples through the real command line and reads the files the runs wrote. */
public class RunCommandEndToEndTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private String results() {
        return tmp.getRoot().toPath().resolve("results").toString();
    }

    @Test
    public void shouldRunTheQuickstartTestAndNumberTheRuns() throws Exception {
        String test = Cli.EXAMPLES.resolve("quickstart/small.yaml").toString();

        Cli.Result first = Cli.run("run", test, "-p", "duration=1", "--results-dir", results());
        Cli.Result second = Cli.run("run", test, "-p", "duration=1", "--results-dir", results(), "--quiet");

        assertEquals(first.err(), ExitCodes.OK, first.exitCode());
        Path run1 = Path.of(first.lastLine());
        assertEquals(Path.of(results(), "quickstart", "small", "1"), run1);
        assertEquals(Path.of(results(), "quickstart", "small", "2"), Path.of(second.lastLine()));
        assertTrue(first.out(), first.out().contains("results.throughput"));
        assertTrue(first.out(), first.out().contains("MB/s"));
        assertTrue(first.out(), first.out().contains("[" ));

        RunRecord record = new RunDirectory(run1).readRecord();
        assertEquals(RunStatus.COMPLETED, record.status());
        assertEquals(List.of("1", "1M"), record.spec().arguments());
        assertTrue(new RunDirectory(run1).readSummary().orElseThrow().metric("results.throughput").orElseThrow().value() > 0);
        assertTrue(Files.size(run1.resolve("console.log")) > 0);
        assertTrue(Files.isRegularFile(run1.resolve("series.json.gz")));
        String report = Files.readString(run1.resolve("report.html"));
        assertTrue(report.contains("results.throughput") && report.contains("<img"));
        assertFalse(second.out(), second.out().contains("hashing"));
    }

    @Test
    public void shouldExitThreeAndKeepPartialResultsWhenTheScriptFails() throws Exception {
        Cli.Result r = Cli.run("run", Cli.EXAMPLES.resolve("failing").toString(), "--results-dir", results());

        assertEquals(r.err(), ExitCodes.RUN_FAILED, r.exitCode());
        Path run = Path.of(r.lastLine());
        RunDirectory dir = new RunDirectory(run);
        assertEquals(RunStatus.FAILED, dir.readRecord().status());
        assertEquals(120, dir.readSummary().orElseThrow().metric("results.requests").orElseThrow().value(), 0);
        try (var files = Files.walk(dir.hostsDirectory())) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().equals("results.csv")));
        }
        assertTrue(Files.readString(dir.consoleLog()).contains("something went wrong"));
    }

    @Test
    public void shouldExitFourWithinTimeoutAndGraceLeavingNoProcess() throws Exception {
        long t0 = System.nanoTime();

        Cli.Result r = Cli.run("run", Cli.EXAMPLES.resolve("hanging").toString(), "--timeout", "2s", "--grace", "1s",
                "--results-dir", results());

        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(r.err(), ExitCodes.ABORTED, r.exitCode());
        assertTrue("took " + seconds + "s", seconds < 2 + 1 + 4);
        RunRecord record = new RunDirectory(Path.of(r.lastLine())).readRecord();
        assertEquals(RunStatus.ABORTED, record.status());
        assertEquals(List.of(), ProcessTree.withEnvironment(RunEngine.RUN_ID_VARIABLE, record.id()));
        assertTrue(r.err(), r.err().contains("timeout of 2s expired"));
    }

    @Test
    public void shouldPrintJsonWithRunDirStatusAndMetrics() throws Exception {
        Cli.Result r = Cli.run("run", Cli.EXAMPLES.resolve("quickstart").toString(), "-p", "duration=1", "-p", "size=256K",
                "--results-dir", results(), "--json", "--archive");

        assertEquals(r.err(), ExitCodes.OK, r.exitCode());
        JsonNode json = Json.mapper().readTree(r.out());
        assertEquals("COMPLETED", json.get("status").asText());
        assertEquals("PASSED", json.get("verdict").asText());
        Path run = Path.of(json.get("runDir").asText());
        assertTrue(Files.isRegularFile(run.resolve("raw.tar.gz")));
        boolean throughput = false;
        for (JsonNode m : json.get("metrics")) {
            throughput |= m.get("key").asText().equals("results.throughput") && m.get("unit").asText().equals("MB/s");
        }
        assertTrue(r.out(), throughput);
        assertTrue("script output goes to stderr with --json", r.err().contains("hashing"));
    }

    @Test
    public void shouldRejectBadConfigurationWithOneLineNamingFileAndLine() throws Exception {
        Path fw = tmp.newFolder("broken").toPath();
        Files.copy(Cli.EXAMPLES.resolve("quickstart/run.sh"), fw.resolve("run.sh"));
        Files.writeString(fw.resolve("framework.yaml"), "name: broken\nscript: run.sh\ntimout: 5m\n");

        Cli.Result r = Cli.run("run", fw.toString(), "--results-dir", results());

        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertEquals(r.err(), 1, r.err().lines().count());
        assertTrue(r.err(), r.err().contains("framework.yaml:3:1: unknown key 'timout'"));
        assertFalse(r.err(), r.err().contains("Exception"));
    }

    @Test
    public void shouldRejectAnUndeclaredParameterAndABadDuration() {
        String quickstart = Cli.EXAMPLES.resolve("quickstart").toString();

        Cli.Result undeclared = Cli.run("run", quickstart, "-p", "sise=1M", "--results-dir", results());
        Cli.Result duration = Cli.run("run", quickstart, "--timeout", "5 minutes", "--results-dir", results());

        assertEquals(ExitCodes.USAGE, undeclared.exitCode());
        assertTrue(undeclared.err(), undeclared.err().contains("parameter 'sise' is not declared")
                && undeclared.err().contains("duration, size"));
        assertEquals(ExitCodes.USAGE, duration.exitCode());
        assertTrue(duration.err(), duration.err().contains("--timeout 5 minutes") && duration.err().contains("not a duration"));
    }

    @Test
    public void shouldRejectAnUnwritableResultsDirectory() throws Exception {
        Path file = tmp.newFile("not-a-dir").toPath();

        Cli.Result r = Cli.run("run", Cli.EXAMPLES.resolve("quickstart").toString(), "--results-dir", file.resolve("x").toString());

        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err(), r.err().contains("results directory") && r.err().contains(file.toString()));
        assertFalse(r.err(), r.err().contains("Exception"));
    }

    @Test
    public void shouldShowARunAsTextAndJson() throws Exception {
        Cli.Result run = Cli.run("run", Cli.EXAMPLES.resolve("failing").toString(), "--results-dir", results(), "-q");

        Cli.Result text = Cli.run("show", run.lastLine());
        Cli.Result json = Cli.run("show", run.lastLine(), "--json");
        Cli.Result missing = Cli.run("show", tmp.getRoot().toString());

        assertEquals(ExitCodes.OK, text.exitCode());
        assertTrue(text.out(), text.out().contains("status:     failed"));
        assertTrue(text.out(), text.out().contains("results.requests"));
        assertEquals("FAILED", Json.mapper().readTree(json.out()).get("run").get("status").asText());
        assertEquals(ExitCodes.USAGE, missing.exitCode());
        assertTrue(missing.err(), missing.err().contains("run.json is missing"));
    }

    @Test
    public void shouldExplainCommandsWithExamplesAndExitCodes() {
        Cli.Result help = Cli.run("help", "run");
        Cli.Result top = Cli.run("--help");
        Cli.Result unknown = Cli.run("runn");

        assertEquals(ExitCodes.OK, help.exitCode());
        assertTrue(help.out(), help.out().contains("Examples:") && help.out().contains("Exit codes:")
                && help.out().contains("--results-dir"));
        assertTrue(top.out(), top.out().contains("run") && top.out().contains("show"));
        assertEquals(ExitCodes.USAGE, unknown.exitCode());
    }
}
