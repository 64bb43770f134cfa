package io.perftest.analysis;

import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.RunSummary;
import io.perftest.model.ThresholdOutcome;
import io.perftest.model.Unit;
import org.junit.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

public class NoRegressionGlobTest {

    private static final RunSummary BASELINE = RunSummary.of(List.of(
            Metric.of("results.throughput", Unit.parse("MB/s"), Direction.HIGHER_IS_BETTER, 100),
            Metric.of("sar.cpu.all.user", Unit.PERCENT, Direction.LOWER_IS_BETTER, 20)));
    private static final RunSummary SYSTEM_BUSIER = RunSummary.of(List.of(
            Metric.of("results.throughput", Unit.parse("MB/s"), Direction.HIGHER_IS_BETTER, 101),
            Metric.of("sar.cpu.all.user", Unit.PERCENT, Direction.LOWER_IS_BETTER, 40)));

    private static ThresholdOutcome evaluate(String text, RunSummary candidate) {
        RunComparison c = new RunComparator(ComparisonSettings.DEFAULT).compare(BASELINE, candidate);
        return ThresholdParser.parse(text).evaluate(candidate, Optional.of(BASELINE), Optional.of(c));
    }

    @Test
    public void shouldLimitNoRegressionToTheMetricsAGlobMatches() {
        assertTrue(evaluate("no regression in results.* : unstable", SYSTEM_BUSIER).passed());
        ThresholdOutcome all = evaluate("no regression", SYSTEM_BUSIER);
        assertFalse(all.passed());
        assertTrue(all.message(), all.message().contains("sar.cpu.all.user"));
        assertFalse(evaluate("no regression in sar.cpu.*.user", SYSTEM_BUSIER).passed());
    }

    @Test
    public void shouldFailWhenTheGlobMatchesNoMetricOfTheRun() {
        ThresholdOutcome none = evaluate("no regression in jmeter.*", SYSTEM_BUSIER);
        assertFalse(none.passed());
        assertEquals("metric jmeter.* is not in this run", none.message());
    }
}
