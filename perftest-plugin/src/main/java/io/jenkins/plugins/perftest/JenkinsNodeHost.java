package io.jenkins.plugins.perftest;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Proc;
import hudson.remoting.VirtualChannel;
import io.perftest.host.Host;
import io.perftest.host.HostException;
import io.perftest.host.HostProcess;
import io.perftest.host.LocalHost;
import io.perftest.host.ProcessSpec;
import io.perftest.host.ProcessTree;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jenkins.MasterToSlaveFileCallable;
import jenkins.security.MasterToSlaveCallable;

/**
 * The core's {@link Host} on a Jenkins node, over remoting: files through {@link FilePath},
 * processes through the node's {@link Launcher}, and the few things neither offers (process
 * lookup by environment cookie, provenance, temp directories) through small callables that run
 * the core's {@link LocalHost} code on the agent. The engine runs unchanged on top of it.
 *
 * <p>A channel that closes mid-run makes every call fail with a {@link HostException} naming
 * the node, so the engine fails that host's collection and keeps the rest.
 */
public final class JenkinsNodeHost implements Host {

    /** Environment variable that marks every process this host starts, one value per process. */
    static final String PROCESS_COOKIE = "PERFTEST_PROCESS";

    /** The largest file {@link #readFile} returns (the engine reads small files only). */
    static final long MAX_READ_BYTES = 64L * 1024 * 1024;

    private final String name;
    private final VirtualChannel channel;
    private final Launcher launcher;

