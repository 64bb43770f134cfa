package io.perftest.cli.ssh;

import io.perftest.host.HostException;
import io.perftest.host.HostProcess;
import io.perftest.host.ProcessSpec;
import io.perftest.host.ProcessTree;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** Every {@link io.perftest.host.Host} operation of {@link SshHost}, against a real SSH server on loopback. */
public class SshHostTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Timeout timeout = Timeout.seconds(60);

    private TestSshServer server;
    private SshHost host;
    private Path remoteTmp;

    @Before
    public void startServer() throws Exception {
        remoteTmp = tmp.newFolder("remote-tmp").toPath();
        server = TestSshServer.start(tmp.newFolder("keys").toPath(), remoteTmp);
        host = new SshHost(server.insecureTarget("stats1"));
    }

    @After
    public void stopServer() throws Exception {
        host.close();
        server.close();
    }

    private static ProcessSpec spec(List<String> out, List<String> err, String... argv) {
        return ProcessSpec.of(argv).withOutput(out::add, err::add);
    }

    private static int exitCode(HostProcess p) throws InterruptedException {
        OptionalInt code = p.waitFor(Duration.ofSeconds(10));
        assertTrue("the process did not exit within 10s", code.isPresent());
        p.awaitOutput(Duration.ofSeconds(5));
        return code.getAsInt();
    }

    // ---- processes --------------------------------------------------------------------------

    @Test
    public void shouldPassEveryArgumentVerbatimThroughTheRemoteShell() throws Exception {
        Path marker = tmp.getRoot().toPath().resolve("marker");
        List<String> words = List.of("a b", "it's", "$(touch " + marker + ")", "`touch " + marker + "`", "*", "\"q\"",
                "back\\slash", "$HOME", "semi;colon | pipe & amp", "", "-n", "ünïcödé");
        List<String> argv = new ArrayList<>(List.of("printf", "%s\\n"));
        argv.addAll(words);
        List<String> out = new CopyOnWriteArrayList<>();

        HostProcess p = host.start(ProcessSpec.of(argv).withOutput(out::add, line -> { }));

        assertEquals(0, exitCode(p));
        assertEquals(words, out);
        assertFalse("a word was executed by the remote shell", Files.exists(marker));
    }

    @Test
    public void shouldGiveTheProgramItsEnvironmentAndWorkingDirectory() throws Exception {
        Path dir = tmp.newFolder("work dir 'quoted'").toPath();
        List<String> out = new CopyOnWriteArrayList<>();
        ProcessSpec spec = ProcessSpec.of("sh", "-c", "echo \"$PERFTEST_VALUE\"; pwd")
                .withEnvironment(Map.of("PERFTEST_VALUE", "x y 'z' $(id) \"w\""))
                .inDirectory(dir.toString())
                .withOutput(out::add, line -> { });

        assertEquals(0, exitCode(host.start(spec)));

        assertEquals(List.of("x y 'z' $(id) \"w\"", dir.toString()), out);
    }

    @Test
    public void shouldStreamOutputLinesWhileTheProcessRuns() throws Exception {
        List<String> out = new CopyOnWriteArrayList<>();
        List<String> err = new CopyOnWriteArrayList<>();

        HostProcess p = host.start(spec(out, err, "sh", "-c", "echo first; echo oops >&2; sleep 2; echo second"));

        long deadline = System.nanoTime() + 1_500_000_000L;
        while (!(out.contains("first") && err.contains("oops")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(List.of("first"), out);
        assertEquals(List.of("oops"), err);
        assertTrue(p.isAlive());
        assertTrue(p.waitFor(Duration.ofMillis(100)).isEmpty());
        assertEquals(0, exitCode(p));
        assertEquals(List.of("first", "second"), out);
        assertFalse(p.isAlive());
    }

    @Test
    public void shouldReportTheRemotePidAndTheExitCode() throws Exception {
        List<String> out = new CopyOnWriteArrayList<>();

        HostProcess p = host.start(spec(out, new ArrayList<>(), "sh", "-c", "echo $$; exit 7"));

        assertEquals(7, exitCode(p));
        assertEquals(List.of(Long.toString(p.pid())), out);
    }

    @Test
    public void shouldFailToStartAProgramThatIsNotThere() throws Exception {
        try {
            host.start(ProcessSpec.of("no-such-program-of-perftest", "x"));
            fail("started a program that does not exist");
        } catch (HostException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("stats1: cannot start 'no-such-program-of-perftest'"));
            assertTrue(e.getMessage(), e.getMessage().contains("not found"));
        }
    }

    @Test
    public void shouldFailToStartInADirectoryThatIsNotThere() throws Exception {
        try {
            host.start(ProcessSpec.of("true").inDirectory(tmp.getRoot() + "/absent"));
            fail("started in a directory that does not exist");
        } catch (HostException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("exit code 126"));
        }
    }

    @Test
    public void shouldInterruptWithSigint() throws Exception {
        List<String> out = new CopyOnWriteArrayList<>();
        HostProcess p = host.start(spec(out, new ArrayList<>(), "sh", "-c",
                "trap 'echo got INT; exit 3' INT; echo ready; while :; do sleep 0.1; done"));
        awaitLine(out, "ready");

        p.interrupt();

        assertEquals(3, exitCode(p));
        assertTrue(out.toString(), out.contains("got INT"));
    }

    @Test
    public void shouldTerminateTheWholeProcessTreeEvenWhenItIgnoresSigterm() throws Exception {
        List<String> out = new CopyOnWriteArrayList<>();
        HostProcess p = host.start(spec(out, new ArrayList<>(), "sh", "-c",
                "trap '' TERM; sleep 30 & sleep 31 & echo ready; wait"));
        awaitLine(out, "ready");
        List<ProcessHandle> tree = new ArrayList<>();
        ProcessHandle root = ProcessHandle.of(p.pid()).orElseThrow();
        tree.add(root);
        root.descendants().forEach(tree::add);
        assertEquals(tree.toString(), 3, tree.size());

        long t0 = System.nanoTime();
        p.terminate(Duration.ofMillis(300));

        assertTrue("took " + (System.nanoTime() - t0) / 1_000_000 + " ms", System.nanoTime() - t0 < 8_000_000_000L);
        for (ProcessHandle h : tree) {
            assertFalse("still running: " + h.pid(), running(h.pid()));
        }
        assertFalse(p.isAlive());
    }

    /**
     * Whether a process is running, from {@code /proc}: a zombie is not (it is dead, waiting for
     * its parent, here possibly the container's pid 1, to reap it).
     */
    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    public void shouldFindAndKillASetsidEscapeeByTheRunCookie() throws Exception {
        String cookie = "ssh-test-" + System.nanoTime();
        List<String> out = new CopyOnWriteArrayList<>();
        HostProcess p = host.start(ProcessSpec.of("sh", "-c", "setsid sh -c 'trap \"\" TERM; sleep 30' & echo ready")
                .withEnvironment(Map.of("PERFTEST_RUN_ID", cookie)).withOutput(out::add, line -> { }));
        assertEquals(0, exitCode(p));
        List<Long> local = awaitCookie(cookie);
        assertFalse("the escapee is not running", local.isEmpty());

        List<Long> remote = host.processesWithEnvironment("PERFTEST_RUN_ID", cookie);
        int killed = host.killProcessesWithEnvironment("PERFTEST_RUN_ID", cookie, Duration.ofMillis(300));

        assertEquals(local, remote);
        assertEquals(local.size(), killed);
        assertEquals(List.of(), awaitNoCookie(cookie));
        assertEquals(List.of(), host.processesWithEnvironment("PERFTEST_RUN_ID", cookie));
        assertEquals(0, host.killProcessesWithEnvironment("PERFTEST_RUN_ID", cookie, Duration.ofMillis(300)));
    }

    private static void awaitLine(List<String> lines, String line) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!lines.contains(line) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue("no line '" + line + "' in " + lines, lines.contains(line));
    }

    private static List<Long> awaitCookie(String cookie) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<Long> pids = ProcessTree.withEnvironment("PERFTEST_RUN_ID", cookie);
        while (pids.size() < 2 && System.nanoTime() < deadline) { // the escapee shell and its sleep
            Thread.sleep(20);
            pids = ProcessTree.withEnvironment("PERFTEST_RUN_ID", cookie);
        }
        List<Long> sorted = new ArrayList<>(pids);
        Collections.sort(sorted);
        return sorted;
    }

    private static List<Long> awaitNoCookie(String cookie) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<Long> pids = ProcessTree.withEnvironment("PERFTEST_RUN_ID", cookie);
        while (!pids.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            pids = ProcessTree.withEnvironment("PERFTEST_RUN_ID", cookie);
        }
        return pids;
    }

    // ---- files ------------------------------------------------------------------------------

    @Test
    public void shouldCreateATemporaryDirectoryUnderTheRemoteTmpdir() throws Exception {
        String dir = host.createTempDirectory("perftest-");

        assertTrue(dir, Path.of(dir).getParent().equals(remoteTmp));
        assertTrue(dir, Path.of(dir).getFileName().toString().startsWith("perftest-"));
        assertTrue(Files.isDirectory(Path.of(dir)));
        assertTrue(host.exists(dir));
    }

    @Test
    public void shouldWriteReadListAndDeleteFiles() throws Exception {
        String root = host.createTempDirectory("perftest-");
        String nested = host.resolve(root, "a dir/with 'quotes'/$(x)");
        byte[] everyByte = new byte[256 * 4];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }

        host.createDirectories(nested);
        host.writeFile(host.resolve(nested, "data.bin"), everyByte);
        host.writeFile(host.resolve(root, ".hidden"), "h".getBytes(StandardCharsets.UTF_8));
        host.writeFile(host.resolve(root, "new\nline"), new byte[0]);

        assertArrayEquals(everyByte, host.readFile(host.resolve(nested, "data.bin")));
        assertArrayEquals(everyByte, Files.readAllBytes(Path.of(nested, "data.bin")));
        assertEquals(List.of(".hidden", "a dir", "new\nline"), host.list(root));
        assertEquals(List.of(), host.list(host.resolve(root, "absent")));
        assertTrue(host.exists(host.resolve(nested, "data.bin")));
        assertFalse(host.exists(host.resolve(root, "absent")));

        host.delete(host.resolve(root, "a dir"));
        host.delete(host.resolve(root, "absent"));

        assertFalse(Files.exists(Path.of(root, "a dir")));
        assertEquals(List.of(".hidden", "new\nline"), host.list(root));
    }

    @Test(expected = NoSuchFileException.class)
    public void shouldSayAFileToReadIsNotThere() throws Exception {
        host.readFile(tmp.getRoot() + "/absent");
    }

    @Test(expected = IllegalArgumentException.class)
    public void shouldRefuseToDeleteTheRoot() throws Exception {
        host.delete("/");
    }

    @Test
    public void shouldFetchADirectoryTreeIntoALocalDirectory() throws Exception {
        Path source = tmp.newFolder("source").toPath();
        Files.createDirectories(source.resolve("sub dir/deeper"));
        Files.createDirectories(source.resolve("empty"));
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(42).nextBytes(big);
        Files.write(source.resolve("sub dir/deeper/big.bin"), big);
        Files.writeString(source.resolve("top.csv"), "a,b\n1,2\n");
        Files.createLink(source.resolve("sub dir/top-again.csv"), source.resolve("top.csv"));
        Files.createSymbolicLink(source.resolve("link"), Path.of("/etc/passwd"));
        Path target = tmp.getRoot().toPath().resolve("fetched/hosts/stats1");

        host.fetch(source.toString(), target);

        assertArrayEquals(big, Files.readAllBytes(target.resolve("sub dir/deeper/big.bin")));
        assertEquals("a,b\n1,2\n", Files.readString(target.resolve("top.csv")));
        assertEquals("a,b\n1,2\n", Files.readString(target.resolve("sub dir/top-again.csv")));
        assertTrue(Files.isDirectory(target.resolve("empty")));
        assertFalse("links are not copied", Files.exists(target.resolve("link"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    public void shouldFetchASingleFileIntoALocalDirectory() throws Exception {
        Path file = tmp.newFile("results.csv").toPath();
        Files.writeString(file, "x\n");
        Path target = tmp.getRoot().toPath().resolve("one");

        host.fetch(file.toString(), target);

        assertEquals("x\n", Files.readString(target.resolve("results.csv")));
    }

    @Test(expected = NoSuchFileException.class)
    public void shouldSayAPathToFetchIsNotThere() throws Exception {
        host.fetch(tmp.getRoot() + "/absent", tmp.getRoot().toPath().resolve("nothing"));
    }

    // ---- provenance, commands, reachability -------------------------------------------------

    @Test
    public void shouldDescribeTheHost() throws Exception {
        Map<String, String> d = host.describe();

        assertEquals(Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim(), d.get("kernel"));
        assertEquals(Integer.toString(Runtime.getRuntime().availableProcessors()), d.get("cpus"));
        assertTrue(d.toString(), d.get("memory").endsWith("kB"));
        assertTrue(d.toString(), d.get("os").startsWith("Linux"));
        assertFalse(d.toString(), d.get("hostname").isBlank());
        assertEquals("perftest@127.0.0.1:" + server.port(), d.get("address"));
    }

    @Test
    public void shouldTellWhetherACommandIsInstalled() throws Exception {
        assertTrue(host.hasCommand("sh"));
        assertTrue(host.hasCommand("/bin/sh"));
        assertFalse(host.hasCommand("no-such-program-of-perftest"));
        assertFalse(host.hasCommand("/bin/no-such-program-of-perftest"));
    }

    @Test
    public void shouldAnswerTheHeartbeatAndReconnectAfterTheConnectionDropped() throws Exception {
        host.checkReachable();
        host.session().close(true);

        host.checkReachable();

        assertTrue(host.exists("/"));
    }

    @Test
    public void shouldSayWhenAHostDoesNotAnswer() throws Exception {
        int port = server.port();
        server.close();
        long t0 = System.nanoTime();
        try (SshHost gone = new SshHost(SshTarget.of("gone", "127.0.0.1", port, "perftest")
                .withIdentity(server.identity()).withInsecure(true).withConnectTimeout(Duration.ofSeconds(2)))) {
            gone.checkReachable();
            fail("reached a stopped server");
        } catch (HostException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("gone: cannot connect to perftest@127.0.0.1:" + port));
        }
        assertTrue(System.nanoTime() - t0 < 6_000_000_000L);
    }
}
