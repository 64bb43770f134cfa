package io.perftest.analysis;

import io.perftest.model.RunStatus;
import io.perftest.store.AtomicFiles;
import io.perftest.store.Json;
import io.perftest.store.RunDirectory;
import io.perftest.store.RunRecord;
import io.perftest.store.TestHistory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The run a user marked as the baseline of its test ({@code perftest pin <run-dir>}), kept as
 * {@value #FILE} in the test's history directory, beside the numbered runs ({@link TestHistory#file}):
 * {@code {"run": 7, "pinnedAt": "2024-09-17T10:00:00Z"}}. Pinning again replaces it.
 */
public final class PinnedBaseline {

    public static final String FILE = "pinned-baseline.json";

    private PinnedBaseline() {
    }

    /** The content of {@value #FILE}. */
    public record Pin(int run, Instant pinnedAt) {
    }

    /**
     * Pins {@code run}, a numbered run directory of the command line's layout
     * ({@code <test>/<n>/}), as its test's baseline.
     *
     * @throws IllegalArgumentException if the directory is not a completed run, with a message for the user
     */
    public static Pin pin(RunDirectory run) throws IOException {
        return pin(new TestHistory(run.path().getParent()), run);
    }

    /**
     * Pins {@code run} of {@code history} as the test's baseline. Only a completed run can be pinned.
     *
     * @throws IllegalArgumentException if the directory is not a completed run, with a message for the user
     */
    public static Pin pin(TestHistory history, RunDirectory run) throws IOException {
        if (!run.exists()) {
            throw new IllegalArgumentException(run.path() + ": not a run directory (no run.json)");
        }
        int number;
        try {
            number = run.number();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(run.path() + ": not a numbered run directory of a test's history");
        }
        RunRecord record = run.readRecord();
        if (record.status() != RunStatus.COMPLETED) {
            throw new IllegalArgumentException(run.runJson() + ": run " + number + " is " + record.status()
                    + "; only a COMPLETED run can be a baseline");
        }
        Pin pin = new Pin(number, Instant.now());
        AtomicFiles.write(history.file(FILE), out -> Json.mapper().writeValue(out, pin));
        return pin;
    }

    /** Removes the pin of {@code history} if it pins run {@code number}; returns whether it did. */
    public static boolean unpin(TestHistory history, int number) throws IOException {
        Optional<Pin> pin = read(history);
        return pin.isPresent() && pin.get().run() == number && Files.deleteIfExists(history.file(FILE));
    }

    /** The pinned run of a test, if one was pinned. */
    public static Optional<Pin> read(TestHistory history) throws IOException {
        Path f = history.file(FILE);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(f)) {
            return Optional.of(Json.mapper().readValue(in, Pin.class));
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(f + ": unreadable (" + e.getOriginalMessage() + "); pin a run again with 'perftest pin <run-dir>'", e);
        }
    }

}