    /**
     * @param name     the node's name, as shown in the run ({@code hosts/<name>/})
     * @param onNode   any path on the node; only its channel is used
     * @param launcher the node's launcher (for the build's node, the one the build step got)
     */
    public JenkinsNodeHost(@NonNull String name, @NonNull FilePath onNode, @NonNull Launcher launcher) {
        this.name = name;
        VirtualChannel ch = onNode.getChannel();
        this.channel = ch == null ? FilePath.localChannel : ch;
        this.launcher = launcher;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void checkReachable() throws IOException {
        remote("heartbeat", () -> channel.call(new Heartbeat()));
    }

    @Override
    public HostProcess start(ProcessSpec spec) throws IOException {
        String cookie = UUID.randomUUID().toString();
        Map<String, String> env = new LinkedHashMap<>(spec.environment());
        env.put(PROCESS_COOKIE, cookie);
        LineSink out = new LineSink(spec.stdout());
        LineSink err = new LineSink(spec.stderr());
        Launcher.ProcStarter starter = launcher.launch().cmds(spec.argv()).envs(env).stdout(out).stderr(err).quiet(true);
        if (spec.workingDirectory() != null) {
            starter.pwd(path(spec.workingDirectory()));
        }
        try {
            Proc proc = starter.start();
            return new NodeProcess(this, proc, cookie, out, err);
        } catch (IOException e) {
            throw new HostException(name, "cannot start " + spec.display() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String createTempDirectory(String prefix) throws IOException {
        return remote("create a temporary directory", () -> channel.call(new CreateTempDirectory(prefix)));
    }

    @Override
    public void createDirectories(String path) throws IOException {
        remote("create " + path, () -> {
            path(path).mkdirs();
            return null;
        });
    }

    @Override
    public void writeFile(String path, byte[] content) throws IOException {
        remote("write " + path, () -> {
            path(path).copyFrom(new ByteArrayInputStream(content));
            return null;
        });
    }

    @Override
    public byte[] readFile(String path) throws IOException {
        return remote("read " + path, () -> path(path).act(new ReadSmallFile(MAX_READ_BYTES)));
    }

    @Override
    public boolean exists(String path) throws IOException {
        return remote("look for " + path, () -> path(path).exists());
    }

    @Override
    public List<String> list(String directory) throws IOException {
        return remote("list " + directory, () -> {
            FilePath dir = path(directory);
            List<String> names = new ArrayList<>();
            if (!dir.isDirectory()) {
                return names;
            }
            for (FilePath child : dir.list()) {
                names.add(child.getName());
            }
            return names;
        });
    }

    @Override
    public void delete(String path) throws IOException {
        remote("delete " + path, () -> {
            FilePath target = path(path);
            if (target.exists()) {
                target.deleteRecursive();
            }
            return null;
        });
    }

    @Override
    public void fetch(String path, Path localTarget) throws IOException {
        remote("fetch " + path, () -> {
            FilePath source = path(path);
            if (!source.exists()) {
                throw new java.nio.file.NoSuchFileException(path);
            }
            Files.createDirectories(localTarget);
            FilePath target = new FilePath(localTarget.toFile());
            if (source.isDirectory()) {
                source.copyRecursiveTo(target);
            } else {
                source.copyTo(target.child(source.getName()));
            }
            return null;
        });
    }

    @Override
    public int killProcessesWithEnvironment(String cookieName, String value, Duration grace)
            throws IOException, InterruptedException {
        try {
            return channel.call(new KillByEnvironment(cookieName, value, grace.toMillis()));
        } catch (IOException e) {
            throw new HostException(name, "cannot stop processes: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Long> processesWithEnvironment(String cookieName, String value) throws IOException {
        return remote("list processes", () -> channel.call(new FindByEnvironment(cookieName, value)));
    }

    @Override
    public Map<String, String> describe() throws IOException {
        return remote("describe", () -> channel.call(new Describe(name)));
    }

    @Override
    public boolean hasCommand(String command) throws IOException {
        return remote("look for " + command, () -> channel.call(new HasCommand(command)));
    }

    /** The root process of the tree marked with {@code cookie}, or -1 when it is gone. */
    long rootPid(String cookie) throws IOException {
        return remote("find a process", () -> channel.call(new RootPid(PROCESS_COOKIE, cookie)));
    }

    void signal(long pid, String signal) throws IOException {
        remote("signal " + pid, () -> channel.call(new Signal(pid, signal)));
    }

    FilePath path(String remotePath) {
        return new FilePath(channel, remotePath);
    }

    @Override
    public String toString() {
        return "node " + name;
    }

    /** A remote operation: FilePath and channel calls throw both. */
    @FunctionalInterface
    interface RemoteCall<T> {
        T call() throws IOException, InterruptedException;
    }

    /**
     * Runs a remote operation; failures become a {@link HostException} naming this node, and an
     * interruption (the build was aborted) keeps the thread's interrupt flag for the engine to see.
     */
    <T> T remote(String what, RemoteCall<T> call) throws IOException {
        try {
            return call.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException(name + ": interrupted while trying to " + what);
            interrupted.initCause(e);
            throw interrupted;
        } catch (HostException | InterruptedIOException | java.nio.file.NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            throw new HostException(name, "cannot " + what + ": " + e.getMessage(), e);
        }
    }

    // ---- what runs on the agent ----

    /** Answers when the agent is there. */
    static final class Heartbeat extends MasterToSlaveCallable<String, IOException> {
        private static final long serialVersionUID = 1L;

        @Override
        public String call() {
            return LocalHost.localName();
        }
    }

    /** A new directory under the agent's temporary directory. */
    static final class CreateTempDirectory extends MasterToSlaveCallable<String, IOException> {
        private static final long serialVersionUID = 1L;
        private final String prefix;

        CreateTempDirectory(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public String call() throws IOException {
            return Files.createTempDirectory(prefix).toAbsolutePath().toString();
        }
    }

    /** Reads a whole file on the agent, refusing ones larger than the engine ever needs. */
    static final class ReadSmallFile extends MasterToSlaveFileCallable<byte[]> {
        private static final long serialVersionUID = 1L;
        private final long limit;

        ReadSmallFile(long limit) {
            this.limit = limit;
        }

        @Override
        public byte[] invoke(File f, VirtualChannel channel) throws IOException {
            long size = Files.size(f.toPath());
            if (size > limit) {
                throw new IOException(f + " is " + size + " bytes, more than the " + limit + " bytes a run reads at once");
            }
            return Files.readAllBytes(f.toPath());
        }
    }

    /** The core's process lookup by environment cookie, on the agent. */
    static final class FindByEnvironment extends MasterToSlaveCallable<List<Long>, IOException> {
        private static final long serialVersionUID = 1L;
        private final String cookieName;
        private final String value;

        FindByEnvironment(String cookieName, String value) {
            this.cookieName = cookieName;
            this.value = value;
        }

        @Override
        public List<Long> call() {
            return new ArrayList<>(ProcessTree.withEnvironment(cookieName, value));
        }
    }

    /** The process of a tree whose parent is not in the tree. */
    static final class RootPid extends MasterToSlaveCallable<Long, IOException> {
        private static final long serialVersionUID = 1L;
        private final String cookieName;
        private final String value;

        RootPid(String cookieName, String value) {
            this.cookieName = cookieName;
            this.value = value;
        }

        @Override
        public Long call() {
            List<Long> pids = ProcessTree.withEnvironment(cookieName, value);
            Set<Long> tree = new HashSet<>(pids);
            for (long pid : pids) {
                long parent = ProcessHandle.of(pid).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(-1L);
                if (!tree.contains(parent)) {
                    return pid;
                }
            }
            return -1L;
        }
    }

    /** The core's kill by environment cookie (SIGTERM, then SIGKILL after the grace), on the agent. */
    static final class KillByEnvironment extends MasterToSlaveCallable<Integer, InterruptedException> {
        private static final long serialVersionUID = 1L;
        private final String cookieName;
        private final String value;
        private final long graceMillis;

        KillByEnvironment(String cookieName, String value, long graceMillis) {
            this.cookieName = cookieName;
            this.value = value;
            this.graceMillis = graceMillis;
        }

        @Override
        public Integer call() throws InterruptedException {
            return new LocalHost().killProcessesWithEnvironment(cookieName, value, Duration.ofMillis(graceMillis));
        }
    }

    /** Sends a signal by name ({@code INT}, {@code TERM}) with {@code kill}, on the agent. */
    static final class Signal extends MasterToSlaveCallable<Void, IOException> {
        private static final long serialVersionUID = 1L;
        private final long pid;
        private final String signal;

        Signal(long pid, String signal) {
            this.pid = pid;
            this.signal = signal;
        }

        @Override
        public Void call() throws IOException {
            try {
                if (!ProcessTree.signal(signal, List.of(pid))) {
                    throw new IOException("cannot run kill to send SIG" + signal + " to " + pid);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }
    }

    /** Provenance (host name, kernel, CPU, memory, OS) from the core, on the agent. */
    static final class Describe extends MasterToSlaveCallable<Map<String, String>, IOException> {
        private static final long serialVersionUID = 1L;
        private final String name;

        Describe(String name) {
            this.name = name;
        }

        @Override
        public Map<String, String> call() throws IOException {
            return new LinkedHashMap<>(new LocalHost(name).describe());
        }
    }

    /** Whether a program is on the agent's PATH. */
    static final class HasCommand extends MasterToSlaveCallable<Boolean, IOException> {
        private static final long serialVersionUID = 1L;
        private final String command;

        HasCommand(String command) {
            this.command = command;
        }

        @Override
        public Boolean call() throws IOException {
            return new LocalHost().hasCommand(command);
        }
    }
}
