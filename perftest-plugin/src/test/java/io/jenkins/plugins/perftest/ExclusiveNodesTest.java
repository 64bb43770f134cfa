package io.jenkins.plugins.perftest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Queue;
import io.perftest.store.RunRecord;
import java.io.File;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.SleepBuilder;

/** exclusive: true waits for the nodes and holds them; without it, other builds on the nodes are recorded. */
public class ExclusiveNodesTest {

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** A test that says it started, then runs until {@code gate} exists (bounded), and reports. */
    private FreeStyleProject gated(String name, File gate, boolean exclusive) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject(name);
        PerfTestBuilder step = new PerfTestBuilder();
        step.setScript(Scripts.write(tmp, name + ".sh", "echo " + name + " started\n"
                + "i=0; while [ ! -f '" + gate + "' ] && [ $i -lt 1200 ]; do sleep 0.1; i=$((i+1)); done\n"
                + "printf 'throughput,1\\n' > \"$PERFTEST_RESULTS_DIR/results.csv\""));
        step.setExclusive(exclusive);
        p.getBuildersList().add(step);
        return p;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    public void shouldMakeASecondExclusiveBuildWaitUntilTheFirstEndsAndKeepOtherBuildsOffTheNode() throws Exception {
        // given three executors on the built-in node and two exclusive tests
        j.jenkins.setNumExecutors(3);
        File gate = new File(tmp.getRoot(), "gate");
        FreeStyleProject first = gated("first", gate, true);
        FreeStyleProject second = gated("second", gate, true);
        FreeStyleProject other = j.createFreeStyleProject("other");
        other.getBuildersList().add(new SleepBuilder(1));

        // when the first holds the node and the second and an ordinary build come along
        FreeStyleBuild a = first.scheduleBuild2(0).waitForStart();
        j.waitForMessage("first started", a);
        j.assertLogContains("exclusive use of built-in", a);
        var secondBuild = second.scheduleBuild2(0);
        other.scheduleBuild2(0);

        // then both wait in the queue, told why, while the first runs
        for (FreeStyleProject waiting : List.of(second, other)) {
            await(waiting.getName() + " to be kept off the node", () -> {
                Queue.Item item = j.jenkins.getQueue().getItem(waiting);
                return item != null && item.getCauseOfBlockage() != null
                        && item.getCauseOfBlockage().getShortDescription().contains("reserved by the performance test first #1");
            });
        }
        assertEquals(null, second.getLastBuild());
        assertTrue(Files.createFile(gate.toPath()).toFile().isFile());
        j.assertBuildStatusSuccess(j.waitForCompletion(a));
        FreeStyleBuild b = j.assertBuildStatusSuccess(secondBuild);
        RunRecord ra = a.getAction(PerfTestBuildAction.class).directory().readRecord();
        RunRecord rb = b.getAction(PerfTestBuildAction.class).directory().readRecord();
        assertFalse("the second run started after the first ended", rb.startedAt().isBefore(ra.endedAt()));
        assertEquals(List.of(), a.getAction(PerfTestBuildAction.class).getOtherBuilds());
        j.assertLogContains("exclusive use of built-in", b);
        j.waitUntilNoActivity();
    }

    @Test
    public void shouldRecordOtherBuildsRunningOnTheNodesOfANonExclusiveRun() throws Exception {
        // given an ordinary build running on the node
        j.jenkins.setNumExecutors(2);
        File gate = new File(tmp.getRoot(), "open");
        FreeStyleProject busy = gated("busy", gate, false);
        FreeStyleBuild noise = busy.scheduleBuild2(0).waitForStart();
        j.waitForMessage("busy started", noise);
        FreeStyleProject p = j.createFreeStyleProject("perf");
        PerfTestBuilder step = new PerfTestBuilder();
        step.setScript(Scripts.write(tmp, "perf.sh", "printf 'throughput,1\\n' > \"$PERFTEST_RESULTS_DIR/results.csv\""));
        p.getBuildersList().add(step);

        // when
        FreeStyleBuild b = j.buildAndAssertSuccess(p);
        Files.createFile(gate.toPath());
        j.waitForCompletion(noise);

        // then the run's page names the other build
        List<String> others = b.getAction(PerfTestBuildAction.class).getOtherBuilds();
        assertNotNull(others);
        assertTrue(others.toString(), others.stream().anyMatch(o -> o.contains("busy #1") && o.contains("built-in")));
        j.assertLogContains("other builds ran on the nodes of this run", b);
    }
}
