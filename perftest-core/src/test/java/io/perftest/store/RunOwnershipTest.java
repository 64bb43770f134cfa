package io.perftest.store;

import io.perftest.model.RunStatus;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

public class RunOwnershipTest {

    private static final String HOST = "this-host";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** The pid of a process that has ended (and been reaped). */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        assertTrue(p.waitFor(5, TimeUnit.SECONDS));
        long pid = p.pid();
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        return pid;
    }

    private RunDirectory runningRun(RunRecord.Owner owner) throws IOException {
        RunDirectory dir = new RunDirectory(tmp.newFolder("3").toPath());
        dir.writeRecord(RunRecord.builder().framework("fw").test("t").number(3).status(RunStatus.RUNNING)
                .startedAt(Instant.parse("2024-05-01T10:00:00Z")).owner(owner).build());
        Files.writeString(dir.consoleLog(), "iteration 1 done\n");
        Path results = dir.hostDirectory("localhost").resolve("results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("results.csv"), "throughput,10\n");
        return dir;
    }

    @Test
    public void shouldMarkARunningRunWhoseOwnerDiedAbortedAndKeepItsFiles() throws Exception {
        long pid = deadPid();
        RunDirectory dir = runningRun(new RunRecord.Owner(HOST, pid, Instant.now()));

        RunRecord repaired = RunOwnership.readRepairing(dir, HOST);

        assertEquals(RunStatus.ABORTED, repaired.status());
        assertTrue(repaired.reason(), repaired.reason().contains("(pid " + pid + ") ended before the run finished"));
        assertNull(repaired.owner());
        assertNotNull(repaired.endedAt());
        assertEquals(repaired, dir.readRecord());
        assertEquals("iteration 1 done\n", Files.readString(dir.consoleLog()));
        assertEquals("throughput,10\n", Files.readString(dir.hostDirectory("localhost").resolve("results/results.csv")));
    }

    @Test
    public void shouldLeaveARunningRunWhoseOwnerIsAliveAlone() throws Exception {
        RunDirectory dir = runningRun(RunOwnership.current(HOST));
        String before = Files.readString(dir.runJson());

        RunRecord read = RunOwnership.readRepairing(dir, HOST);

        assertEquals(RunStatus.RUNNING, read.status());
        assertEquals(before, Files.readString(dir.runJson()));
    }

    @Test
    public void shouldLeaveARunOwnedOnAnotherHostAlone() throws Exception {
        RunDirectory dir = runningRun(new RunRecord.Owner("other-host", deadPid(), Instant.now()));
        assertEquals(RunStatus.RUNNING, RunOwnership.readRepairing(dir, HOST).status());
    }

    @Test
    public void shouldTakeAReusedPidWithAnotherStartTimeForADeadOwner() throws Exception {
        long alivePid = ProcessHandle.current().pid();
        RunDirectory dir = runningRun(new RunRecord.Owner(HOST, alivePid, Instant.parse("2001-01-01T00:00:00Z")));
        assertEquals(RunStatus.ABORTED, RunOwnership.readRepairing(dir, HOST).status());
    }

    @Test
    public void shouldLeaveAFinishedRunAlone() throws Exception {
        RunDirectory dir = new RunDirectory(tmp.newFolder("4").toPath());
        RunRecord done = RunRecord.builder().number(4).status(RunStatus.COMPLETED)
                .owner(new RunRecord.Owner(HOST, deadPid(), Instant.now())).build();
        dir.writeRecord(done);
        assertEquals(done, RunOwnership.readRepairing(dir, HOST));
    }
}
