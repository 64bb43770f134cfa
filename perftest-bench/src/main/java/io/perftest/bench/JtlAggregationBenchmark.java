package io.perftest.bench;

import io.perftest.ingest.JmeterCsvParser;
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
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * JTL CSV aggregation (parse, per-label histograms, metrics) against reading the same file raw
 * from the page cache, both in seconds per file: their ratio is the aggregation's throughput as a
 * share of the disk-cache speed. {@code -p megabytes=1024} for the 1 GB figure (see README.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx128m"})
public class JtlAggregationBenchmark {

    @Param({"64"})
    public long megabytes;

    private Path file;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        file = JtlFile.ofMegabytes(megabytes);
        readRaw(); // into the page cache
    }

    @Benchmark
    public ParseResult aggregate() throws IOException {
        return new JmeterCsvParser().parse(file, "jmeter");
    }

    @Benchmark
    public long readRaw() throws IOException {
        return RawRead.of(file);
    }
}
