package io.perftest.collect;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A daemon thread that calls a sampling step every interval (aligned on a fixed schedule, not
 * drifting with the step's own duration) until stopped. A failing step is reported once through
 * the log and the loop goes on; it never outlives {@link #stop}.
 */
final class PeriodicSampler {

    /** One sampling step; {@code atMillis} is the wall-clock time it was scheduled for. */
    @FunctionalInterface
    interface Step {
        void sample(long atMillis) throws Exception;
    }

    private final Thread thread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile String firstFailure;
    private volatile long failures;
    private volatile long samples;

    PeriodicSampler(String name, Duration interval, Step step, Consumer<String> log) {
        long periodNanos = interval.toNanos();
        thread = new Thread(() -> {
            long next = System.nanoTime();
            boolean reported = false;
            while (stopped.getCount() > 0) {
                try {
                    step.sample(System.currentTimeMillis());
                    samples++;
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    failures++;
                    if (!reported) {
                        reported = true;
                        firstFailure = e.getMessage() == null ? e.toString() : e.getMessage();
                        log.accept("sampling failed (reported once, sampling goes on): " + firstFailure);
                    }
                }
                next += periodNanos;
                long wait = next - System.nanoTime();
                if (wait < 0) {
                    next = System.nanoTime(); // fell behind: skip the missed ticks
                    wait = 0;
                }
                try {
                    if (stopped.await(wait, TimeUnit.NANOSECONDS)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "perftest-" + name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Stops the loop: lets the step in progress finish (at most {@code wait}), then interrupts it.
     */
    void stop(Duration wait) throws InterruptedException {
        stopped.countDown();
        thread.join(Math.max(1, wait.toMillis()));
        if (thread.isAlive()) {
            thread.interrupt();
            thread.join(1000);
        }
    }

    /** How many steps failed. */
    long failures() {
        return failures;
    }

    /** How many steps succeeded. */
    long samples() {
        return samples;
    }

    /** The first error of a step, if any failed. */
    String firstFailure() {
        return firstFailure;
    }
}
