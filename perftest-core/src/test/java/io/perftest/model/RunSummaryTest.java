package io.perftest.model;

import org.junit.Test;

import java.util.List;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

public class RunSummaryTest {

    @Test
    public void shouldMergeTheSamplesOfMetricsWithEqualKeysInTheOrderGiven() {
        RunSummary s = RunSummary.of(List.of(
                Metric.of("results.latency", Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, 10),
                Metric.of("results.throughput", Unit.NONE, Direction.HIGHER_IS_BETTER, 100),
                Metric.of("results.latency", Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, 12),
                Metric.of("results.latency", Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, 11)));
        assertEquals(2, s.size());
        assertArrayEquals(new double[] {10, 12, 11}, s.metric("results.latency").orElseThrow().samples().values(), 0);
        assertEquals(11, s.metric("results.latency").orElseThrow().value(), 0);
    }

    @Test
    public void shouldListMetricsSortedByKey() {
        RunSummary s = RunSummary.of(List.of(
                Metric.of("sar.cpu", Unit.PERCENT, Direction.NEUTRAL, 1),
                Metric.of("results.b", Unit.NONE, Direction.NEUTRAL, 1),
                Metric.of("results.a", Unit.NONE, Direction.NEUTRAL, 1)));
        assertEquals(List.of("results.a", "results.b", "sar.cpu"), s.metrics().stream().map(Metric::key).toList());
    }

    @Test
    public void shouldFindNoMetricOfAnUnknownKey() {
        assertTrue(RunSummary.empty().isEmpty());
        assertTrue(RunSummary.empty().metric("results.x").isEmpty());
    }

    @Test
    public void shouldBeEqualWithEqualMetrics() {
        Metric a = Metric.of("results.a", Unit.NONE, Direction.NEUTRAL, 1, 2);
        assertEquals(RunSummary.of(List.of(a)), RunSummary.of(List.of(a)));
        assertEquals(RunSummary.of(List.of(a)).hashCode(), RunSummary.of(List.of(a)).hashCode());
        assertNotEquals(RunSummary.of(List.of(a)), RunSummary.of(List.of(a, a)));
    }
}
