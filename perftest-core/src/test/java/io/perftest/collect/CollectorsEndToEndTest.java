package io.perftest.collect;

import io.perftest.model.CollectorSpec;
import io.perftest.model.Metric;
import io.perftest.model.RunStatus;
import io.perftest.model.Series;
import io.perftest.model.TriggerFiring;
import io.perftest.model.Verdict;
import io.perftest.run.RunOutcome;
import io.perftest.store.RunDirectory;
import org.junit.Assume;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** examples/quickstart through the real engine with real collectors, triggers and statistics hosts. */
public class CollectorsEndToEndTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void shouldRecordSarProcAndStraceMetricsAndSeriesAndKeepTheRawFiles() throws Exception {
        Assume.assumeTrue(Files.isExecutable(Path.of("/usr/bin/sadf")) && Files.isExecutable(Path.of("/usr/bin/strace")));
        TestHost host = TestHost.healthy("exec");

        RunOutcome outcome = EngineRuns.engine(EngineRuns.quickstart(3, List.of(CollectorSpec.of("sar"),
                CollectorSpec.of("proc"), CollectorSpec.of("strace"))), host, tmp.getRoot().toPath()).build().run();

        assertEquals(outcome.record().problems().toString(), RunStatus.COMPLETED, outcome.status());
        assertEquals(outcome.record().problems().toString(), List.of(), outcome.record().problems());
        for (String key : List.of("sar.cpu.all.user", "sar.mem.used_pct", "proc.cpu.all.user", "proc.script.cpu",
                "strace.execve.calls", "strace.total.calls", "results.throughput")) {
            assertTrue(key, outcome.summary().metric(key).isPresent());
        }
        Metric execs = outcome.summary().metric("strace.execve.calls").orElseThrow();
        assertTrue("the script forks sha256sum again and again: " + execs, execs.value() > 2);
        List<Series> series = outcome.directory().readSeries();
        assertTrue(series.stream().anyMatch(s -> s.key().equals("sar.cpu.all.idle") && s.size() >= 2 && s.host().equals("exec")));
        assertTrue(series.stream().anyMatch(s -> s.key().equals("proc.script.rss") && s.size() >= 2));
        Path exec = outcome.directory().hostDirectory("exec");
        for (String kept : List.of("sar/sa.bin", "sar/sadf.json", "proc/proc.csv", "strace/strace.txt")) {
            assertTrue(kept, Files.size(exec.resolve(kept)) > 0);
        }
        EngineRuns.assertNoProcessLeft(outcome);
    }

    @Test
    public void shouldAbortTheRunOnceATriggerConditionHeldForItsDuration() throws Exception {
        Triggers triggers = Triggers.parse(List.of("proc.cpu.all.idle <= 100 for 2s: log, abort"));

        RunOutcome outcome = EngineRuns.engine(EngineRuns.quickstart(8, List.of(CollectorSpec.of("proc"))),
                TestHost.healthy("exec"), tmp.getRoot().toPath()).counterListener(triggers).build().run();

        assertEquals(RunStatus.ABORTED, outcome.status());
        assertTrue(outcome.record().reason(), outcome.record().reason().startsWith("trigger 'proc.cpu.all.idle <= 100 for 2s: log, abort' fired"));
        List<TriggerFiring> firings = outcome.directory().readRecord().triggers();
        assertEquals(1, firings.size());
        assertEquals(List.of("log", "abort"), firings.get(0).actions());
        long ran = outcome.record().iterations().get(0).durationMillis();
        assertTrue("stopped after the 2s the condition held, not after 8s: " + ran, ran >= 2000 && ran < 7000);
        assertTrue("the data gathered so far is kept", Files.exists(outcome.directory().hostDirectory("exec").resolve("proc/proc.csv")));
        assertTrue(outcome.summary().metric("proc.cpu.all.idle").isPresent());
        EngineRuns.assertNoProcessLeft(outcome);
    }

    @Test
    public void shouldMarkTheRunUnstableWhenATriggerSaysSo() throws Exception {
        Triggers triggers = Triggers.parse(List.of("proc.mem.used_pct > 0 for 1s: unstable"));

        RunOutcome outcome = EngineRuns.engine(EngineRuns.quickstart(3, List.of(CollectorSpec.of("proc"))),
                TestHost.healthy("exec"), tmp.getRoot().toPath()).counterListener(triggers).build().run();

        assertEquals(RunStatus.COMPLETED, outcome.status());
        assertEquals(Verdict.UNSTABLE, outcome.verdict());
        assertEquals(1, outcome.directory().readRecord().triggers().size());
        assertTrue(Files.readString(outcome.directory().consoleLog()).contains("marked unstable: trigger 'proc.mem.used_pct > 0 for 1s: unstable'"));
        EngineRuns.assertNoProcessLeft(outcome);
    }

    @Test
    public void shouldCollectOnEveryStatisticsHostAndGoOnWhenOneCannot() throws Exception {
        TestHost exec = TestHost.healthy("exec");
        TestHost stats = TestHost.healthy("stats1");
        TestHost broken = new TestHost("stats2", Set.of("/proc/stat"));

        RunOutcome outcome = EngineRuns.engine(EngineRuns.quickstart(2, List.of(CollectorSpec.of("proc"))), exec,
                tmp.getRoot().toPath()).statsHosts(List.of(stats, broken)).build().run();

        assertEquals(RunStatus.COMPLETED, outcome.status());
        assertTrue(outcome.summary().metric("proc.cpu.all.user").isPresent());
        assertTrue(outcome.summary().metric("proc.cpu.all.user@stats1").isPresent());
        assertTrue("the script's tree is watched on the execution host only",
                outcome.summary().metrics().stream().noneMatch(m -> m.key().startsWith("proc.script.") && m.key().endsWith("@stats1")));
        RunDirectory dir = outcome.directory();
        assertTrue(Files.exists(dir.hostDirectory("stats1").resolve("proc/proc.csv")));
        assertTrue(dir.readSeries().stream().anyMatch(s -> s.key().equals("proc.load.1") && s.host().equals("stats1")));
        assertEquals(outcome.record().problems().toString(), 1, outcome.record().problems().size());
        assertTrue(outcome.record().problems().get(0).contains("collector proc not running on stats2"));
        EngineRuns.assertNoProcessLeft(outcome);
    }
}
