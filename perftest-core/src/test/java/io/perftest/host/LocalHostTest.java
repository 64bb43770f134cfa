package io.perftest.host;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

import java.io.IOException;
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
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

public class LocalHostTest {

    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final String COOKIE = "PERFTEST_HOST_TEST";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Timeout timeout = new Timeout(30, TimeUnit.SECONDS);

    private final LocalHost host = new LocalHost("test-host");
    /** Every process of a test carries this cookie, so that the test can check (and make sure) none is left. */
    private final String cookie = UUID.randomUUID().toString();

    @After
    public void shouldLeaveNoProcessBehind() throws InterruptedException {
        List<Long> left = ProcessTree.withEnvironment(COOKIE, cookie).stream().filter(LocalHostTest::alive).toList();
        ProcessTree.kill(null, COOKIE, cookie, Duration.ofMillis(200));
        assertEquals("processes left behind", List.of(), left);
    }

    /** Alive per /proc: it exists and is not a zombie waiting for a parent to reap it. */
    private static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    private ProcessSpec spec(List<String> out, List<String> err, String... argv) {
        return ProcessSpec.of(argv).withEnvironment(Map.of(COOKIE, cookie)).withOutput(out::add, err::add);
    }

    private static List<String> lines() {
        return Collections.synchronizedList(new ArrayList<>());
    }

    private static int finish(HostProcess p) throws InterruptedException {
        OptionalInt code = p.waitFor(BOUND);
        assertTrue("exited within " + BOUND, code.isPresent());
        p.awaitOutput(BOUND);
        return code.getAsInt();
    }

    @Test
    public void shouldPassEveryArgumentVerbatimWithoutAShell() throws Exception {
        Path marker = tmp.getRoot().toPath().resolve("marker");
        List<String> out = lines();
        String[] args = {"with spaces", "$(touch " + marker + ")", "*", "'quoted'; echo injected", ""};
        List<String> argv = new ArrayList<>(List.of("printf", "[%s]\\n"));
        argv.addAll(List.of(args));

        HostProcess p = host.start(spec(out, lines(), argv.toArray(String[]::new)));

        assertEquals(0, finish(p));
        assertEquals(List.of(args).stream().map(a -> "[" + a + "]").toList(), out);
        assertFalse(Files.exists(marker));
    }

    @Test
    public void shouldGiveTheProcessItsEnvironmentAndWorkingDirectory() throws Exception {
        Path dir = tmp.newFolder("work dir").toPath().toRealPath();
        List<String> out = lines();

        HostProcess p = host.start(spec(out, lines(), "sh", "-c", "printf '%s\\n' \"$PERFTEST_PARAM_SIZE\"; pwd")
                .withEnvironment(Map.of(COOKIE, cookie, "PERFTEST_PARAM_SIZE", "16M $(x)")).inDirectory(dir.toString()));

        assertEquals(0, finish(p));
        assertEquals(List.of("16M $(x)", dir.toString()), out);
    }

    @Test
    public void shouldDeliverStdoutAndStderrLinesToTheirOwnConsumers() throws Exception {
        List<String> out = lines();
        List<String> err = lines();

        HostProcess p = host.start(spec(out, err, "sh", "-c", "echo out1; echo err1 >&2; printf 'out2\\r\\n'; printf 'no newline' >&2; exit 3"));

        assertEquals(3, finish(p));
        assertEquals(List.of("out1", "out2"), out);
        assertEquals(List.of("err1", "no newline"), err);
    }

    @Test
    public void shouldDeliverATenMegabyteLineInBoundedPieces() throws Exception {
        List<Integer> pieces = Collections.synchronizedList(new ArrayList<>());
        List<String> notX = lines();
        ProcessSpec s = ProcessSpec.of("sh", "-c", "head -c 10485760 /dev/zero | tr '\\0' x; echo; echo after")
                .withEnvironment(Map.of(COOKIE, cookie))
                .withOutput(line -> {
                    pieces.add(line.length());
                    if (!line.chars().allMatch(c -> c == 'x')) {
                        notX.add(line);
                    }
                }, line -> { });

        assertEquals(0, finish(host.start(s)));

        assertEquals(10 * 1024 * 1024, pieces.stream().mapToInt(Integer::intValue).sum() - "after".length());
        assertTrue(pieces.stream().allMatch(n -> n <= LocalProcess.MAX_LINE));
        assertTrue(pieces.size() > 100);
        assertEquals(List.of("after"), notX);
    }

    @Test
    public void shouldReturnNoExitCodeWhenTheWaitEndsFirst() throws Exception {
        HostProcess p = host.start(spec(lines(), lines(), "sleep", "30"));

        long start = System.nanoTime();
        OptionalInt code = p.waitFor(Duration.ofMillis(300));
        long waitedMs = (System.nanoTime() - start) / 1_000_000;

        assertTrue(code.isEmpty());
        assertTrue(p.isAlive());
        assertTrue("waited " + waitedMs + " ms", waitedMs >= 250 && waitedMs < 3000);
        p.terminate(Duration.ofSeconds(1));
        assertFalse(p.isAlive());
    }

    @Test
    public void shouldKillTheWholeProcessTreeOnTerminateEvenWhenItIgnoresSigterm() throws Exception {
        HostProcess p = host.start(spec(lines(), lines(), "sh", "-c", "trap '' TERM; sleep 30 & sleep 30 & wait; wait"));
        List<Long> tree = waitForDescendants(p.pid(), 2);

        p.terminate(Duration.ofMillis(500));

        assertFalse(p.isAlive());
        for (long pid : tree) {
            assertFalse("pid " + pid + " still in /proc", alive(pid));
        }
    }

