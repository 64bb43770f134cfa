package io.jenkins.plugins.perftest;

import hudson.model.Run;
import io.perftest.analysis.PinnedBaseline;
import io.perftest.model.RunStatus;
import io.perftest.store.RunDirectory;
import io.perftest.store.TestHistory;
import java.io.IOException;
import java.util.Optional;

/**
 * "Pin as baseline" for the {@code pinned} baseline policy: the core's {@link PinnedBaseline},
 * kept per test in the job's builds directory ({@link TestHistory#file}), which is what the
 * policy reads when a later build chooses its baseline. This class only adds the build's
 * messages.
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
        TestHistory history = PerfTestExecution.history(run, test);
        return PinnedBaseline.pin(history, history.run(run.getNumber()));
    }

    /** Removes the pin of the test of {@code run} if it pins {@code run}. */
    static void unpin(Run<?, ?> run, String test) throws IOException {
        PinnedBaseline.unpin(PerfTestExecution.history(run, test), run.getNumber());
    }
}
