package io.perftest.collect;

import io.perftest.ingest.ParseResult;
import io.perftest.model.Unit;
import org.junit.Assume;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.perftest.collect.SadfJsonParserTest.metric;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

public class StraceSummaryParserTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void shouldReadCallsErrorsAndSecondsOfEverySyscallAndTheTotal() throws Exception {
        String name = "strace_c_f_shell_loop.txt";
        ParseResult r = new StraceSummaryParser("strace").parse(Fixtures.path(name), name);

        List<String> rows = Fixtures.text(name).lines().filter(l -> l.trim().matches("[0-9.]+\\s.*")).toList();
        assertEquals(rows.size() * 3, r.metrics().size());
        String[] wait4 = rows.stream().filter(l -> l.endsWith(" wait4")).findFirst().orElseThrow().trim().split("\\s+");
        assertEquals(Long.parseLong(wait4[3]), metric(r, "strace.wait4.calls").value(), 0);
        assertEquals(Long.parseLong(wait4[4]), metric(r, "strace.wait4.errors").value(), 0);
        assertEquals(Double.parseDouble(wait4[1]), metric(r, "strace.wait4.seconds").value(), 1e-12);
        assertEquals(0, metric(r, "strace.read.errors").value(), 0);
        assertEquals(Unit.SECONDS, metric(r, "strace.total.seconds").unit());
        assertTrue(r.problems().isEmpty());
    }

    @Test
    public void shouldReadTheSummaryOfAnAttachedStrace() throws Exception {
        ParseResult r = new StraceSummaryParser("strace").parse(Fixtures.path("strace_c_attached_to_pid.txt"), "s");

        assertEquals(metric(r, "strace.write.calls").value() + metric(r, "strace.read.calls").value(),
                metric(r, "strace.total.calls").value(), 0);
    }

    @Test
    public void shouldSayAFullTraceWithoutSummaryHoldsNone() throws Exception {
        ParseResult r = new StraceSummaryParser("strace").parse(Fixtures.path("strace_full_trace_without_summary.txt"), "strace/strace.txt");

        assertTrue(r.metrics().isEmpty());
        assertTrue(r.problems().get(0).message().contains("no syscall summary"));
    }

    @Test
    public void shouldKeepTheRowsOfASummaryCutShortAndSaySo() throws Exception {
        Path cut = Fixtures.truncatedCopy("strace_c_f_shell_loop.txt", 0.5, tmp.getRoot().toPath(), "strace.txt");

        ParseResult r = new StraceSummaryParser("strace").parse(cut, "strace/strace.txt");

        assertTrue(r.metrics().size() >= 3);
        assertTrue(r.problems().stream().anyMatch(p -> p.message().contains("cut short")));
    }

    @Test
    public void shouldReportAnEmptyFile() throws Exception {
        Path empty = Files.createFile(tmp.getRoot().toPath().resolve("strace.txt"));

        ParseResult r = new StraceSummaryParser("strace").parse(empty, "strace/strace.txt");

        assertTrue(r.problems().get(0).message().startsWith("empty"));
    }

    @Test
    public void shouldReadTheSummaryOfTheInstalledStrace() throws Exception {
        Assume.assumeTrue("strace installed", Files.isExecutable(Path.of("/usr/bin/strace")));
        Path out = tmp.getRoot().toPath().resolve("strace.txt");
        Process p = new ProcessBuilder("strace", "-q", "-f", "-c", "-o", out.toString(), "--", "sh", "-c", "cat /proc/loadavg; true")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertEquals(0, p.waitFor());

        ParseResult r = new StraceSummaryParser("strace").parse(out, "strace.txt");

        assertTrue(r.problems().toString(), r.problems().isEmpty());
        assertTrue(metric(r, "strace.execve.calls").value() >= 2);
        assertTrue(metric(r, "strace.total.calls").value() > metric(r, "strace.execve.calls").value());
    }
}
