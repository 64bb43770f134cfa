package io.perftest.collect;

import java.util.List;

/** What a trigger may do to the running run; implemented by the engine. */
public interface TriggerActions {

    /** Stops the run: it ends {@code ABORTED}, with cleanup. */
    void abort(String reason);

    /** Marks the run unstable whatever its thresholds say. */
    void markUnstable(String reason);

    /** Writes a line to the console and console.log. */
    void log(String message);

    /** Runs a command (argv, no shell) on the execution host, in the run's environment. */
    void runCommand(List<String> argv);
}
