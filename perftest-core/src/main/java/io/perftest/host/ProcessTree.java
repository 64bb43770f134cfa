package io.perftest.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds and kills the processes of a run on this machine: the descendants of a process, and on
 * Linux every process whose environment carries the run's cookie (as Jenkins' ProcessTreeKiller
 * does), which also catches children that called {@code setsid} or were re-parented to init.
 */
public final class ProcessTree {

    private static final Path PROC = Path.of("/proc");
    private static final int MAX_KILL_ROUNDS = 50;
    private static final int EMPTY_LOOKS = 3;

    private ProcessTree() {
    }

    /** Pids of live processes whose environment holds {@code name=value}; never this JVM or its ancestors. */
    public static List<Long> withEnvironment(String name, String value) {
        List<Long> out = new ArrayList<>();
        if (!Files.isDirectory(PROC)) {
            return out;
        }
        byte[] needle = (name + "=" + value).getBytes(StandardCharsets.UTF_8);
        Set<Long> excluded = selfAndAncestors();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC)) {
            for (Path dir : dirs) {
                String file = dir.getFileName().toString();
                if (file.isEmpty() || !Character.isDigit(file.charAt(0))) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(file);
                } catch (NumberFormatException e) {
                    continue;
                }
                if (!excluded.contains(pid) && environHas(dir.resolve("environ"), needle)) {
                    out.add(pid);
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    private static boolean environHas(Path environ, byte[] needle) {
        byte[] env;
        try {
            env = Files.readAllBytes(environ);
        } catch (IOException | SecurityException e) {
            return false; // gone, a zombie, or another user's
        }
        int start = 0;
        for (int i = 0; i <= env.length; i++) {
            if (i == env.length || env[i] == 0) {
                if (i - start == needle.length && java.util.Arrays.equals(env, start, i, needle, 0, needle.length)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    private static Set<Long> selfAndAncestors() {
        Set<Long> out = new LinkedHashSet<>();
        Optional<ProcessHandle> p = Optional.of(ProcessHandle.current());
        while (p.isPresent()) {
            out.add(p.get().pid());
            p = p.get().parent();
        }
        return out;
    }

    /**
     * Kills {@code root} with all its descendants and every process carrying the cookie
     * ({@code cookieName=cookieValue}; null for none): SIGTERM first, SIGKILL to survivors
     * after {@code grace} (frozen first, see {@link #freeze}). Returns once none is alive, or
     * after a bounded number of rounds.
     *
     * @return how many processes it signalled
     */
    public static int kill(ProcessHandle root, String cookieName, String cookieValue, Duration grace)
            throws InterruptedException {
        Set<ProcessHandle> seen = new LinkedHashSet<>();
        Set<ProcessHandle> targets = lookAgain(root, cookieName, cookieValue);
        if (targets.isEmpty()) {
            return 0;
        }
        targets.forEach(ProcessHandle::destroy);
        seen.addAll(targets);
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline) {
            targets.removeIf(h -> !isRunning(h));
            Set<ProcessHandle> more = targets.isEmpty() ? lookAgain(root, cookieName, cookieValue) : collect(root, cookieName, cookieValue);
            for (ProcessHandle h : more) {
                if (targets.add(h)) {
                    h.destroy(); // forked during the grace period: it gets its SIGTERM too
                }
            }
            seen.addAll(targets);
            if (targets.stream().noneMatch(ProcessTree::isRunning)) {
                return seen.size();
            }
            Thread.sleep(20);
        }
        for (int round = 0; round < MAX_KILL_ROUNDS; round++) {
            targets.addAll(freeze(root, cookieName, cookieValue));
            targets.removeIf(h -> !isRunning(h));
            if (targets.isEmpty()) {
                targets.addAll(lookAgain(root, cookieName, cookieValue));
                if (targets.isEmpty()) {
                    break;
                }
            }
            seen.addAll(targets);
            targets.forEach(ProcessHandle::destroyForcibly);
            Thread.sleep(20);
        }
        return seen.size();
    }

    /**
     * The running targets, looked for a few times a few milliseconds apart before saying there is
     * none: a process in the middle of exec shows an empty {@code /proc/<pid>/environ} for a moment
     * (the new image's environment is not set up yet), so one look can miss it by its cookie.
     */
    private static Set<ProcessHandle> lookAgain(ProcessHandle root, String cookieName, String cookieValue)
            throws InterruptedException {
        for (int look = 0; look < EMPTY_LOOKS; look++) {
            Set<ProcessHandle> found = collect(root, cookieName, cookieValue);
            found.removeIf(h -> !isRunning(h));
            if (!found.isEmpty() || cookieName == null) {
                return found;
            }
            Thread.sleep(5);
        }
        return new LinkedHashSet<>();
    }

    /**
     * Stops (SIGSTOP) every target, looking again until a look finds none that was not stopped
     * already, and returns them. A stopped process cannot fork, so none of them can leave a child
     * that the SIGKILL which follows misses: without this, a child forked between the last look at
     * the tree and the parent's SIGKILL is re-parented to init, out of the tree, and lives on.
     */
    private static Set<ProcessHandle> freeze(ProcessHandle root, String cookieName, String cookieValue)
            throws InterruptedException {
        Set<ProcessHandle> frozen = new LinkedHashSet<>();
        for (int round = 0; round < MAX_KILL_ROUNDS; round++) {
            List<Long> fresh = new ArrayList<>();
            for (ProcessHandle h : collect(root, cookieName, cookieValue)) {
                if (frozen.add(h)) {
                    fresh.add(h.pid());
                }
            }
            if (fresh.isEmpty()) {
                break;
            }
            signal("STOP", fresh); // without kill(1) only the freeze is lost: SIGKILL follows anyway
        }
        return frozen;
    }

    /**
     * Sends {@code signal} (a name: INT, TERM, STOP) to the pids with one {@code kill} (argv, no
     * shell); bounded wait. False if kill(1) cannot start. The one way perftest signals by name,
     * here and on Jenkins agents.
     */
    public static boolean signal(String signal, List<Long> pids) throws InterruptedException {
        List<String> argv = new ArrayList<>(pids.size() + 3);
        argv.add("kill");
        argv.add("-s");
        argv.add(signal);
        pids.forEach(pid -> argv.add(Long.toString(pid)));
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Alive and not a zombie. {@link ProcessHandle#isAlive()} is true for a zombie, which has
     * exited and only waits to be reaped; in a container whose init does not reap orphans it
     * stays one forever, and waiting for it to die would use up every kill round.
     */
    static boolean isRunning(ProcessHandle h) {
        if (!h.isAlive()) {
            return false;
        }
        try {
            String stat = new String(Files.readAllBytes(PROC.resolve(Long.toString(h.pid())).resolve("stat")),
                    StandardCharsets.ISO_8859_1);
            int close = stat.lastIndexOf(')');
            return close < 0 || close + 2 >= stat.length() || stat.charAt(close + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return h.isAlive(); // no /proc (not Linux) or it just went away
        }
    }

    private static Set<ProcessHandle> collect(ProcessHandle root, String cookieName, String cookieValue) {
        Set<ProcessHandle> out = new LinkedHashSet<>();
        if (root != null) {
            root.descendants().forEach(out::add);
            if (isRunning(root)) {
                out.add(root);
            }
        }
        if (cookieName != null) {
            for (long pid : withEnvironment(cookieName, cookieValue)) {
                ProcessHandle.of(pid).ifPresent(h -> {
                    out.add(h);
                    h.descendants().forEach(out::add);
                });
            }
        }
        return out;
    }
}
