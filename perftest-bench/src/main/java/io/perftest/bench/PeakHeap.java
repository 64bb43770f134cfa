package io.perftest.bench;

import io.perftest.ingest.JmeterCsvParser;
import io.perftest.ingest.ParseResult;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Aggregates a JTL once and prints the time, MB/s and the peak heap used (sum of the heap pools'
 * peaks). Run with the heap bound to prove: {@code java -Xmx128m -cp target/benchmarks.jar
 * io.perftest.bench.PeakHeap [MB]} (generates the file into java.io.tmpdir, default 1024 MB).
 */
public final class PeakHeap {

    private PeakHeap() {
    }

    public static void main(String[] args) throws Exception {
        long mb = args.length > 0 ? Long.parseLong(args[0]) : 1024;
        Path file = JtlFile.ofMegabytes(mb);
        long size = Files.size(file);
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long start = System.nanoTime();
        ParseResult r = new JmeterCsvParser().parse(file, "jmeter");
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("file %s: %.0f MB, %d metrics, %d problems%n", file, size / 1e6, r.metrics().size(), r.problemCount());
        System.out.printf("aggregation: %.2f s, %.0f MB/s; peak heap used %.1f MB (max heap %.0f MB)%n",
                seconds, size / 1e6 / seconds, peak / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
        r.metrics().stream().filter(m -> m.key().startsWith("jmeter.total.")).limit(12)
                .forEach(m -> System.out.printf("  %s = %.3f %s%n", m.key(), m.value(), m.unit()));
    }
}
