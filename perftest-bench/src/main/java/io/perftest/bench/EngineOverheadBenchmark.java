package io.perftest.bench;

import io.perftest.collect.CollectorRegistry;
import io.perftest.config.ConfigLoader;
import io.perftest.host.LocalHost;
import io.perftest.model.RunSpec;
import io.perftest.run.RunEngine;
import io.perftest.run.RunOutcome;
import io.perftest.store.TestHistory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The engine's own cost: a whole run (setup, the lifecycle, run.json, summary.json, cleanup)
 * whose script does nothing ({@code exec true}), beside starting {@code true} alone.
 * The difference is what perftest adds to every run beyond JVM start.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineOverheadBenchmark {

    private Path root;
    private RunSpec spec;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        root = Files.createTempDirectory("perftest-bench-engine");
        Path fw = Files.createDirectories(root.resolve("noop"));
        Path script = fw.resolve("run.sh");
        Files.writeString(script, "#!/bin/sh\nexec true\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(fw.resolve("framework.yaml"), "name: noop\nscript: run.sh\n");
        ConfigLoader loader = new ConfigLoader();
        ConfigLoader.Target t = loader.loadTarget(fw);
        spec = loader.resolve(t.framework(), t.test(), Map.of());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        LocalHost.deleteTree(root);
    }

    @Benchmark
    public RunOutcome wholeRunOfTrue() throws Exception {
        return RunEngine.builder(spec, new LocalHost("bench"), TestHistory.of(root.resolve("results"), "noop", "default"))
                .collectors(CollectorRegistry.of(List.of()))
                .build().run();
    }

    @Benchmark
    public int startTrueAlone() throws Exception {
        return new ProcessBuilder("true").start().waitFor();
    }
}
