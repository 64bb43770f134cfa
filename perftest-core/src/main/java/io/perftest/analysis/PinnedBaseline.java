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
 * {@value #FILE} in the test's history directory, beside the numbered runs:
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
     * Pins {@code run} as its test's baseline. Only a completed run can be pinned.
     *
     * @throws IllegalArgumentException if the directory is not a completed run, with a message for the user
     */
    public static Pin pin(RunDirectory run) throws IOException {
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
        AtomicFiles.write(file(run.path().getParent()), out -> Json.mapper().writeValue(out, pin));
        return pin;
    }

    /** The pinned run of a test, if one was pinned. */
    public static Optional<Pin> read(TestHistory history) throws IOException {
        Path f = file(history.directory());
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(f)) {
            return Optional.of(Json.mapper().readValue(in, Pin.class));
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(f + ": unreadable (" + e.getOriginalMessage() + "); pin a run again with 'perftest pin <run-dir>'", e);
        }
    }

    static Path file(Path historyDirectory) {
        return historyDirectory.resolve(FILE);
    }
}
