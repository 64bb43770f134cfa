package io.perftest.bench;

import io.perftest.chart.ChartImages;
import io.perftest.chart.ChartSize;
import io.perftest.chart.HostSeries;
import io.perftest.chart.RunMark;
import io.perftest.chart.TimeSeriesChart;
import io.perftest.chart.TimeSeriesData;
import io.perftest.chart.TrendChange;
import io.perftest.chart.TrendChart;
import io.perftest.chart.TrendData;
import io.perftest.chart.TrendPoint;
import io.perftest.chart.ChartEvent;
import io.perftest.chart.ThresholdLine;
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
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Chart rendering to PNG, data to bytes: the trend of a metric over 1,000 runs with three samples
 * each (target: at most 150 ms) and a time series of 86,400 points (24 h at 1 s) on each of four
 * hosts (target: at most 300 ms).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-Djava.awt.headless=true"})
public class ChartRenderBenchmark {

    private TrendData trend;
    private TimeSeriesData series;

    @Setup
    public void generate() {
        SplittableRandom random = new SplittableRandom(42);
        TrendData.Builder b = TrendData.builder("results.latency_p95", "ms");
        for (int run = 1; run <= 1000; run++) {
            double level = run < 600 ? 100 : 120;
            double[] s = {level + random.nextDouble(-3, 3), level + random.nextDouble(-3, 3), level + random.nextDouble(-3, 3)};
            double median = io.perftest.model.Statistics.of(s).median();
            b.point(new TrendPoint(run, median, s, median - 2, median + 2,
                    run % 97 == 0 ? RunMark.FAILED : run % 89 == 0 ? RunMark.UNSTABLE : RunMark.PASSED));
        }
        trend = b.change(new TrendChange(600, 0.2, true)).threshold(new ThresholdLine("< 130 ms", 130)).build();
        List<HostSeries> hosts = new ArrayList<>();
        for (int h = 0; h < 4; h++) {
            double[] t = new double[86_400];
            double[] v = new double[86_400];
            for (int i = 0; i < t.length; i++) {
                t[i] = i;
                v[i] = 20 + 10 * h + 15 * Math.sin(i / 3600.0) + random.nextDouble(5);
            }
            hosts.add(new HostSeries("host-" + h, t, v));
        }
        series = new TimeSeriesData("sar.cpu.all.user", "sar.cpu.all.user", "%", hosts, 0, 86_000,
                List.of(new ChartEvent(43_200, "sar.cpu.all.user > 60 for 30s")));
    }

    @Benchmark
    public byte[] trendOf1000RunsToPng() {
        return ChartImages.png(TrendChart.create(trend), ChartSize.STANDARD);
    }

    @Benchmark
    public byte[] timeSeriesOf86400PointsOn4HostsToPng() {
        return ChartImages.png(TimeSeriesChart.create(series), ChartSize.STANDARD);
    }
}
