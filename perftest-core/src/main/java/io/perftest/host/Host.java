package io.perftest.host;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A machine the engine works on: the execution host or a statistics host. Everything the engine
 * does on a machine goes through this interface, so a local machine, an SSH host and a Jenkins
 * node are interchangeable. Paths are the host's own, as strings.
 */
public interface Host extends AutoCloseable {

    /**
     * The environment variable that marks every process of a run (the cookie
     * {@link #killProcessesWithEnvironment} looks for): the engine and the collectors both set it.
     */
    String RUN_ID_VARIABLE = "PERFTEST_RUN_ID";

    /** A short name for logs and the run directory ({@code hosts/<name>/}). */
    String name();

    /** Checks the host answers (the heartbeat); throws with the reason when it does not. */
    void checkReachable() throws IOException;

    /** Starts a process; argv is passed as is, never through a shell. */
    HostProcess start(ProcessSpec spec) throws IOException;

    /** Creates a new empty temporary directory on the host and returns its path. */
    String createTempDirectory(String prefix) throws IOException;

    void createDirectories(String path) throws IOException;

    void writeFile(String path, byte[] content) throws IOException;

    /** Reads a (small) file. */
    byte[] readFile(String path) throws IOException;

    boolean exists(String path) throws IOException;

    /** Names of the entries of a directory; empty if it does not exist. */
    List<String> list(String directory) throws IOException;

    /** Deletes a file or a directory tree; no error if absent. */
    void delete(String path) throws IOException;

    /** Copies a file or directory tree from the host into a local directory (created if needed). */
    void fetch(String path, Path localTarget) throws IOException;

    /** Resolves {@code child} against {@code parent} with the host's separator. */
    default String resolve(String parent, String child) {
        return parent.endsWith("/") ? parent + child : parent + "/" + child;
    }

    /**
     * Kills every process on the host whose environment holds {@code name=value} (the run's
     * cookie), even ones that left the script's process tree or group: SIGTERM, then SIGKILL
     * after {@code grace}.
     *
     * @return how many processes were found
     */
    int killProcessesWithEnvironment(String name, String value, Duration grace) throws IOException, InterruptedException;

    /** Pids of the live processes whose environment holds {@code name=value}. */
    List<Long> processesWithEnvironment(String name, String value) throws IOException;

    /** Provenance: host name, kernel, CPU model, CPU count, memory, OS. */
    Map<String, String> describe() throws IOException;

    /** Whether a program is on the host's PATH. */
    boolean hasCommand(String command) throws IOException;

    @Override
    default void close() throws IOException {
    }
}
