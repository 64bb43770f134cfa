package io.perftest.host;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A process of {@link LocalHost}, its output pumped line by line to the spec's consumers. */
final class LocalProcess implements HostProcess {

    /** Lines longer than this are delivered in pieces, so one huge line cannot exhaust memory. */
    static final int MAX_LINE = 64 * 1024;
    private static final Duration REAP_BOUND = Duration.ofSeconds(10);

    private final Process process;
    private final Thread out;
    private final Thread err;

    LocalProcess(Process process, ProcessSpec spec) {
        this.process = process;
        this.out = pump(process.getInputStream(), spec.stdout(), "stdout-" + process.pid());
        this.err = pump(process.getErrorStream(), spec.stderr(), "stderr-" + process.pid());
    }

    private static Thread pump(InputStream in, Consumer<String> sink, String name) {
        Thread t = new Thread(() -> {
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, decoder))) {
                StringBuilder line = new StringBuilder();
                int c;
                while ((c = r.read()) >= 0) {
                    if (c == '\n') {
                        deliver(sink, line);
                    } else if (c != '\r') {
                        line.append((char) c);
                        if (line.length() >= MAX_LINE) {
                            deliver(sink, line);
                        }
                    }
                }
                if (line.length() > 0) {
                    deliver(sink, line);
                }
            } catch (IOException e) {
                // the stream closed under us: the process is gone
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void deliver(Consumer<String> sink, StringBuilder line) {
        try {
            sink.accept(line.toString());
        } catch (RuntimeException e) {
            // a consumer's failure must not stop the pump (the process would block on a full pipe)
        }
        line.setLength(0);
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public OptionalInt waitFor(Duration timeout) throws InterruptedException {
        if (process.waitFor(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS)) {
            return OptionalInt.of(process.exitValue());
        }
        return OptionalInt.empty();
    }

    @Override
    public void interrupt() {
        LocalHost.signal(process.pid(), "INT");
    }

    @Override
    public void terminate(Duration grace) throws InterruptedException {
        ProcessTree.kill(process.toHandle(), null, null, grace);
        // kill() stops at "exited"; our own child stays a zombie (and Process.isAlive() true) until
        // the JVM's reaper thread collects it, which lags under load. Wait for that, bounded.
        process.waitFor(REAP_BOUND.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void awaitOutput(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        out.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        err.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
    }
}
