package io.perftest.collect;

import io.perftest.config.ConfigLoader;
import io.perftest.model.CollectorSpec;
import io.perftest.model.Metric;
import io.perftest.model.RunStatus;
import io.perftest.model.Series;
import io.perftest.model.Verdict;
import io.perftest.run.RunOutcome;
import org.junit.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/** Counters read by running real commands on the hosts of a run. */
public class CommandCollectorTest extends CollectorContractTest {

    @Override
    protected CollectorSpec spec() {
        return new CollectorSpec("command", Map.of("name", "load1", "interval", "300ms",
                "run", "sh -c \"sleep 0.2; cut -d' ' -f1 /proc/loadavg\""));
    }

    @Override
    protected Set<String> toolFiles() {
        return Set.of("sh");
    }

    @Override
    protected String outputFile() {
        return "load1.csv";
    }

    /**
     * A run is alive most of the time, but one found alive may be exiting already (a zombie is
     * alive until reaped): kill every run for two intervals, so that at least one dies of it.
     */
    @Override
    protected void killToolMidRun(TestHost host) throws Exception {
        long until = System.nanoTime() + 700_000_000L;
        int killed = 0;
        while (System.nanoTime() < until) {
            killed += host.killCollectorProcesses();
            Thread.sleep(10);
        }
        assertTrue("runs of the command were killed", killed > 0);
    }

    private static CollectorSpec command(String name, String... options) {
        Map<String, String> o = new java.util.LinkedHashMap<>();
        o.put("name", name);
        for (int i = 0; i < options.length; i += 2) {
            o.put(options[i], options[i + 1]);
        }
        return new CollectorSpec("command", o);
    }

    @Test
    public void shouldRecordACounterOnEveryHostWithTheRunsCookieAndFireATriggerOnIt() throws Exception {
        Triggers triggers = Triggers.parse(List.of("command.answer == 42 for 1s: unstable"));
        List<CollectorSpec> collectors = List.of(
                command("answer", "run", "echo 42", "interval", "400ms", "unit", "count", "better", "lower"),
                command("cookie", "argv", "sh;-c;test -n \"$PERFTEST_RUN_ID\" && echo 1 || echo 0", "interval", "500ms"),
                command("queue_rejects", "run", "echo 0", "interval", "500ms"));

        RunOutcome outcome = EngineRuns.engine(EngineRuns.quickstart(3, collectors), TestHost.healthy("exec"), tmp.newFolder().toPath())
                .statsHosts(List.of(TestHost.healthy("stats1"))).counterListener(triggers).build().run();

        assertEquals(outcome.record().problems().toString(), RunStatus.COMPLETED, outcome.status());
        // a loaded machine may take longer than the interval to start echo: a miss, and nothing else
        assertEquals(List.of(), outcome.record().problems().stream().filter(p -> !p.endsWith("(misses)")).toList());
        Metric answer = outcome.summary().metric("command.answer").orElseThrow();
        assertEquals(42, answer.value(), 0);
        assertEquals("count", answer.unit().symbol());
        assertEquals(io.perftest.model.Direction.LOWER_IS_BETTER, answer.direction());
        assertEquals(42, outcome.summary().metric("command.answer@stats1").orElseThrow().value(), 0);
        assertEquals("every run carried the run's cookie", 1, outcome.summary().metric("command.cookie").orElseThrow().value(), 0);
        assertEquals(io.perftest.model.Direction.NEUTRAL, outcome.summary().metric("command.cookie").orElseThrow().direction());
        assertEquals("a counter whose name says rejections is lower is better unless 'better' says otherwise",
                io.perftest.model.Direction.LOWER_IS_BETTER, outcome.summary().metric("command.queue_rejects").orElseThrow().direction());
        Series s = outcome.directory().readSeries().stream()
                .filter(x -> x.key().equals("command.answer") && x.host().equals("exec")).findFirst().orElseThrow();
        assertTrue("about 2.5 samples a second for 3 s: " + s.size(), s.size() >= 4);
        assertEquals(Verdict.UNSTABLE, outcome.verdict());
        assertEquals(1, outcome.directory().readRecord().triggers().size());
        Path kept = outcome.directory().hostDirectory("exec").resolve("command");
        assertTrue(Files.readString(kept.resolve("answer.csv")).startsWith("time,command.answer (count)\n"));
        assertTrue(Files.exists(kept.resolve("cookie.csv")));
        EngineRuns.assertNoProcessLeft(outcome);
    }

