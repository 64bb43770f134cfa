package io.perftest.store;

import io.perftest.model.RunStatus;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Who owns a run while it is not final, and the rule that a run whose owner is gone (the CLI
 * was killed) is {@link RunStatus#ABORTED}: checked whenever a run is read for show or history.
 */
public final class RunOwnership {

    private RunOwnership() {
    }

    /** The owner record for this JVM. */
    public static RunRecord.Owner current(String host) {
        ProcessHandle self = ProcessHandle.current();
        return new RunRecord.Owner(host, self.pid(), self.info().startInstant().map(i -> i.truncatedTo(ChronoUnit.MILLIS)).orElse(null));
    }

    /** Whether the process that owns {@code record} (on {@code thisHost}) is still alive. Unknown hosts count as alive. */
    public static boolean ownerAlive(RunRecord record, String thisHost) {
        RunRecord.Owner o = record.owner();
        if (o == null || o.host() == null || !o.host().equals(thisHost)) {
            return true;
        }
        Optional<ProcessHandle> h = ProcessHandle.of(o.pid());
        if (h.isEmpty() || !h.get().isAlive()) {
            return false;
        }
        Instant start = h.get().info().startInstant().map(i -> i.truncatedTo(ChronoUnit.MILLIS)).orElse(null);
        return o.processStart() == null || start == null || Math.abs(start.toEpochMilli() - o.processStart().toEpochMilli()) < 2000;
    }

    /**
     * Reads a run's record; if it is not final and its owner is gone, marks it
     * {@link RunStatus#ABORTED} on disk, keeping everything it had, and returns the updated record.
     */
    public static RunRecord readRepairing(RunDirectory dir, String thisHost) throws IOException {
        RunRecord r = dir.readRecord();
        if (r.isFinal() || ownerAlive(r, thisHost)) {
            return r;
        }
        RunRecord repaired = r.toBuilder().status(RunStatus.ABORTED)
                .reason("the perftest process running it (pid " + r.owner().pid() + ") ended before the run finished;"
                        + " whatever it had kept is still here")
                .owner(null)
                .endedAt(r.endedAt() != null ? r.endedAt() : Instant.now())
                .build();
        dir.writeRecord(repaired);
        return repaired;
    }
}
