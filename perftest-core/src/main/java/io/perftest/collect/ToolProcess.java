package io.perftest.collect;

import io.perftest.host.Host;
import io.perftest.host.HostProcess;
import io.perftest.host.ProcessSpec;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * A tool process a collector runs on a host (sadc, strace, perf, a counter command), always with
 * the run's cookie in its environment so that the engine's cleanup kills it whatever happens.
 * Keeps the last lines of its standard error for messages.
 */
final class ToolProcess {

    private static final int KEPT_LINES = 20;

    private final HostProcess process;
    private final Deque<String> stderr;
    private final String display;

    private ToolProcess(HostProcess process, Deque<String> stderr, String display) {
        this.process = process;
        this.stderr = stderr;
        this.display = display;
    }

    /** Starts {@code argv} on {@code host} in {@code directory}; stdout lines go to {@code stdout}. */
    static ToolProcess start(Host host, CollectorContext ctx, List<String> argv, String directory, Consumer<String> stdout)
            throws IOException {
        Deque<String> err = new ArrayDeque<>();
        Consumer<String> errSink = line -> {
            synchronized (err) {
                err.addLast(line);
                if (err.size() > KEPT_LINES) {
                    err.removeFirst();
                }
            }
        };
        ProcessSpec spec = new ProcessSpec(argv, Map.of(Host.RUN_ID_VARIABLE, ctx.runId(), "LC_ALL", "C"), directory,
                stdout == null ? line -> { } : stdout, errSink);
        return new ToolProcess(host.start(spec), err, spec.display());
    }

    /** Runs {@code argv} to its end (at most {@code timeout}); its exit code, or empty if it had to be stopped. */
    static Finished run(Host host, CollectorContext ctx, List<String> argv, String directory, Consumer<String> stdout,
                        Duration timeout) throws IOException, InterruptedException {
        ToolProcess p = start(host, ctx, argv, directory, stdout);
        OptionalInt code;
        try {
            code = p.process.waitFor(timeout);
        } catch (InterruptedException e) {
            p.process.terminate(Duration.ofMillis(200)); // stopped from outside: leave no process behind
            throw e;
        }
        if (code.isEmpty()) {
            p.process.terminate(Duration.ofSeconds(2));
        }
        p.process.awaitOutput(Duration.ofSeconds(5));
        return new Finished(code, p.stderrLines());
    }

    /** How a process run to its end finished. */
    record Finished(OptionalInt exitCode, List<String> stderr) {
        boolean ok() {
            return exitCode.isPresent() && exitCode.getAsInt() == 0;
        }

        String why() {
            String code = exitCode.isPresent() ? "exit code " + exitCode.getAsInt() : "timed out";
            return stderr.isEmpty() ? code : code + ": " + String.join(" / ", stderr.subList(Math.max(0, stderr.size() - 3), stderr.size()));
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    OptionalInt waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout);
    }

    /**
     * Stops the tool: SIGINT (tools like strace and perf write their report on it), then, after
     * {@code polite}, SIGTERM and SIGKILL. Returns its exit code if it exited on its own or on SIGINT.
     */
    OptionalInt stop(Duration polite) throws InterruptedException {
        if (process.isAlive()) {
            process.interrupt();
        }
        OptionalInt code = process.waitFor(polite);
        if (code.isEmpty()) {
            process.terminate(Duration.ofSeconds(2));
        }
        process.awaitOutput(Duration.ofSeconds(5));
        return code;
    }

    List<String> stderrLines() {
        synchronized (stderr) {
            return new ArrayList<>(stderr);
        }
    }

    /** The last lines of standard error, joined, for a message; empty when it printed nothing. */
    String lastErrors() {
        List<String> lines = stderrLines();
        return String.join(" / ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }

    String display() {
        return display;
    }
}
