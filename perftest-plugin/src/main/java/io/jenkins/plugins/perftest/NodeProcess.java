package io.jenkins.plugins.perftest;

import hudson.Proc;
import io.perftest.host.HostProcess;
import java.io.IOException;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A process started by {@link JenkinsNodeHost}: a {@link Proc} (local or over remoting) plus
 * the cookie in its environment, which finds its pid and every descendant on the node for
 * signals and for the kill that must leave nothing behind.
 */
final class NodeProcess implements HostProcess {

    private static final Logger LOGGER = Logger.getLogger(NodeProcess.class.getName());
    private static final long POLL_MILLIS = 50;

    private final JenkinsNodeHost host;
    private final Proc proc;
    private final String cookie;
    private final LineSink out;
    private final LineSink err;
    private volatile long pid = -1;
    private volatile Integer exitCode;

    NodeProcess(JenkinsNodeHost host, Proc proc, String cookie, LineSink out, LineSink err) {
        this.host = host;
        this.proc = proc;
        this.cookie = cookie;
        this.out = out;
        this.err = err;
    }

    @Override
    public long pid() {
        if (pid < 0) {
            try {
                pid = host.rootPid(cookie);
            } catch (IOException e) {
                LOGGER.log(Level.FINE, "no pid for a process on " + host.name(), e);
            }
        }
        return pid;
    }

    @Override
    public boolean isAlive() {
        if (exitCode != null) {
            return false;
        }
        try {
            return proc.isAlive();
        } catch (IOException e) {
            return false; // the channel is gone: so is the process, as far as this run can tell
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    @Override
    public OptionalInt waitFor(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isAlive()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return OptionalInt.empty();
            }
            Thread.sleep(Math.max(1, Math.min(POLL_MILLIS, left / 1_000_000)));
        }
        return OptionalInt.of(join());
    }

    private int join() throws InterruptedException {
        if (exitCode == null) {
            try {
                exitCode = proc.join();
            } catch (IOException e) {
                LOGGER.log(Level.FINE, "lost a process on " + host.name(), e);
                exitCode = -1;
            }
        }
        return exitCode;
    }

    @Override
    public void interrupt() {
        long p = pid();
        if (p <= 0) {
            return;
        }
        try {
            host.signal(p, "INT");
        } catch (IOException e) {
            LOGGER.log(Level.FINE, "cannot interrupt " + p + " on " + host.name(), e);
        }
    }

    @Override
    public void terminate(Duration grace) throws InterruptedException {
        try {
            host.killProcessesWithEnvironment(JenkinsNodeHost.PROCESS_COOKIE, cookie, grace);
        } catch (IOException e) {
            LOGGER.log(Level.FINE, "cannot stop processes on " + host.name(), e);
        }
        try {
            proc.kill();
        } catch (IOException e) {
            LOGGER.log(Level.FINE, "cannot kill a process on " + host.name(), e);
        }
        join();
    }

    @Override
    public void awaitOutput(Duration timeout) throws InterruptedException {
        if (waitFor(timeout).isPresent()) {
            try {
                out.forceEol();
                err.forceEol();
            } catch (IOException e) {
                LOGGER.log(Level.FINE, "lost the last output line of a process on " + host.name(), e);
            }
        }
    }
}
