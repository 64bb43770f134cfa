package io.perftest.collect;

import io.perftest.host.Host;
import io.perftest.host.HostProcess;
import io.perftest.host.LocalHost;
import io.perftest.host.ProcessSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * This machine, seen through {@link Host} with faults a test can set: commands and paths that
 * are missing, reads that fail from some moment on; and a record of the processes collectors
 * started (those carrying the run's cookie but no results dir of the script).
 */
final class TestHost implements Host {

    private final LocalHost local;
    private final Set<String> missing;
    private final List<HostProcess> collectorProcesses = new CopyOnWriteArrayList<>();
    private volatile boolean failReads;

    TestHost(String name, Set<String> missing) {
        this.local = new LocalHost(name);
        this.missing = Set.copyOf(missing);
    }

    static TestHost healthy(String name) {
        return new TestHost(name, Set.of());
    }

    /** From now on every read of a file fails, as when the host's /proc became unreadable. */
    void failReads() {
        failReads = true;
    }

    /** Kills (SIGKILL) every process a collector started so far; returns how many were alive. */
    int killCollectorProcesses() throws IOException, InterruptedException {
        int n = 0;
        for (HostProcess p : collectorProcesses) {
            if (p.isAlive()) {
                n++;
                new ProcessBuilder("kill", "-KILL", Long.toString(p.pid())).start().waitFor();
            }
        }
        return n;
    }

    private boolean isMissing(String command) {
        String base = command.substring(command.lastIndexOf('/') + 1);
        return missing.contains(base) || missing.contains(command);
    }

    @Override
    public String name() {
        return local.name();
    }

    @Override
    public void checkReachable() {
    }

    @Override
    public HostProcess start(ProcessSpec spec) throws IOException {
        if (isMissing(spec.argv().get(0))) {
            throw new IOException("cannot start '" + spec.argv().get(0) + "': No such file or directory");
        }
        HostProcess p = local.start(spec);
        if (spec.environment().containsKey("PERFTEST_RUN_ID") && !spec.environment().containsKey("PERFTEST_RESULTS_DIR")) {
            collectorProcesses.add(p);
        }
        return p;
    }

    @Override
    public String createTempDirectory(String prefix) throws IOException {
        return local.createTempDirectory(prefix);
    }

    @Override
    public void createDirectories(String path) throws IOException {
        local.createDirectories(path);
    }

    @Override
    public void writeFile(String path, byte[] content) throws IOException {
        local.writeFile(path, content);
    }

    @Override
    public byte[] readFile(String path) throws IOException {
        if (failReads || missing.contains(path)) {
            throw new IOException("cannot read " + path + " (test fault)");
        }
        return local.readFile(path);
    }

    @Override
    public boolean exists(String path) {
        return !missing.contains(path) && local.exists(path);
    }

    @Override
    public List<String> list(String directory) throws IOException {
        return local.list(directory);
    }

    @Override
    public void delete(String path) throws IOException {
        local.delete(path);
    }

    @Override
    public void fetch(String path, Path localTarget) throws IOException {
        local.fetch(path, localTarget);
    }

    @Override
    public int killProcessesWithEnvironment(String name, String value, Duration grace) throws InterruptedException {
        return local.killProcessesWithEnvironment(name, value, grace);
    }

    @Override
    public List<Long> processesWithEnvironment(String name, String value) {
        return local.processesWithEnvironment(name, value);
    }

    @Override
    public Map<String, String> describe() {
        return local.describe();
    }

    @Override
    public boolean hasCommand(String command) {
        return !isMissing(command) && local.hasCommand(command);
    }
}
