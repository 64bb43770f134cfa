package io.perftest.report;

import io.perftest.model.BaselineChoice;
import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.RunStatus;
import io.perftest.model.RunSummary;
import io.perftest.model.Series;
import io.perftest.model.ThresholdOutcome;
import io.perftest.model.TriggerFiring;
import io.perftest.model.Unit;
import io.perftest.model.Verdict;
import io.perftest.store.RunDirectory;
import io.perftest.store.RunRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes runs to disk through the store, as the engine would, for the report tests. */
final class RunFixtures {

    static final Instant START = Instant.parse("2024-05-01T10:00:00Z");

    private RunFixtures() {
    }

    /** A run description; change what a test needs with the withers. */
    record Spec(int number, RunStatus status, Verdict verdict, String host, List<Metric> metrics, List<Series> series,
                List<ThresholdOutcome> thresholds, List<Integer> baseline, List<TriggerFiring> triggers, Map<String, String> parameters) {

        static Spec of(int number, List<Metric> metrics) {
            return new Spec(number, RunStatus.COMPLETED, Verdict.PASSED, "vm", metrics, List.of(), List.of(), List.of(), List.of(),
                    Map.of("size", "1M"));
        }

        Spec host(String h) {
            return new Spec(number, status, verdict, h, metrics, series, thresholds, baseline, triggers, parameters);
        }

        Spec verdict(RunStatus s, Verdict v) {
            return new Spec(number, s, v, host, metrics, series, thresholds, baseline, triggers, parameters);
        }

        Spec series(List<Series> v) {
            return new Spec(number, status, verdict, host, metrics, v, thresholds, baseline, triggers, parameters);
        }

        Spec thresholds(List<ThresholdOutcome> v) {
            return new Spec(number, status, verdict, host, metrics, series, v, baseline, triggers, parameters);
        }

        Spec baseline(List<Integer> v) {
            return new Spec(number, status, verdict, host, metrics, series, thresholds, v, triggers, parameters);
        }

        Spec triggers(List<TriggerFiring> v) {
            return new Spec(number, status, verdict, host, metrics, series, thresholds, baseline, v, parameters);
        }

        Spec parameters(Map<String, String> v) {
            return new Spec(number, status, verdict, host, metrics, series, thresholds, baseline, triggers, v);
        }
    }

    static RunDirectory write(Path history, Spec s) throws IOException {
        Path dir = history.resolve(Integer.toString(s.number()));
        Files.createDirectories(dir);
        RunDirectory run = new RunDirectory(dir);
        Instant started = START.plusSeconds(3600L * s.number());
        RunRecord.Builder b = RunRecord.builder().id("fw/test/" + s.number()).framework("fw").test("test").number(s.number())
                .status(s.status()).verdict(s.verdict()).startedAt(started).endedAt(started.plusSeconds(70))
                .spec(new RunRecord.Spec("/fw", "/fw/run.sh", List.of("60"), s.parameters(), "2m", 1, List.of("sar"),
                        List.of(), List.of(), "previous", "/fw/test.yaml", null))
                .provenance(new RunRecord.Provenance("ab12", "dev", "17", "tester",
                        Map.of(s.host(), Map.of("kernel", "6.1", "cpus", "2")), Map.of("sar", "12.6.1")))
                .stage(new RunRecord.StageTiming("setup", started, 10, null))
                .stage(new RunRecord.StageTiming("run-test", started.plusSeconds(5), 60_000, null))
                .iteration(new RunRecord.Iteration(1, 0, 60_000, "ok"))
                .baseline(s.baseline().isEmpty() ? BaselineChoice.none("previous", "no earlier run")
                        : new BaselineChoice("previous", s.baseline(), null))
                .thresholds(s.thresholds());
        s.triggers().forEach(b::trigger);
        run.writeRecord(b.build());
        run.writeSummary(RunSummary.of(s.metrics()));
        run.writeSeries(s.series());
        Files.writeString(run.consoleLog(), "[perftest] run " + s.number() + "\n[" + s.host() + "] hashing\n", StandardCharsets.UTF_8);
        Path results = run.hostDirectory(s.host()).resolve("results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("results.csv"), "metric,value\n");
        return run;
    }

    /** A sar-like epoch series over the run's test phase, one point a second. */
    static Series cpu(String host, int number, int seconds, double level) {
        double start = START.plusSeconds(3600L * number + 5).toEpochMilli() / 1000.0;
        double[] t = new double[seconds];
        double[] v = new double[seconds];
        for (int i = 0; i < seconds; i++) {
            t[i] = start + i - 3;
            v[i] = level + 10 * Math.sin(i / 7.0);
        }
        return Series.of("sar.cpu.all.user", host, Unit.PERCENT, true, t, v);
    }

    static Metric throughput(double... values) {
        return Metric.of("results.throughput", Unit.parse("MB/s"), Direction.HIGHER_IS_BETTER, values);
    }

    static Metric latency(String pct, double... values) {
        return Metric.of("results.latency_" + pct, Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, values);
    }

    static List<Metric> typical(double scale) {
        List<Metric> m = new ArrayList<>();
        m.add(throughput(100 / scale, 101 / scale, 99 / scale));
        m.add(latency("p50", 10 * scale, 10.2 * scale, 9.9 * scale));
        m.add(latency("p90", 14 * scale, 14.3 * scale, 13.8 * scale));
        m.add(latency("p99", 25 * scale, 26 * scale, 24 * scale));
        m.add(latency("p99.9", 40 * scale, 41 * scale, 39 * scale));
        return m;
    }
}
