package io.perftest.host;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The machine this JVM runs on. */
public final class LocalHost implements Host {

    private final String name;

    public LocalHost() {
        this(localName());
    }

    public LocalHost(String name) {
        this.name = name;
    }

    /** This machine's host name, or {@code localhost} when it cannot be found. */
    public static String localName() {
        try {
            String n = InetAddress.getLocalHost().getHostName();
            return n == null || n.isBlank() ? "localhost" : n;
        } catch (IOException e) {
            return "localhost";
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void checkReachable() {
        // this machine always answers
    }

    @Override
    public HostProcess start(ProcessSpec spec) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(spec.argv());
        pb.environment().putAll(spec.environment());
        if (spec.workingDirectory() != null) {
            pb.directory(Path.of(spec.workingDirectory()).toFile());
        }
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        try {
            return new LocalProcess(pb.start(), spec);
        } catch (IOException e) {
            throw new HostException(name, "cannot start '" + spec.argv().get(0) + "': " + e.getMessage(), e);
        }
    }

    @Override
    public String createTempDirectory(String prefix) throws IOException {
        return Files.createTempDirectory(prefix).toString();
    }

    @Override
    public void createDirectories(String path) throws IOException {
        Files.createDirectories(Path.of(path));
    }

    @Override
    public void writeFile(String path, byte[] content) throws IOException {
        Files.write(Path.of(path), content);
    }

    @Override
    public byte[] readFile(String path) throws IOException {
        return Files.readAllBytes(Path.of(path));
    }

    @Override
    public boolean exists(String path) {
        return Files.exists(Path.of(path), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public List<String> list(String directory) throws IOException {
        Path dir = Path.of(directory);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Override
    public void delete(String path) throws IOException {
        deleteTree(Path.of(path));
    }

    /** Deletes a file or a directory tree without following symbolic links; no error if absent. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (exc instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw exc;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public void fetch(String path, Path localTarget) throws IOException {
        Path source = Path.of(path);
        if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(path);
        }
        if (!Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(localTarget);
            Files.copy(source, localTarget.resolve(source.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(localTarget.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    Files.copy(file, localTarget.resolve(source.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public int killProcessesWithEnvironment(String cookieName, String value, Duration grace) throws InterruptedException {
        return ProcessTree.kill(null, cookieName, value, grace);
    }

    @Override
    public List<Long> processesWithEnvironment(String cookieName, String value) {
        return ProcessTree.withEnvironment(cookieName, value);
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("hostname", name);
        d.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        d.put("kernel", firstLine(Path.of("/proc/sys/kernel/osrelease")).orElse(System.getProperty("os.version")));
        d.put("cpuModel", cpuModel());
        d.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
        memTotal().ifPresent(m -> d.put("memory", m));
        return d;
    }

    @Override
    public boolean hasCommand(String command) {
        if (command.contains("/")) {
            return Files.isExecutable(Path.of(command));
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        List<String> dirs = new ArrayList<>(List.of(path.split(":")));
        dirs.add("/usr/sbin");
        dirs.add("/sbin");
        dirs.add("/usr/lib/sysstat");
        for (String dir : dirs) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** Sends a signal by name (INT, TERM, KILL) with the system's kill command (argv, no shell). */
    static void signal(long pid, String signal) {
        try {
            if (!ProcessTree.signal(signal, List.of(pid))) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.Optional<String> firstLine(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(lines.get(0).trim());
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(System.getProperty("os.arch"));
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }

    private static java.util.Optional<String> memTotal() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal:")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim());
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "LocalHost[" + name + "]";
    }
}