    @Test
    public void shouldLeaveNoChildOfAForkLoopThatIgnoresSigterm() throws Exception {
        // the children inherit the ignored SIGTERM; a child forked between the last look at the tree
        // and the SIGKILL of its parent would be re-parented and escape, unless the tree is frozen first
        HostProcess p = host.start(spec(lines(), lines(), "sh", "-c", "trap '' TERM; while :; do sleep 30 & sleep 0.002; done"));
        waitForDescendants(p.pid(), 20);

        p.terminate(Duration.ofMillis(200));

        assertFalse(p.isAlive());
        // shouldLeaveNoProcessBehind() finds any escapee by the cookie
    }

    private static List<Long> waitForDescendants(long pid, int count) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            List<Long> d = ProcessHandle.of(pid).orElseThrow().descendants().map(ProcessHandle::pid).collect(Collectors.toList());
            if (d.size() >= count) {
                return d;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("process " + pid + " did not start " + count + " children within " + BOUND);
    }

    @Test
    public void shouldKillASetsidEscapeeFoundByItsEnvironmentCookie() throws Exception {
        List<String> out = lines();
        HostProcess p = host.start(spec(out, lines(), "sh", "-c", "setsid sleep 30 >/dev/null 2>&1 & echo $!"));
        assertEquals(0, finish(p));
        long escapee = Long.parseLong(out.get(0).trim());
        assertTrue("the escapee runs on after its parent exited", alive(escapee));
        assertTrue(host.processesWithEnvironment(COOKIE, cookie).contains(escapee));

        long start = System.nanoTime();
        // A long grace makes the difference plain: without telling a zombie from a live process the
        // kill would wait out the whole grace (and its SIGKILL rounds) for an unreaped escapee.
        int found = host.killProcessesWithEnvironment(COOKIE, cookie, Duration.ofSeconds(6));
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertEquals(1, found);
        assertTrue("took " + tookMs + " ms, although sleep dies at SIGTERM (even if nobody reaps it)", tookMs < 5000);
        assertFalse("pid " + escapee + " still in /proc", alive(escapee));
        assertEquals(List.of(), host.processesWithEnvironment(COOKIE, cookie).stream().filter(LocalHostTest::alive).toList());
    }

    @Test
    public void shouldNeverFindThisJvmByAnEnvironmentCookie() {
        String path = System.getenv("PATH");
        assertFalse(host.processesWithEnvironment("PATH", path).contains(ProcessHandle.current().pid()));
    }

    @Test
    public void shouldSayWhichProgramCannotBeStarted() {
        HostException e = assertThrows(HostException.class, () -> host.start(ProcessSpec.of("/no/such/program")));
        assertTrue(e.getMessage(), e.getMessage().contains("cannot start '/no/such/program'"));
    }

    @Test
    public void shouldFetchADirectoryTreeAndASingleFile() throws IOException {
        Path src = tmp.newFolder("results").toPath();
        Files.createDirectories(src.resolve("sar/daily"));
        Files.writeString(src.resolve("results.csv"), "a,1\n");
        Files.writeString(src.resolve("sar/daily/sa01"), "binary");
        Path target = tmp.getRoot().toPath().resolve("fetched/hosts/local");

        host.fetch(src.toString(), target);
        host.fetch(src.resolve("results.csv").toString(), target.resolve("single"));

        assertEquals("a,1\n", Files.readString(target.resolve("results.csv")));
        assertEquals("binary", Files.readString(target.resolve("sar/daily/sa01")));
        assertEquals("a,1\n", Files.readString(target.resolve("single/results.csv")));
        assertThrows(NoSuchFileException.class, () -> host.fetch(src.resolve("missing").toString(), target));
    }

    @Test
    public void shouldDeleteATreeWithoutFollowingItsLinks() throws IOException {
        Path outside = tmp.newFile("keep.txt").toPath();
        Path dir = tmp.newFolder("work").toPath();
        Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(dir.resolve("a/b/c.txt"), "c");
        Files.createSymbolicLink(dir.resolve("a/link"), outside);
        Files.createSymbolicLink(dir.resolve("dirlink"), tmp.getRoot().toPath());

        host.delete(dir.toString());
        host.delete(dir.toString());

        assertFalse(Files.exists(dir));
        assertTrue(Files.exists(outside));
    }

    @Test
    public void shouldWriteReadAndListFiles() throws IOException {
        String dir = host.createTempDirectory("perftest-host-test");
        try {
            host.createDirectories(host.resolve(dir, "x/y"));
            host.writeFile(host.resolve(dir, "b.txt"), "bee".getBytes(StandardCharsets.UTF_8));
            assertEquals("bee", new String(host.readFile(host.resolve(dir, "b.txt")), StandardCharsets.UTF_8));
            assertEquals(List.of("b.txt", "x"), host.list(dir));
            assertEquals(List.of(), host.list(host.resolve(dir, "missing")));
            assertTrue(host.exists(host.resolve(dir, "x/y")));
        } finally {
            host.delete(dir);
        }
        assertFalse(host.exists(dir));
    }

    @Test
    public void shouldDescribeKernelAndCpuModelForProvenance() throws IOException {
        Map<String, String> d = host.describe();
        assertEquals("test-host", d.get("hostname"));
        assertEquals(Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim(), d.get("kernel"));
        assertFalse(d.get("cpuModel").isBlank());
        assertEquals(Integer.toString(Runtime.getRuntime().availableProcessors()), d.get("cpus"));
        assertTrue(d.get("memory"), d.get("memory").endsWith("kB"));
    }

    @Test
    public void shouldFindCommandsOnThePath() {
        assertTrue(host.hasCommand("sh"));
        assertFalse(host.hasCommand("no-such-command-" + cookie));
    }
}
