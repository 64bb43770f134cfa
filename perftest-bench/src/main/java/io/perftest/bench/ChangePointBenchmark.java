package io.perftest.bench;

import io.perftest.analysis.ChangePointDetector;
import io.perftest.analysis.ChangePointSettings;
import io.perftest.analysis.Detection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Change-point detection: a full pass over 10,000 points (five 10 % steps in 2 % noise) and one
 * incremental update of a 1,000-run history by one run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ChangePointBenchmark {

    private final ChangePointDetector detector = new ChangePointDetector(ChangePointSettings.DEFAULT);
    private double[] long10k;
    private double[] history1000;
    private double[] history1001;
    private Detection previous;

    @Setup
    public void setUp() {
        long10k = steps(10_000, new int[] {1700, 3400, 5100, 6800, 8500}, 42);
        history1001 = steps(1001, new int[] {300, 700}, 7);
        history1000 = Arrays.copyOf(history1001, 1000);
        previous = detector.detect(history1000);
    }

    @Benchmark
    public Detection detect10000Points() {
        return detector.detect(long10k);
    }

    @Benchmark
    public Detection updateHistoryOf1000Runs() {
        return detector.update(previous, history1001);
    }

    static double[] steps(int n, int[] at, long seed) {
        Random random = new Random(seed);
        double[] x = new double[n];
        double level = 100;
        int next = 0;
        for (int i = 0; i < n; i++) {
            if (next < at.length && i == at[next]) {
                level *= 1.10;
                next++;
            }
            x[i] = level * (1 + 0.02 * random.nextGaussian());
        }
        return x;
    }
}
