package io.perftest.host;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A process to start on a host: argv (never a shell string), extra environment, working
 * directory, and where each line of its stdout and stderr goes.
 */
public record ProcessSpec(List<String> argv, Map<String, String> environment, String workingDirectory,
                          Consumer<String> stdout, Consumer<String> stderr) {

    private static final Consumer<String> DISCARD = line -> { };

    public ProcessSpec {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv is empty");
        }
        environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        stdout = stdout == null ? DISCARD : stdout;
        stderr = stderr == null ? DISCARD : stderr;
    }

    public static ProcessSpec of(String... argv) {
        return new ProcessSpec(List.of(argv), Map.of(), null, null, null);
    }

    public static ProcessSpec of(List<String> argv) {
        return new ProcessSpec(argv, Map.of(), null, null, null);
    }

    public ProcessSpec withEnvironment(Map<String, String> env) {
        return new ProcessSpec(argv, env, workingDirectory, stdout, stderr);
    }

    public ProcessSpec inDirectory(String dir) {
        return new ProcessSpec(argv, environment, dir, stdout, stderr);
    }

    public ProcessSpec withOutput(Consumer<String> out, Consumer<String> err) {
        return new ProcessSpec(argv, environment, workingDirectory, Objects.requireNonNull(out), Objects.requireNonNull(err));
    }

    /** The command as a person would type it, for messages only (never executed). */
    public String display() {
        return String.join(" ", argv);
    }
}
