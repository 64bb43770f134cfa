package io.jenkins.plugins.perftest;

import hudson.model.Run;
import io.perftest.analysis.PinnedBaseline;
import io.perftest.model.RunStatus;
import io.perftest.store.AtomicFiles;
import io.perftest.store.Json;
import io.perftest.store.RunDirectory;
import io.perftest.store.TestHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * "Pin as baseline" for the {@code pinned} baseline policy: the core's {@link PinnedBaseline}
 * file ({@value PinnedBaseline#FILE}, {@code {"run": N, "pinnedAt": ...}}) in the test's history
 * directory, which is what the core's policy reads ({@link PinnedBaseline#read(TestHistory)}).
 *
 * <p>It is written here rather than with {@link PinnedBaseline#pin(RunDirectory)} because that
 * method writes beside the run directory's parent, which for a history inside Jenkins' build
 * directories ({@link TestHistory#inBuilds}) is {@code builds/N/perftest/}, not the history
 * directory {@code builds/} the policy reads. The content and checks are the core's.
 */
final class BaselinePins {

    private BaselinePins() {
    }

    /** The pin of the test of {@code run}, if there is one. */
    static Optional<PinnedBaseline.Pin> read(Run<?, ?> run, String test) throws IOException {
        return PinnedBaseline.read(PerfTestExecution.history(run, test));
    }

    /**
     * Pins {@code directory} (the run of {@code test} in {@code run}) as its test's baseline.
     *
     * @throws IllegalArgumentException when the run did not complete, with a message for the user
     */
    static PinnedBaseline.Pin pin(Run<?, ?> run, String test, RunDirectory directory) throws IOException {
        if (!directory.exists()) {
            throw new IllegalArgumentException(Messages.BaselinePins_NoRun(run.getDisplayName(), test));
        }
        RunStatus status = directory.readRecord().status();
        if (status != RunStatus.COMPLETED) {
            throw new IllegalArgumentException(Messages.BaselinePins_NotCompleted(run.getDisplayName(), test, status));
        }
        PinnedBaseline.Pin pin = new PinnedBaseline.Pin(run.getNumber(), Instant.now());
        AtomicFiles.write(file(run, test), out -> Json.mapper().writeValue(out, pin));
        return pin;
    }

    /** Removes the pin of the test of {@code run} if it pins {@code run}. */
    static void unpin(Run<?, ?> run, String test) throws IOException {
        Optional<PinnedBaseline.Pin> pin = read(run, test);
        if (pin.isPresent() && pin.get().run() == run.getNumber()) {
            Files.deleteIfExists(file(run, test));
        }
    }

    private static Path file(Run<?, ?> run, String test) {
        return PerfTestExecution.history(run, test).directory().resolve(PinnedBaseline.FILE);
    }
}