    @Test
    public void shouldReportTextOutputAndHangingRunsOnceAndKeepTheOtherCounters() throws Exception {
        List<CollectorSpec> collectors = List.of(
                command("load", "run", "awk '{print $1}' /proc/loadavg", "interval", "500ms"),
                command("text", "run", "echo 'hello world'", "interval", "500ms"),
                command("hang", "run", "sleep 30", "interval", "300ms"));

        RunOutcome outcome = EngineRuns.engine(EngineRuns.quickstart(2, collectors), TestHost.healthy("exec"), tmp.newFolder().toPath())
                .build().run();

        assertEquals(outcome.record().problems().toString(), RunStatus.COMPLETED, outcome.status());
        Metric load = outcome.summary().metric("command.load").orElseThrow();
        double now = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        assertTrue(load + " vs " + now, load.value() >= 0 && load.value() < Math.max(50, now * 10));
        assertTrue(outcome.summary().metric("command.text").isEmpty());
        assertTrue(outcome.summary().metric("command.hang").isEmpty());
        // a loaded machine may take longer than the interval to start awk or echo: misses of theirs aside
        List<String> problems = outcome.record().problems().stream()
                .filter(p -> p.startsWith("command/hang.csv") || !p.endsWith("(misses)")).toList();
        assertEquals(problems.toString(), 2, problems.size());
        assertTrue(problems.toString(), problems.stream().anyMatch(p -> p.startsWith("command/text.csv")
                && p.contains("printed no number (first: printed 'hello world', not one number)")));
        assertTrue(problems.toString(), problems.stream().anyMatch(p -> p.startsWith("command/hang.csv")
                && p.contains("did not finish within 300ms (misses)")));
        String console = Files.readString(outcome.directory().consoleLog());
        assertEquals(console, 1, console.lines().filter(l -> l.contains("command.text: printed 'hello world'")).count());
        assertEquals(console, 1, console.lines().filter(l -> l.contains("command.hang: a run did not finish")).count());
        EngineRuns.assertNoProcessLeft(outcome);
    }

    @Test
    public void shouldTakeTheArgvAsAYamlListInFrameworkYaml() throws Exception {
        Path dir = tmp.newFolder("fw").toPath();
        Files.writeString(dir.resolve("framework.yaml"), """
                name: fw
                script: run.sh
                collectors:
                  - command: {name: queue_depth, argv: [redis-cli, llen, "jobs and more"], interval: 2s}
                """);
        Files.setPosixFilePermissions(Files.writeString(dir.resolve("run.sh"), "#!/bin/sh\n"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        ConfigLoader loader = new ConfigLoader(new io.perftest.config.ConfigChecks(CollectorRegistry.standard()::check, t -> { }));

        CollectorSpec spec = loader.loadFramework(dir).collectors().get(0);
        CommandCollector c = (CommandCollector) CollectorRegistry.standard().create(spec);

        assertEquals(List.of("redis-cli", "llen", "jobs and more"), c.argv());
        assertEquals("queue_depth.csv", c.file());
    }

    @Test
    public void shouldSplitACommandLineWithoutAShell() {
        assertEquals(List.of("awk", "{print $1}", "/proc/loadavg"), CollectorOptions.words("awk '{print $1}' /proc/loadavg"));
        assertEquals(List.of("say", "a \"b\" \\c", "d e", "f"), CollectorOptions.words("say \"a \\\"b\\\" \\c\" d\\ e  f"));
        assertEquals(List.of("x", "", "y"), CollectorOptions.words("x '' y"));
    }

    @Test
    public void shouldReadOneNumberAndNothingElse() {
        assertEquals(42, CommandCollector.parse("42\n"), 0);
        assertEquals(-0.5, CommandCollector.parse("  -0.5 "), 0);
        assertEquals(1.5e3, CommandCollector.parse("1.5e3"), 0);
        for (String bad : List.of("", "12 ms", "NaN", "0x10", "1\n2", "Infinity")) {
            assertThrows(bad, NumberFormatException.class, () -> CommandCollector.parse(bad));
        }
    }

    @Test
    public void shouldRejectBadOptionsSayingHowToWriteThem() {
        Map<List<String>, String> cases = Map.of(
                List.of("run", "echo 1"), "needs option 'name'",
                List.of("name", "a b", "run", "echo 1"), "use letters, digits",
                List.of("name", "q"), "either as run",
                List.of("name", "q", "run", "echo 1", "argv", "echo;1"), "not both",
                List.of("name", "q", "run", "echo 'oops"), "is not closed",
                List.of("name", "q", "run", "echo 1", "interval", "10ms"), "shorter than the smallest allowed",
                List.of("name", "q", "run", "echo 1", "better", "up"), "lower, higher");
        cases.forEach((options, expected) -> {
            Map<String, String> o = new java.util.LinkedHashMap<>();
            for (int i = 0; i < options.size(); i += 2) {
                o.put(options.get(i), options.get(i + 1));
            }
            IllegalArgumentException e = assertThrows(o.toString(), IllegalArgumentException.class,
                    () -> CollectorRegistry.standard().create(new CollectorSpec("command", o)));
            assertTrue(e.getMessage(), e.getMessage().contains(expected) && e.getMessage().startsWith("collector command"));
        });
    }
}
