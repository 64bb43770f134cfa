package io.perftest.bench;

import io.perftest.model.BaselineChoice;
import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.RunStatus;
import io.perftest.model.RunSummary;
import io.perftest.model.Series;
import io.perftest.model.Unit;
import io.perftest.model.Verdict;
import io.perftest.report.RunReport;
import io.perftest.store.RunDirectory;
import io.perftest.store.RunRecord;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The run report of a run with 50 metrics of five samples each, compared with a baseline run, and
 * 8 sar series of one hour on each of two hosts (target: at most 1 s); the page's size is reported
 * at the end of the trial (target: at most 2 MB).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-Djava.awt.headless=true"})
public class RunReportBenchmark {

    private RunDirectory run;

    private int bytes;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        Path history = Files.createTempDirectory("perftest-bench-report").resolve("fw").resolve("test");
        SplittableRandom random = new SplittableRandom(42);
        write(history, 1, random, 1.0, List.of());
        run = write(history, 2, random, 1.1, List.of(1));
    }

    private static RunDirectory write(Path history, int n, SplittableRandom random, double scale, List<Integer> baseline)
            throws IOException {
        RunDirectory dir = new RunDirectory(Files.createDirectories(history.resolve(Integer.toString(n))));
        Instant start = Instant.parse("2024-05-01T10:00:00Z");
        dir.writeRecord(RunRecord.builder().id("fw/test/" + n).framework("fw").test("test").number(n)
                .status(RunStatus.COMPLETED).verdict(Verdict.PASSED).startedAt(start).endedAt(start.plusSeconds(3700))
                .stage(new RunRecord.StageTiming("run-test", start.plusSeconds(30), 3_600_000, null))
                .baseline(new BaselineChoice("previous", baseline, null)).build());
        List<Metric> metrics = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            double[] v = new double[5];
            for (int k = 0; k < v.length; k++) {
                v[k] = (10 + i) * scale * (1 + random.nextDouble(-0.02, 0.02));
            }
            metrics.add(Metric.of("results.metric_" + i + (i % 5 == 0 ? "_p99" : ""), Unit.MILLISECONDS,
                    Direction.LOWER_IS_BETTER, v));
        }
        dir.writeSummary(RunSummary.of(metrics));
        List<Series> series = new ArrayList<>();
        double t0 = start.getEpochSecond() + 30;
        for (String host : List.of("web", "db")) {
            for (int s = 0; s < 8; s++) {
                double[] t = new double[3600];
                double[] v = new double[3600];
                for (int i = 0; i < t.length; i++) {
                    t[i] = t0 + i;
                    v[i] = 30 + 5 * s + 10 * Math.sin(i / 300.0) + random.nextDouble(3);
                }
                series.add(Series.of("sar.counter_" + s, host, Unit.PERCENT, true, t, v));
            }
        }
        dir.writeSeries(series);
        Files.writeString(dir.consoleLog(), "line\n".repeat(500));
        return dir;
    }

    @Benchmark
    public String reportOf50Metrics() throws IOException {
        String html = RunReport.render(run, run.path());
        bytes = html.length();
        return html;
    }

    @TearDown(Level.Trial)
    public void printSize() {
        System.out.println("report size: " + bytes + " bytes (UTF-16 chars; the page is ASCII)");
    }

}
