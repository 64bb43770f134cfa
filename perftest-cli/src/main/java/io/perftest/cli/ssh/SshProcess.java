package io.perftest.cli.ssh;

import io.perftest.host.HostException;
import io.perftest.host.HostProcess;
import io.perftest.host.ProcessSpec;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A process of an {@link SshHost}: one exec channel. The remote start script prints the process's
 * pid as the first line of stdout and then becomes the program, so {@link #pid()} is the remote
 * pid that {@link #interrupt()} and {@link #terminate} signal. Output is pumped line by line to
 * the spec's consumers by two threads, as for a local process.
 */
final class SshProcess implements HostProcess {

    /** Lines longer than this are delivered in pieces, so one huge line cannot exhaust memory. */
    static final int MAX_LINE = 64 * 1024;
    private static final Set<ClientChannelEvent> ENDED =
            EnumSet.of(ClientChannelEvent.EXIT_STATUS, ClientChannelEvent.EXIT_SIGNAL, ClientChannelEvent.CLOSED);
    private static final Map<String, Integer> SIGNALS = Map.of("HUP", 1, "INT", 2, "QUIT", 3, "ABRT", 6, "KILL", 9,
            "SEGV", 11, "PIPE", 13, "ALRM", 14, "TERM", 15);

    private final SshHost host;
    private final ChannelExec channel;
    private final CompletableFuture<Long> pid = new CompletableFuture<>();
    private final List<String> firstErrors = new ArrayList<>();
    private Thread out;
    private Thread err;

    private SshProcess(SshHost host, ChannelExec channel) {
        this.host = host;
        this.channel = channel;
    }

    /** Starts pumping the channel's output and waits (bounded) for the pid line. */
    static SshProcess start(SshHost host, ChannelExec channel, ProcessSpec spec, Duration timeout) throws IOException {
        SshProcess p = new SshProcess(host, channel);
        String program = spec.argv().get(0);
        p.out = pump(channel.getInvertedOut(), spec.stdout(), p::pidLine, "ssh-stdout-" + host.name());
        p.err = pump(channel.getInvertedErr(), spec.stderr(), p::errorLine, "ssh-stderr-" + host.name());
        try {
            p.pid.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return p;
        } catch (ExecutionException e) {
            try {
                p.awaitOutput(Duration.ofSeconds(2));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            channel.waitFor(ENDED, Duration.ofSeconds(2));
            channel.close(true);
            throw new HostException(host.name(), "cannot start '" + program + "'" + p.startFailure());
        } catch (TimeoutException e) {
            channel.close(true);
            throw new HostException(host.name(), "cannot start '" + program + "': no answer within " + timeout.toSeconds() + "s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.close(true);
            throw new HostException(host.name(), "interrupted while starting '" + program + "'");
        }
    }

    private String startFailure() {
        Integer status = channel.getExitStatus();
        String why;
        synchronized (firstErrors) {
            why = firstErrors.isEmpty() ? "" : ": " + String.join(" / ", firstErrors);
        }
        return why + (status == null ? "" : " (exit code " + status + ")");
    }

    /** Takes the first stdout line as the pid; returns true when the line was consumed (null: the end). */
    private boolean pidLine(String line) {
        if (pid.isDone()) {
            return false;
        }
        if (line == null) {
            pid.completeExceptionally(new IOException("the output ended before the start script printed a pid"));
            return true;
        }
        try {
            pid.complete(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            pid.completeExceptionally(new IOException("the start script printed '" + line + "' instead of a pid"));
        }
        return true;
    }

    private boolean errorLine(String line) {
        synchronized (firstErrors) {
            if (line != null && (!pid.isDone() || pid.isCompletedExceptionally()) && firstErrors.size() < 3) {
                firstErrors.add(line);
            }
        }
        return false;
    }

    /** A hook that may take a line before it reaches the consumer. */
    @FunctionalInterface
    private interface LineFilter {
        boolean consumed(String line);
    }

    private static Thread pump(InputStream in, Consumer<String> sink, LineFilter filter, String name) {
        Thread t = new Thread(() -> {
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
            StringBuilder line = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, decoder))) {
                int c;
                while ((c = r.read()) >= 0) {
                    if (c == '\n') {
                        deliver(sink, filter, line);
                    } else if (c != '\r') {
                        line.append((char) c);
                        if (line.length() >= MAX_LINE) {
                            deliver(sink, filter, line);
                        }
                    }
                }
            } catch (IOException e) {
                // the channel closed under us: the connection or the process is gone
            }
            if (line.length() > 0) {
                deliver(sink, filter, line);
            }
            filter.consumed(null);
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void deliver(Consumer<String> sink, LineFilter filter, StringBuilder line) {
        String text = line.toString();
        line.setLength(0);
        try {
            if (!filter.consumed(text)) {
                sink.accept(text);
            }
        } catch (RuntimeException e) {
            // a consumer's failure must not stop the pump (the remote side would block on a full window)
        }
    }

    @Override
    public long pid() {
        return pid.getNow(-1L);
    }

    @Override
    public boolean isAlive() {
        return exitCode().isEmpty();
    }

    private OptionalInt exitCode() {
        Set<ClientChannelEvent> state = channel.getChannelState();
        Integer status = channel.getExitStatus();
        if (status != null) {
            return OptionalInt.of(status);
        }
        String signal = channel.getExitSignal();
        if (signal != null) {
            return OptionalInt.of(128 + SIGNALS.getOrDefault(signal, 0));
        }
        if (state.contains(ClientChannelEvent.CLOSED)) {
            return OptionalInt.of(-1); // the connection ended without telling how the process did
        }
        return OptionalInt.empty();
    }

    @Override
    public OptionalInt waitFor(Duration timeout) throws InterruptedException {
        OptionalInt now = exitCode();
        if (now.isPresent() || timeout.isZero() || timeout.isNegative()) {
            return now;
        }
        // SSHD's waitFor treats a non-positive timeout as "forever": never pass one
        channel.waitFor(ENDED, Math.max(1, timeout.toMillis()));
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        return exitCode();
    }

    @Override
    public void interrupt() {
        try {
            host.signal(pid(), "INT");
        } catch (IOException e) {
            // the process or the connection is gone: nothing left to interrupt
        }
    }

    @Override
    public void terminate(Duration grace) throws InterruptedException {
        if (pid() > 0) {
            try {
                host.killTree(pid(), grace);
            } catch (IOException e) {
                // the connection is gone; closing the channel below is all that is left
            }
        }
        if (waitFor(Duration.ofSeconds(5)).isEmpty()) {
            channel.close(true);
        }
    }

    @Override
    public void awaitOutput(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        out.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        err.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        if (!out.isAlive() && !err.isAlive() && !isAlive()) {
            channel.close(false);
        }
    }
}
