package io.perftest.collect;

import io.perftest.host.Host;
import io.perftest.host.HostProcess;
import io.perftest.host.LocalHost;
import io.perftest.host.ProcessSpec;
import io.perftest.ingest.ParseResult;
import io.perftest.model.CollectorSpec;
import io.perftest.model.RunStatus;
import io.perftest.model.TriggerFiring;
import io.perftest.run.RunEngine;
import io.perftest.run.RunOutcome;
import io.perftest.store.RunDirectory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/**
 * The contract every collector keeps, inherited by one test class per collector: it is
 * registered and rejects unknown options; with its tool missing, killed mid-run, or its output
 * file empty or truncated, the run completes, says what is missing, and keeps the rest; and no
 * process of the run is left behind.
 */
public abstract class CollectorContractTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** The collector as configured for these tests. */
    protected abstract CollectorSpec spec();

    /** Commands or paths whose absence makes the collector unavailable. */
    protected abstract Set<String> toolFiles();

    /** The file of the collector's work directory that {@code results} reads. */
    protected abstract String outputFile();

    /** The collector configured so that it cannot run (its tool missing from {@link #toolFiles()}, or an address nobody answers). */
    protected CollectorSpec unavailableSpec() {
        return spec();
    }

    /** Stops the collector's tool on {@code host} mid-run, as a crash or a kill -9 would. */
    protected void killToolMidRun(TestHost host) throws Exception {
        assertTrue("the collector runs a process to kill", host.killCollectorProcesses() > 0);
    }

    /** Whether half of a real output file still yields metrics (false when the data sits at its end). */
    protected boolean truncatedFileKeepsData() {
        return true;
    }

    private Collector collector() {
        return CollectorRegistry.standard().create(spec());
    }

    @Test
    public void shouldBeRegisteredAndRejectAnUnknownOptionByName() {
        CollectorRegistry registry = CollectorRegistry.standard();
        assertTrue(registry.byType(spec().type()).isPresent());
        assertEquals(spec().type(), collector().type());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.create(new CollectorSpec(spec().type(), Map.of("no-such-option", "1"))));
        assertTrue(e.getMessage(), e.getMessage().contains("no-such-option") && e.getMessage().contains(spec().type()));
    }

    @Test
    public void shouldLetTheRunCompleteAndSayWhyWhenTheToolIsMissing() throws Exception {
        TestHost host = new TestHost("exec", toolFiles());

        RunOutcome outcome = EngineRuns.engine(EngineRuns.quickstart(1, List.of(unavailableSpec())), host, tmp.newFolder().toPath())
                .build().run();

        assertEquals(outcome.record().reason(), RunStatus.COMPLETED, outcome.status());
        assertTrue(outcome.summary().metric("results.throughput").isPresent());
        List<String> about = outcome.record().problems().stream().filter(p -> p.contains(spec().type())).toList();
        assertEquals(outcome.record().problems().toString(), 1, about.size());
        assertTrue(about.get(0), about.get(0).contains("not running on exec"));
        EngineRuns.assertNoProcessLeft(outcome);
    }

    @Test
    public void shouldCompleteTheRunAndKeepTheRestWhenTheToolIsKilledMidRun() throws Exception {
        TestHost host = TestHost.healthy("exec");
        AtomicBoolean killed = new AtomicBoolean();
        List<Exception> failures = new ArrayList<>();
        CounterListener killer = new CounterListener() {
            @Override
            public void sample(long atMillis, Map<String, Double> counters, TriggerActions actions) {
                if (killed.compareAndSet(false, true)) {
                    try {
                        killToolMidRun(host);
                    } catch (Exception | AssertionError e) {
                        failures.add(new IllegalStateException(e));
                    }
                }
            }

            @Override
            public List<TriggerFiring> firings() {
                return List.of();
            }
        };

        RunOutcome outcome = EngineRuns.engine(EngineRuns.quickstart(3, List.of(spec(), CollectorSpec.of("proc"))), host,
                tmp.newFolder().toPath()).counterListener(killer).build().run();

        assertTrue(killed.get());
        assertEquals(List.of(), failures);
        assertEquals(outcome.record().reason(), RunStatus.COMPLETED, outcome.status());
        assertTrue("the script's results are kept", outcome.summary().metric("results.throughput").isPresent());
        Path kept = outcome.directory().hostDirectory("exec").resolve(spec().type());
        assertTrue("the collector's files are kept in " + kept, Files.isDirectory(kept));
        assertTrue(outcome.record().problems().toString(),
                outcome.record().problems().stream().anyMatch(p -> p.contains(spec().type())));
        EngineRuns.assertNoProcessLeft(outcome);
    }

    @Test
    public void shouldReportAnEmptyOutputFileWithItsNameAndNotFail() throws Exception {
        Path local = tmp.newFolder("empty").toPath();
        RunningCollector running = startAndStopOnRealTool();
        running.fetch(local);
        Files.write(local.resolve(outputFile()), new byte[0]);

        ParseResult r = running.results(local);

        assertTrue(r.metrics().isEmpty());
        assertFalse("an empty file is reported", r.problems().isEmpty());
        assertTrue(r.problems().toString(), r.problems().stream().anyMatch(p -> p.toString().contains(outputFile())));
    }

    @Test
    public void shouldKeepWhatATruncatedOutputFileHoldsAndReportTheCut() throws Exception {
        Path local = tmp.newFolder("cut").toPath();
        RunningCollector running = startAndStopOnRealTool();
        running.fetch(local);
        Path file = local.resolve(outputFile());
        ParseResult whole = running.results(local);
        assertFalse("the real tool produced data: " + whole.problems(), whole.metrics().isEmpty());
        byte[] all = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(all, all.length / 2 + 7));

        ParseResult r = running.results(local);

        assertFalse("a truncated file is reported", r.problems().isEmpty());
        assertTrue(r.problems().toString(), r.problems().stream().anyMatch(p -> p.toString().contains(outputFile())));
        if (truncatedFileKeepsData()) {
            assertFalse("what the file holds before the cut is kept", r.metrics().isEmpty());
            assertTrue(r.metrics().size() <= whole.metrics().size());
        }
    }

    /** Runs the collector for a few seconds on this machine against a busy process, then stops both. */
    private RunningCollector startAndStopOnRealTool() throws Exception {
        Host host = new LocalHost("exec");
        String runId = "contract-" + System.nanoTime();
        String work = tmp.newFolder("work").toString();
        String pids = work + "/pids";
        HostProcess busy = host.start(new ProcessSpec(List.of("sh", "-c",
                "while :; do cat /proc/loadavg > /dev/null; sleep 0.02; done"),
                Map.of(RunEngine.RUN_ID_VARIABLE, runId, "PERFTEST_PIDS_FILE", pids), work, null, null));
        try {
            CollectorContext ctx = new CollectorContext(runId, work, pids, true, line -> { });
            RunningCollector running = collector().start(host, ctx);
            running.testStarted(busy.pid());
            Thread.sleep(4000);
            // the engine's order: the script's processes end, then the monitors stop (strace before
            // 6.7 can hang when SIGINT finds a tracee forking, strace/strace#277)
            busy.terminate(Duration.ofSeconds(1));
            running.stop();
            return running;
        } finally {
            busy.terminate(Duration.ofSeconds(1));
            host.killProcessesWithEnvironment(RunEngine.RUN_ID_VARIABLE, runId, Duration.ofSeconds(1));
            assertEquals(List.of(), host.processesWithEnvironment(RunEngine.RUN_ID_VARIABLE, runId));
        }
    }

    static List<Path> files(RunDirectory dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir.hostsDirectory())) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
