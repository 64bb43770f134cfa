package io.perftest.run;

import io.perftest.analysis.Judgement;
import io.perftest.analysis.RunJudge;
import io.perftest.collect.Collector;
import io.perftest.collect.CollectorFactory;
import io.perftest.collect.CollectorRegistry;
import io.perftest.collect.CollectorUnavailableException;
import io.perftest.collect.RunningCollector;
import io.perftest.host.LocalHost;
import io.perftest.host.ProcessTree;
import io.perftest.ingest.ParseResult;
import io.perftest.model.BaselineChoice;
import io.perftest.model.CollectorSpec;
import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.RunSpec;
import io.perftest.model.RunStatus;
import io.perftest.model.ThresholdOutcome;
import io.perftest.model.Unit;
import io.perftest.model.Verdict;
import io.perftest.store.RunDirectory;
import io.perftest.store.RunRecord;
import io.perftest.store.TestHistory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

public class RunEngineTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final List<String> infos = Collections.synchronizedList(new ArrayList<>());
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    private final Console console = new Console() {
        @Override
        public void output(String host, String line, boolean stderr) {
            lines.add(line);
        }

        @Override
        public void info(String message) {
            infos.add(message);
        }

        @Override
        public void warn(String message) {
            warnings.add(message);
        }
    };

    private RunEngine.Builder engine(RunSpec spec) throws IOException {
        return RunEngine.builder(spec, new LocalHost("exec"), TestHistory.of(tmp.getRoot().toPath().resolve("results"),
                spec.framework().name(), spec.test().name())).console(console).grace(Duration.ofMillis(500))
                .collectors(CollectorRegistry.of(List.of()));
    }

    @Test
    public void shouldPassDeclaredArgumentsAsSeparateArgvEntriesAndTheContractEnvironment() throws Exception {
        Path fw = Scripts.framework(tmp.newFolder().toPath(), "contract",
                "for a in \"$@\"; do echo \"arg=$a\"; done > \"$PERFTEST_RESULTS_DIR/argv.txt\"\n"
                        + "env | grep '^PERFTEST_' | sort > \"$PERFTEST_RESULTS_DIR/env.txt\"\n"
                        + "pwd > \"$PERFTEST_RESULTS_DIR/pwd.txt\"\n"
                        + "echo 'x,1' > \"$PERFTEST_RESULTS_DIR/results.csv\"",
                "arguments:\n  - {name: first, default: 'a b'}\n  - {name: second, default: '$(touch /tmp/pwned)'}\n"
                        + "  - {name: third}\n");

        RunOutcome outcome = engine(Scripts.spec(fw, Map.of("third", "c;d"))).build().run();

        assertEquals(RunStatus.COMPLETED, outcome.status());
        Path results = outcome.directory().hostDirectory("exec").resolve("results/1");
        assertEquals(List.of("arg=a b", "arg=$(touch /tmp/pwned)", "arg=c;d"), Files.readAllLines(results.resolve("argv.txt")));
        String env = Files.readString(results.resolve("env.txt"));
        RunRecord record = outcome.record();
        assertTrue(env, env.contains("PERFTEST_RUN_ID=" + record.id() + "\n"));
        assertTrue(env, env.contains("PERFTEST_FRAMEWORK=contract\n"));
        assertTrue(env, env.contains("PERFTEST_TEST=default\n"));
        assertTrue(env, env.contains("PERFTEST_ITERATION=1\n"));
        assertTrue(env, env.contains("PERFTEST_HOSTS=exec\n"));
        assertTrue(env, env.contains("PERFTEST_PARAM_FIRST=a b\n"));
        assertTrue(env, env.contains("PERFTEST_PARAM_THIRD=c;d\n"));
        assertTrue(env, env.contains("PERFTEST_PIDS_FILE="));
        assertTrue(env, env.matches("(?s).*PERFTEST_RESULTS_DIR=[^\n]*/results/1\n.*"));
        assertFalse(Files.exists(Path.of("/tmp/pwned")));
        assertEquals(List.of("a b", "$(touch /tmp/pwned)", "c;d"), record.spec().arguments());
    }

    @Test
    public void shouldTakeOneSamplePerIterationAndRecordEveryStage() throws Exception {
        Path fw = Scripts.framework(tmp.newFolder().toPath(), "repeat",
                "echo \"ops,$((PERFTEST_ITERATION * 10)),ops/s\" > \"$PERFTEST_RESULTS_DIR/results.csv\"", "repeat: 3\n");

        RunOutcome outcome = engine(Scripts.spec(fw, Map.of())).build().run();

        assertEquals(RunStatus.COMPLETED, outcome.status());
        Metric ops = outcome.summary().metric("results.ops").orElseThrow();
        assertArrayEquals(new double[] {10, 20, 30}, ops.samples().values(), 0);
        assertEquals(Direction.HIGHER_IS_BETTER, ops.direction());
        assertEquals(3, outcome.record().iterations().size());
        assertEquals(List.of("setup", "start-monitors", "run-test", "stop-monitors", "collect", "collate", "cleanup"),
                outcome.record().stages().stream().map(RunRecord.StageTiming::stage).toList());
        RunDirectory reread = new RunDirectory(outcome.directory().path());
        assertEquals(outcome.summary(), reread.readSummary().orElseThrow());
        assertTrue(reread.readRecord().provenance().scriptSha256().matches("[0-9a-f]{64}"));
        assertNull(reread.readRecord().owner());
    }

    @Test
    public void shouldFailButKeepPartialResultsWhenTheScriptExitsNonZero() throws Exception {
        Path fw = Scripts.framework(tmp.newFolder().toPath(), "failing",
                "printf 'requests,120\\n' > \"$PERFTEST_RESULTS_DIR/results.csv\"; echo boom >&2; exit 7", "repeat: 3\n");

        RunOutcome outcome = engine(Scripts.spec(fw, Map.of())).build().run();

        assertEquals(RunStatus.FAILED, outcome.status());
        assertTrue(outcome.record().reason(), outcome.record().reason().contains("code 7"));
        assertEquals(1, outcome.record().iterations().size());
        assertEquals(120, outcome.summary().metric("results.requests").orElseThrow().value(), 0);
        assertTrue(Files.readString(outcome.directory().consoleLog()).contains("[exec] boom"));
        assertNull(outcome.verdict());
    }

    @Test
    public void shouldAbortOnTimeoutAndLeaveNoProcessOfTheRunBehind() throws Exception {
        Path fw = Scripts.framework(tmp.newFolder().toPath(), "hanging",
                "trap '' TERM\nprintf 'started,1\\n' > \"$PERFTEST_RESULTS_DIR/results.csv\"\n"
                        + "sleep 300 &\nsetsid sleep 300 </dev/null >/dev/null 2>&1 &\n"
                        + "bash -c 'trap \"\" TERM; while :; do sleep 1; done' &\nwhile :; do sleep 1; done",
                "timeout: 1s\n");
        long t0 = System.nanoTime();

        RunOutcome outcome = engine(Scripts.spec(fw, Map.of())).build().run();

        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        assertEquals(RunStatus.ABORTED, outcome.status());
        assertTrue(outcome.record().reason(), outcome.record().reason().contains("timeout of 1s expired"));
        assertTrue("took " + seconds + "s", seconds < 10);
        assertEquals(List.of(), ProcessTree.withEnvironment(RunEngine.RUN_ID_VARIABLE, outcome.record().id()));
        assertEquals(1, outcome.summary().metric("results.started").orElseThrow().value(), 0);
        assertNull(outcome.record().iterations().get(0).exitCode());
    }

    @Test
    public void shouldAbortWhenCancelledAndStillRunCollectAndCleanup() throws Exception {
        Path fw = Scripts.framework(tmp.newFolder().toPath(), "cancel",
                "printf 'x,1\\n' > \"$PERFTEST_RESULTS_DIR/results.csv\"; sleep 300", "");
        RunControl control = new RunControl();
        Thread canceller = new Thread(() -> {
            try {
                Thread.sleep(700);
            } catch (InterruptedException e) {
                return;
            }
            control.cancel("interrupted by SIGINT");
        });
        canceller.start();

        RunOutcome outcome = engine(Scripts.spec(fw, Map.of())).control(control).build().run();

        assertEquals(RunStatus.ABORTED, outcome.status());
        assertEquals("interrupted by SIGINT", outcome.record().reason());
        assertTrue(outcome.record().stages().stream().anyMatch(s -> s.stage().equals("cleanup") && s.error() == null));
        assertEquals(1, outcome.summary().metric("results.x").orElseThrow().value(), 0);
        assertEquals(List.of(), ProcessTree.withEnvironment(RunEngine.RUN_ID_VARIABLE, outcome.record().id()));
    }

    @Test
    public void shouldReportAMissingResultsFileAndABadLineWithoutLosingOtherMetrics() throws Exception {
        Path fw = Scripts.framework(tmp.newFolder().toPath(), "bad",
                "if [ \"$PERFTEST_ITERATION\" = 1 ]; then printf 'a,1\\nb,oops\\nc,3\\n' > \"$PERFTEST_RESULTS_DIR/results.csv\"; fi",
                "repeat: 2\n");

        RunOutcome outcome = engine(Scripts.spec(fw, Map.of())).build().run();

        assertEquals(RunStatus.COMPLETED, outcome.status());
        assertEquals(1, outcome.summary().metric("results.a").orElseThrow().value(), 0);
        assertEquals(3, outcome.summary().metric("results.c").orElseThrow().value(), 0);
        List<String> problems = outcome.record().problems();
        assertTrue(problems.toString(), problems.stream().anyMatch(p -> p.contains("results.csv:2") && p.contains("oops")));
        assertTrue(problems.toString(), problems.stream().anyMatch(p -> p.contains("iteration 2 wrote no results.csv")));
    }

    @Test
    public void shouldNumberRunsAndMarkARunLeftRunningByADeadProcessAborted() throws Exception {
        Path fw = Scripts.framework(tmp.newFolder().toPath(), "numbers", "echo 'x,1' > \"$PERFTEST_RESULTS_DIR/results.csv\"", "");
        RunSpec spec = Scripts.spec(fw, Map.of());
        RunOutcome first = engine(spec).build().run();
        RunDirectory second = engine(spec).build().run().directory();
        // a run whose CLI was killed: RUNNING, owned by a process that no longer exists
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        second.writeRecord(second.readRecord().toBuilder().status(RunStatus.RUNNING).endedAt(null)
                .owner(new RunRecord.Owner(io.perftest.host.LocalHost.localName(), dead.pid(), Instant.now())).build());

        RunOutcome third = engine(spec).build().run();

        assertEquals(1, first.directory().number());
        assertEquals(3, third.directory().number());
        RunRecord repaired = second.readRecord();
        assertEquals(RunStatus.ABORTED, repaired.status());
        assertTrue(repaired.reason().contains("pid " + dead.pid()));
        assertTrue(second.readSummary().isPresent());
    }

    @Test
    public void shouldRecordTheJudgementOfACompletedRun() throws Exception {
        Path fw = Scripts.framework(tmp.newFolder().toPath(), "judged", "echo 'latency,300,ms' > \"$PERFTEST_RESULTS_DIR/results.csv\"", "");
        RunJudge judge = (spec, summary, history, number) -> new Judgement(new BaselineChoice("previous", List.of(), "no earlier run"),
                List.of(new ThresholdOutcome("results.latency < 250 ms", Verdict.FAILED, false,
                        summary.metric("results.latency").orElseThrow().value(), "300 ms is not < 250 ms")),
                Verdict.FAILED, List.of("latency 300 ms"));

        RunOutcome outcome = engine(Scripts.spec(fw, Map.of())).judge(judge).build().run();

        assertEquals(RunStatus.COMPLETED, outcome.status());
        assertEquals(Verdict.FAILED, outcome.verdict());
        assertEquals(300.0, outcome.record().thresholds().get(0).observed(), 0);
        assertEquals(Verdict.FAILED, new RunDirectory(outcome.directory().path()).readRecord().verdict());
    }

    @Test
    public void shouldCallCollectorHooksInOrderAndGoOnWhenOneCannotStart() throws Exception {
        Path fw = Scripts.framework(tmp.newFolder().toPath(), "collected", "echo 'x,1' > \"$PERFTEST_RESULTS_DIR/results.csv\"",
                "collectors: [good, missing]\n");
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        CollectorRegistry registry = CollectorRegistry.of(List.of(
                factory("good", (host, ctx) -> new RunningCollector() {
                    @Override
                    public void testStarted(long pid) {
                        calls.add("testStarted");
                    }

                    @Override
                    public void stop() {
                        calls.add("stop");
                    }

                    @Override
                    public void fetch(Path local) throws IOException {
                        calls.add("fetch");
                        Files.createDirectories(local);
                        Files.writeString(local.resolve("data.txt"), "42");
                    }

                    @Override
                    public ParseResult results(Path local) throws IOException {
                        calls.add("results");
                        double v = Double.parseDouble(Files.readString(local.resolve("data.txt")));
                        return new ParseResult(List.of(Metric.of("good.value", Unit.NONE, Direction.NEUTRAL, v)),
                                List.of(), List.of(), 0);
                    }
                }),
                factory("missing", (host, ctx) -> {
                    throw new CollectorUnavailableException("the tool 'missing' is not installed");
                })));

        RunOutcome outcome = engine(Scripts.spec(fw, Map.of())).collectors(registry).build().run();

        assertEquals(RunStatus.COMPLETED, outcome.status());
        assertEquals(List.of("testStarted", "stop", "fetch", "results"), calls);
        assertEquals(42, outcome.summary().metric("good.value").orElseThrow().value(), 0);
        assertTrue(Files.isRegularFile(outcome.directory().hostDirectory("exec").resolve("good/data.txt")));
        assertTrue(outcome.record().problems().toString(),
                outcome.record().problems().stream().anyMatch(p -> p.contains("missing") && p.contains("not installed")));
    }

    @Test
    public void shouldStartACollectorListedTwiceOnceAndSaySo() throws Exception {
        Path fw = Scripts.framework(tmp.newFolder().toPath(), "twice", "echo 'x,1' > \"$PERFTEST_RESULTS_DIR/results.csv\"", "");
        List<String> starts = Collections.synchronizedList(new ArrayList<>());
        CollectorRegistry registry = CollectorRegistry.of(List.of(factory("good", (host, ctx) -> {
            starts.add(ctx.workDirectory());
            return new RunningCollector() {
                @Override
                public void stop() {
                }

                @Override
                public void fetch(Path local) {
                }

                @Override
                public ParseResult results(Path local) {
                    return new ParseResult(List.of(), List.of(), List.of(), 0);
                }
            };
        })));
        RunSpec spec = Scripts.spec(fw, Map.of()).withCollectors(List.of(CollectorSpec.of("good"), CollectorSpec.parse("good:interval=5s")));

        RunOutcome outcome = engine(spec).collectors(registry).build().run();

        assertEquals(RunStatus.COMPLETED, outcome.status());
        assertEquals(1, starts.size());
        assertTrue(outcome.record().problems().toString(), outcome.record().problems().contains(
                "collector good:interval=5s left out: collector good is already configured for this run"));
    }

    @Test
    public void shouldKeepFilesButNotSymbolicLinksTheScriptLeftInItsResults() throws Exception {
        Path fw = Scripts.framework(tmp.newFolder().toPath(), "links",
                "echo 'x,1' > \"$PERFTEST_RESULTS_DIR/results.csv\"\nln -s /etc/passwd \"$PERFTEST_RESULTS_DIR/passwd\"", "");

        RunOutcome outcome = engine(Scripts.spec(fw, Map.of())).build().run();

        Path results = outcome.directory().hostDirectory("exec").resolve("results/1");
        assertTrue(Files.isRegularFile(results.resolve("results.csv")));
        assertFalse(Files.exists(results.resolve("passwd"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertEquals(1, outcome.summary().metric("results.x").orElseThrow().value(), 0);
    }

    @Test
    public void shouldSayAQuietScriptIsStillRunningAndHowFarTheTimeoutIs() throws Exception {
        Path fw = Scripts.framework(tmp.newFolder().toPath(), "quiet",
                "sleep 2.5; echo 'x,1' > \"$PERFTEST_RESULTS_DIR/results.csv\"", "timeout: 1m\n");

        RunOutcome outcome = engine(Scripts.spec(fw, Map.of())).quietProgress(Duration.ofSeconds(1)).build().run();

        assertEquals(RunStatus.COMPLETED, outcome.status());
        List<String> progress = infos.stream().filter(m -> m.startsWith("still running: ")).toList();
        assertTrue(infos.toString(), progress.size() >= 1 && progress.size() <= 3);
        assertTrue(progress.get(0), progress.get(0).matches("still running: \\ds so far, timeout in 5\\ds"));
    }

    /** Starts a collector on a host. */
    private interface Starter {
        RunningCollector start(io.perftest.host.Host host, io.perftest.collect.CollectorContext ctx) throws IOException;
    }

    private static CollectorFactory factory(String type, Starter starter) {
        return new CollectorFactory() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public String description() {
                return "test collector " + type;
            }

            @Override
            public Collector create(CollectorSpec spec) {
                return new Collector() {
                    @Override
                    public String type() {
                        return type;
                    }

                    @Override
                    public RunningCollector start(io.perftest.host.Host host, io.perftest.collect.CollectorContext context)
                            throws IOException {
                        return starter.start(host, context);
                    }
                };
            }
        };
    }
}
