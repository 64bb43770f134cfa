package io.perftest.collect;

import io.perftest.model.CollectorSpec;
import io.perftest.model.RunStatus;
import io.perftest.run.RunOutcome;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.perftest.collect.SadfJsonParserTest.metric;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

public class PerfCollectorTest extends CollectorContractTest {

    @BeforeClass
    public static void perfWorks() throws Exception {
        Assume.assumeTrue("perf installed", Files.isExecutable(Path.of("/usr/bin/perf")));
        Process p = new ProcessBuilder("perf", "stat", "-x,", "-e", "task-clock", "--", "true")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Assume.assumeTrue("the kernel lets perf count", p.waitFor() == 0);
    }

    @Override
    protected CollectorSpec spec() {
        return CollectorSpec.of("perf");
    }

    @Override
    protected Set<String> toolFiles() {
        return Set.of("perf");
    }

    @Override
    protected String outputFile() {
        return PerfCollector.STAT_FILE;
    }

    @Test
    public void shouldSayWhichCountersTheHostCannotCountWithoutFailing() throws Exception {
        String name = "perf_stat_x_vm_not_supported.csv";
        PerfStatParser.Result r = new PerfStatParser("perf").parse(Fixtures.path(name), name);

        assertEquals(List.of("cycles", "instructions"), r.unavailable());
        assertTrue(r.parsed().problems().isEmpty());
        String taskClock = Fixtures.text(name).lines().filter(l -> l.contains("task-clock")).findFirst().orElseThrow().split(",")[0];
        assertEquals(Double.parseDouble(taskClock), metric(r.parsed(), "perf.task_clock").value(), 1e-9);
        assertTrue(r.parsed().metrics().stream().noneMatch(m -> m.key().equals("perf.ipc")));
    }

    @Test
    public void shouldFoldPerfScriptLikeStackcollapseAndRenderAFlameGraph() throws Exception {
        PerfScriptFolder folder = new PerfScriptFolder();
        Fixtures.text("perf_script_dd.txt").lines().forEach(folder::accept);
        folder.flush();
        Map<String, Long> recorded = new java.util.HashMap<>();
        Fixtures.text("perf_folded_dd.folded").lines().forEach(l -> recorded.put(l.substring(0, l.lastIndexOf(' ')),
                Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))));

        List<String> mine = folder.folded().lines().toList();

        assertTrue(mine.size() > 3);
        long total = 0;
        for (String l : mine) {
            String stack = l.substring(0, l.lastIndexOf(' '));
            long n = Long.parseLong(l.substring(l.lastIndexOf(' ') + 1));
            total += n;
            assertTrue("the excerpt's stack " + stack + " is one of the recording's", recorded.containsKey(stack));
        }
        assertEquals(folder.samples(), total);
        Path html = tmp.getRoot().toPath().resolve("fg.html");
        PerfCollector.renderFlameGraph(Fixtures.path("perf_folded_dd.folded"), html, "dd");
        String page = Files.readString(html);
        Path none = Files.writeString(tmp.getRoot().toPath().resolve("none.folded"), "");
        Path empty = tmp.getRoot().toPath().resolve("empty.html");
        PerfCollector.renderFlameGraph(none, empty, "dd");
        assertTrue(page.startsWith("<!DOCTYPE html>") && page.trim().endsWith("</html>"));
        assertTrue("the frames are in the page", page.length() > Files.size(empty) + 300);
        assertTrue(page.contains("entry_SYSCALL_64_after_hwframe"));
    }

    @Test
    public void shouldRecordTheScriptAndKeepFoldedStacksAndAFlameGraph() throws Exception {
        RunOutcome outcome = EngineRuns.engine(EngineRuns.quickstart(2, List.of(new CollectorSpec("perf", Map.of("mode", "both")))),
                TestHost.healthy("exec"), tmp.newFolder().toPath()).build().run();

        assertEquals(RunStatus.COMPLETED, outcome.status());
        Path perf = outcome.directory().hostDirectory("exec").resolve("perf");
        String folded = Files.readString(perf.resolve(PerfCollector.FOLDED_FILE));
        // comm;frames count; run.sh is bash, and its children (date, sha256sum) may be sampled too
        assertTrue(folded, folded.lines().allMatch(l -> l.matches("[^;\\s]+;\\S.* \\d+")));
        assertTrue(folded, folded.lines().anyMatch(l -> l.startsWith("bash;")));
        assertTrue(Files.readString(perf.resolve(PerfCollector.FLAME_GRAPH)).contains("bash"));
        assertTrue(outcome.summary().metric("perf.task_clock").isPresent());
        assertTrue(outcome.summary().metric("perf.context_switches").orElseThrow().value() > 0);
        EngineRuns.assertNoProcessLeft(outcome);
    }

    @Test
    public void shouldFollowTheChildrenTheScriptForksAfterPerfAttached() throws Exception {
        // 32 MB per operation: sha256sum, forked by run.sh long after perf attached, runs most of the time
        RunOutcome outcome = EngineRuns.engine(EngineRuns.quickstart(2, "32M", List.of(new CollectorSpec("perf", Map.of("mode", "record")))),
                TestHost.healthy("exec"), tmp.newFolder().toPath()).build().run();

        assertEquals(RunStatus.COMPLETED, outcome.status());
        String folded = Files.readString(outcome.directory().hostDirectory("exec").resolve("perf").resolve(PerfCollector.FOLDED_FILE));
        assertTrue(folded, folded.lines().anyMatch(l -> l.startsWith("sha256sum;")));
        EngineRuns.assertNoProcessLeft(outcome);
    }

    @Test
    public void shouldRejectAnUnknownMode() {
        IllegalArgumentException e = org.junit.Assert.assertThrows(IllegalArgumentException.class,
                () -> CollectorRegistry.standard().create(new CollectorSpec("perf", Map.of("mode", "trace"))));
        assertTrue(e.getMessage().contains("stat, record, both"));
    }

}
