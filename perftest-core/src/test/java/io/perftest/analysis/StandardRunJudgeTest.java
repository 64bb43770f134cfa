package io.perftest.analysis;

import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.RunStatus;
import io.perftest.model.RunSummary;
import io.perftest.model.Unit;
import io.perftest.model.Verdict;
import io.perftest.store.RunDirectory;
import io.perftest.store.TestHistory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Files;
import java.util.List;

import static io.perftest.analysis.RunHistoryFixture.addRun;
import static io.perftest.analysis.RunHistoryFixture.spec;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

public class StandardRunJudgeTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void shouldTakeTheLastCompletedRunOtherThanThisOneAsPrevious() throws Exception {
        // given runs 1 (completed), 2 (completed), 3 (failed), 4 (this one)
        TestHistory history = new TestHistory(folder.getRoot().toPath());
        addRun(history, RunStatus.COMPLETED, 100);
        addRun(history, RunStatus.COMPLETED, 110);
        addRun(history, RunStatus.FAILED, 500);
        RunDirectory current = addRun(history, RunStatus.COLLATING, 120);
        // when
        Baseline b = BaselinePolicy.parse("previous").choose(history, current.number());
        // then
        assertEquals(List.of(2), b.choice().runs());
        assertEquals(110, b.summary().orElseThrow().metric("results.latency").orElseThrow().value(), 0);
    }

    @Test
    public void shouldPoolTheLastNCompletedRunsForMedianOfLast() throws Exception {
        TestHistory history = new TestHistory(folder.getRoot().toPath());
        addRun(history, RunStatus.COMPLETED, 90);
        addRun(history, RunStatus.COMPLETED, 100);
        addRun(history, RunStatus.ABORTED, 1);
        addRun(history, RunStatus.COMPLETED, 130);
        addRun(history, RunStatus.COMPLETED, 101);
        Baseline b = BaselinePolicy.parse("median-of-last:3").choose(history, 6);
        assertEquals(List.of(2, 4, 5), b.choice().runs());
        assertEquals(101, b.summary().orElseThrow().metric("results.latency").orElseThrow().value(), 0);
        assertEquals("runs 2..5", b.choice().note());
    }

    @Test
    public void shouldUseThePinnedRunAndRefuseToPinAnIncompleteOne() throws Exception {
        TestHistory history = new TestHistory(folder.getRoot().toPath());
        RunDirectory first = addRun(history, RunStatus.COMPLETED, 100);
        addRun(history, RunStatus.COMPLETED, 150);
        RunDirectory failed = addRun(history, RunStatus.FAILED, 1);
        assertEquals("no run is pinned; pin one with 'perftest pin <run-dir>'",
                BaselinePolicy.parse("pinned").choose(history, 4).choice().note());
        // when
        PinnedBaseline.pin(first);
        // then
        assertTrue(Files.isRegularFile(history.directory().resolve(PinnedBaseline.FILE)));
        assertEquals(List.of(1), BaselinePolicy.parse("pinned").choose(history, 4).choice().runs());
        try {
            PinnedBaseline.pin(failed);
            fail("a failed run was pinned");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("only a COMPLETED run can be a baseline"));
        }
    }

    @Test
    public void shouldJudgeTheRunWithBaselineComparisonAndThresholds() throws Exception {
        // given a previous run at 100 ms and this run at 110 ms (one sample each)
        TestHistory history = new TestHistory(folder.getRoot().toPath());
        addRun(history, RunStatus.COMPLETED, 100);
        RunDirectory current = addRun(history, RunStatus.COLLATING, 110);
        RunSummary summary = RunSummary.of(List.of(Metric.of("results.latency", Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, 110)));
        // when
        Judgement j = new StandardRunJudge().judge(spec(folder.getRoot().toPath(), "previous",
                "results.latency < 200 ms", "no regression : unstable"), summary, history, current.number());
        // then
        assertEquals(List.of(1), j.baseline().runs());
        assertEquals(Verdict.UNSTABLE, j.verdict());
        assertTrue(j.thresholds().get(0).passed());
        assertFalse(j.thresholds().get(1).passed());
        assertEquals("baseline (previous): run 1", j.report().get(0));
        assertTrue(String.join("\n", j.report()), j.report().stream().anyMatch(l -> l.startsWith("results.latency") && l.contains("regressed")));
        assertEquals("verdict: unstable", j.report().get(j.report().size() - 1));
    }

    @Test
    public void shouldPassTheFirstRunOfATestWithoutABaseline() throws Exception {
        TestHistory history = new TestHistory(folder.getRoot().toPath());
        RunDirectory current = addRun(history, RunStatus.COLLATING, 110);
        RunSummary summary = current.readSummary().orElseThrow();
        Judgement j = new StandardRunJudge().judge(spec(folder.getRoot().toPath(), "previous",
                "results.latency <= baseline * 1.05", "no regression"), summary, history, current.number());
        assertEquals(Verdict.PASSED, j.verdict());
        assertEquals("baseline (previous): none, no earlier completed run", j.report().get(0));
        assertEquals("no baseline: not evaluated", j.thresholds().get(0).message());
    }

    @Test
    public void shouldFailTheRunWhenAFailThresholdDoesNotHold() throws Exception {
        TestHistory history = new TestHistory(folder.getRoot().toPath());
        RunDirectory current = addRun(history, RunStatus.COLLATING, 300);
        Judgement j = new StandardRunJudge().judge(spec(folder.getRoot().toPath(), "previous",
                "results.latency < 250 ms", "results.latency < 1 s : unstable"), current.readSummary().orElseThrow(), history,
                current.number());
        assertEquals(Verdict.FAILED, j.verdict());
        assertEquals(300.0, j.thresholds().get(0).observed(), 0);
    }
}
