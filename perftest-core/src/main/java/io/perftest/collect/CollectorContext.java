package io.perftest.collect;

import java.util.function.Consumer;

/**
 * What a collector knows about the run when it starts on a host.
 *
 * @param runId           the run's cookie ({@code PERFTEST_RUN_ID}); processes started with it in
 *                        their environment are killed at the end of the run whatever happens
 * @param workDirectory   a directory on the host for this collector's files (fetched in Collect)
 * @param pidsFile        the file on the execution host where the script may list pids to profile
 * @param executionHost   whether this host runs the script (profilers attach only there)
 * @param log             one-line messages for the console (warnings, "not available")
 */
public record CollectorContext(String runId, String workDirectory, String pidsFile, boolean executionHost,
                               Consumer<String> log) {
}
