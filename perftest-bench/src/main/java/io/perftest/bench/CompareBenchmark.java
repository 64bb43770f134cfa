package io.perftest.bench;

import io.perftest.analysis.ComparisonSettings;
import io.perftest.analysis.RunComparator;
import io.perftest.analysis.RunComparison;
import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.RunSummary;
import io.perftest.model.Unit;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/** Comparison of two runs of 50 metrics with 30 samples each: Mann-Whitney, bootstrap (2,000 resamples a side), BH. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CompareBenchmark {

    private final RunComparator comparator = new RunComparator(ComparisonSettings.DEFAULT);
    private RunSummary a;
    private RunSummary b;

    @Setup
    public void setUp() {
        Random random = new Random(1);
        List<Metric> ma = new ArrayList<>();
        List<Metric> mb = new ArrayList<>();
        for (int k = 0; k < 50; k++) {
            ma.add(Metric.of("results.m" + k, Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, samples(random, 100)));
            mb.add(Metric.of("results.m" + k, Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, samples(random, k % 5 == 0 ? 108 : 100)));
        }
        a = RunSummary.of(ma);
        b = RunSummary.of(mb);
    }

    @Benchmark
    public RunComparison compare50MetricsOf30Samples() {
        return comparator.compare(a, b);
    }

    private static double[] samples(Random random, double mean) {
        double[] v = new double[30];
        for (int i = 0; i < v.length; i++) {
            v[i] = mean * (1 + 0.05 * random.nextGaussian());
        }
        return v;
    }
}
