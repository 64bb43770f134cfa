package io.perftest.host;

import java.time.Duration;
import java.util.OptionalInt;

/** A process started on a {@link Host}. */
public interface HostProcess {

    long pid();

    boolean isAlive();

    /**
     * Waits at most {@code timeout} for the process to exit.
     *
     * @return its exit code, or empty if it is still running
     */
    OptionalInt waitFor(Duration timeout) throws InterruptedException;

    /** Sends SIGINT (a polite stop that tools like perf and strace turn into a final report). */
    void interrupt();

    /**
     * Stops the process and every descendant: SIGTERM, then SIGKILL to whatever is still alive
     * after {@code grace}. Returns when all of them are gone (or after a bounded wait).
     */
    void terminate(Duration grace) throws InterruptedException;

    /** Waits (bounded) until the process's output has been delivered to the consumers. */
    void awaitOutput(Duration timeout) throws InterruptedException;
}
