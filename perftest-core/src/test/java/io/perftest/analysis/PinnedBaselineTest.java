package io.perftest.analysis;

import io.perftest.model.RunStatus;
import io.perftest.store.RunDirectory;
import io.perftest.store.TestHistory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/** Pinning a baseline works the same in the command line's layout and in Jenkins' build directories. */
public class PinnedBaselineTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void shouldChooseThePinnedRunInTheCommandLineLayout() throws Exception {
        TestHistory history = new TestHistory(tmp.newFolder("small").toPath());
        RunHistoryFixture.addRun(history, RunStatus.COMPLETED, 10, 11);
        RunDirectory second = RunHistoryFixture.addRun(history, RunStatus.COMPLETED, 20, 21);
        RunHistoryFixture.addRun(history, RunStatus.COMPLETED, 30, 31);

        PinnedBaseline.pin(second);
        Baseline chosen = BaselinePolicy.parse("pinned").choose(history, 4);

        assertEquals(List.of(2), chosen.choice().runs());
        assertTrue(Files.isRegularFile(history.directory().resolve(PinnedBaseline.FILE)));
    }

    @Test
    public void shouldKeepOnePinPerTestInsideJenkinsBuildDirectories() throws Exception {
        Path builds = tmp.newFolder("builds").toPath();
        TestHistory small = TestHistory.inBuilds(builds, "perftest/small", 3);
        TestHistory large = TestHistory.inBuilds(builds, "perftest/large", 3);
        for (int build = 1; build <= 2; build++) {
            RunHistoryFixture.addRun(TestHistory.inBuilds(builds, "perftest/small", build), RunStatus.COMPLETED, build);
            RunHistoryFixture.addRun(TestHistory.inBuilds(builds, "perftest/large", build), RunStatus.COMPLETED, build * 10);
        }

        PinnedBaseline.pin(small, small.run(1));
        PinnedBaseline.pin(large, large.run(2));

        assertEquals(List.of(1), BaselinePolicy.parse("pinned").choose(small, 3).choice().runs());
        assertEquals(List.of(2), BaselinePolicy.parse("pinned").choose(large, 3).choice().runs());
        assertEquals(1.0, BaselinePolicy.parse("pinned").choose(small, 3).summary().orElseThrow()
                .metric("results.latency").orElseThrow().value(), 0);
        assertFalse(PinnedBaseline.unpin(small, 2));
        assertTrue(PinnedBaseline.unpin(small, 1));
        assertTrue(PinnedBaseline.read(small).isEmpty());
        assertTrue(PinnedBaseline.read(large).isPresent());
    }

    @Test
    public void shouldRefuseToPinARunThatDidNotComplete() throws Exception {
        TestHistory history = new TestHistory(tmp.newFolder("t").toPath());
        RunDirectory failed = RunHistoryFixture.addRun(history, RunStatus.FAILED, 1);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PinnedBaseline.pin(failed));

        assertTrue(e.getMessage(), e.getMessage().contains("only a COMPLETED run can be a baseline"));
    }
}
