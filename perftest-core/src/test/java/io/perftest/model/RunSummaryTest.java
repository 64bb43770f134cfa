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

    @Test
    public void shouldMakeTheIterationsOfOneKeySamplesOfOneMetric() {
        RunSummary.Builder b = RunSummary.builder()
                .add("results/1/a.jtl", 1, List.of(latency(10)))
                .add("results/2/a.jtl", 2, List.of(latency(12)))
                .add("results/3/other-name.jtl", 3, List.of(latency(11)));
        assertEquals(List.of(), b.problems());
        assertArrayEquals(new double[] {10, 12, 11}, b.build().metric("jmeter.login.count").orElseThrow().samples().values(), 0);
    }

    @Test
    public void shouldKeepTheFirstAndNameBothOriginsWhenTwoFilesOfOneIterationGiveTheSameKey() {
        RunSummary.Builder b = RunSummary.builder()
                .add("results/1/a.jtl", 1, List.of(latency(10), Metric.of("jmeter.total.count", Unit.COUNT, Direction.NEUTRAL, 5)))
                .add("results/1/b.jtl", 1, List.of(latency(99), Metric.of("jmeter.total.count", Unit.COUNT, Direction.NEUTRAL, 7)))
                .add("results/2/a.jtl", 2, List.of(latency(12)));
        RunSummary s = b.build();
        assertArrayEquals(new double[] {10, 12}, s.metric("jmeter.login.count").orElseThrow().samples().values(), 0);
        assertEquals(5, s.metric("jmeter.total.count").orElseThrow().value(), 0);
        assertEquals(List.of("results/1/a.jtl and results/1/b.jtl both give 2 metrics: jmeter.login.count, jmeter.total.count;"
                + " kept those of results/1/a.jtl (give them different labels or sources to keep both)"), b.problems());
    }

    @Test
    public void shouldSayWhenACollectorGivesAKeyAResultFileGivesToo() {
        RunSummary.Builder b = RunSummary.builder()
                .add("results/2/a.jtl", 2, List.of(latency(10)))
                .add("command@local", RunSummary.Builder.WHOLE_RUN, List.of(latency(3)))
                .add("command@local", RunSummary.Builder.WHOLE_RUN, List.of(Metric.of("command.q", Unit.NONE, Direction.NEUTRAL, 1)))
                .add("sar@local", RunSummary.Builder.WHOLE_RUN, List.of(Metric.of("command.q", Unit.NONE, Direction.NEUTRAL, 2)));
        assertEquals(2, b.problems().size());
        assertTrue(b.problems().get(0), b.problems().get(0).startsWith("results/2/a.jtl and command@local both give the metric jmeter.login.count"));
        assertTrue(b.problems().get(1), b.problems().get(1).startsWith("command@local and sar@local both give the metric command.q"));
        assertEquals(1, b.build().metric("command.q").orElseThrow().value(), 0);
    }

    @Test
    public void shouldShowAtMostThreeKeysOfACollision() {
        List<Metric> many = List.of("a", "b", "c", "d", "e").stream()
                .map(k -> Metric.of("results." + k, Unit.NONE, Direction.NEUTRAL, 1)).toList();
        RunSummary.Builder b = RunSummary.builder().add("x.csv", 1, many).add("y.csv", 1, many);
        assertTrue(b.problems().get(0), b.problems().get(0).contains("5 metrics: results.a, results.b, results.c and 2 more;"));
    }

    @Test
    public void shouldFindTheMetricAKeyOfAnOlderVersionMeant() {
        RunSummary s = RunSummary.of(List.of(Metric.of(MetricKey.of("jmeter").label("GET /api/users").then("count"),
                Unit.COUNT, Direction.NEUTRAL, 3)));
        assertEquals("jmeter.\"GET /api/users\".count", s.resembling("jmeter.GET_api_users.count").orElseThrow().key());
        assertTrue(s.resembling("jmeter.other.count").isEmpty());
    }

    private static Metric latency(double v) {
        return Metric.of("jmeter.login.count", Unit.COUNT, Direction.NEUTRAL, v);
    }
}
