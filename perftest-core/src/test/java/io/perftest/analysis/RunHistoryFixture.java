package io.perftest.analysis;

import io.perftest.model.Direction;
import io.perftest.model.Framework;
import io.perftest.model.Metric;
import io.perftest.model.Origin;
import io.perftest.model.RunSpec;
import io.perftest.model.RunStatus;
import io.perftest.model.RunSummary;
import io.perftest.model.SourcedText;
import io.perftest.model.TestSpec;
import io.perftest.model.Unit;
import io.perftest.store.RunDirectory;
import io.perftest.store.RunRecord;
import io.perftest.store.TestHistory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Writes real run directories (run.json, summary.json) of one test for the baseline and judge tests. */
final class RunHistoryFixture {

    private RunHistoryFixture() {
    }

    static RunDirectory addRun(TestHistory history, RunStatus status, double... latencies) throws IOException {
        RunDirectory dir = history.createNextRun();
        dir.writeRecord(RunRecord.builder().framework("fw").test("t").number(dir.number()).status(status).build());
        dir.writeSummary(RunSummary.of(List.of(Metric.of("results.latency", Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, latencies))));
        return dir;
    }

    static RunSpec spec(Path dir, String baseline, String... thresholds) {
        Framework framework = Framework.builder("fw").directory(dir).script(dir.resolve("run.sh")).build();
        return new RunSpec(framework, TestSpec.defaults("t", Origin.of("t.yaml")), Map.of(), Duration.ofMinutes(1), 1,
                List.of(), List.of(), java.util.Arrays.stream(thresholds).map(SourcedText::of).toList(), baseline);
    }
}
