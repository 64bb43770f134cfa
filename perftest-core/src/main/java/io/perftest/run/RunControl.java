package io.perftest.run;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How the outside world (Ctrl-C, a Jenkins abort, a trigger) steers a running run: cancel it
 * (it ends {@code ABORTED}, with cleanup) or mark it unstable. Thread-safe.
 */
public final class RunControl {

    private final AtomicReference<String> cancelReason = new AtomicReference<>();
    private final AtomicReference<String> unstableReason = new AtomicReference<>();

    /** Asks the run to stop; the first reason given wins. */
    public void cancel(String reason) {
        cancelReason.compareAndSet(null, reason);
    }

    public boolean isCancelled() {
        return cancelReason.get() != null;
    }

    public Optional<String> cancelReason() {
        return Optional.ofNullable(cancelReason.get());
    }

    /** Marks the run unstable whatever its thresholds say (a trigger action). */
    public void markUnstable(String reason) {
        unstableReason.compareAndSet(null, reason);
    }

    public Optional<String> unstableReason() {
        return Optional.ofNullable(unstableReason.get());
    }
}
