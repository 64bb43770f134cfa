package io.perftest.bench;

import io.perftest.host.LocalHost;
import io.perftest.ingest.MulticolCsvParser;
import io.perftest.ingest.ParseResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@code multicol.csv} parsing throughput on a generated file (200 MB by default), beside
 * reading the same file raw from the page cache: the ratio of the two scores is the figure
 * (target: parsing at least 0.1 of raw reading).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class MulticolParseBenchmark {

    @Param("200")
    public int megabytes;

    private Path file;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        Path dir = Files.createTempDirectory("perftest-bench-multicol");
        file = dir.resolve("multicol.csv");
        long target = megabytes * 1_000_000L;
        SplittableRandom random = new SplittableRandom(42);
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("time,cpu (%),mem (MB),rps (req/s),latency (ms),errors\n");
            long written = 0;
            for (long t = 1_500_000_000L; written < target; t++) {
                String line = String.format(Locale.ROOT, "%d,%.2f,%.1f,%.3f,%.4f,%d%n", t, random.nextDouble(100),
                        1000 + random.nextDouble(500), 2000 + random.nextDouble(300), random.nextDouble(50), random.nextInt(5));
                w.write(line);
                written += line.length();
            }
        }
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        LocalHost.deleteTree(file.getParent());
    }

    @Benchmark
    public ParseResult parse() throws IOException {
        return new MulticolCsvParser().parse(file, "multicol");
    }

    /** The I/O cost alone ({@link RawRead}). */
    @Benchmark
    public long readRaw() throws IOException {
        return RawRead.of(file);
    }
}
