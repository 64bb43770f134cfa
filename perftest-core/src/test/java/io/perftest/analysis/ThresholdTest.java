package io.perftest.analysis;

import io.perftest.config.ConfigChecks;
import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.RunSummary;
import io.perftest.model.ThresholdOutcome;
import io.perftest.model.Unit;
import io.perftest.model.Verdict;
import org.junit.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

public class ThresholdTest {

    private static final RunSummary RUN = RunSummary.of(List.of(
            Metric.of("results.latency_p95", Unit.SECONDS, Direction.LOWER_IS_BETTER, 0.240, 0.260, 0.230),
            Metric.of("results.throughput", Unit.parse("req/s"), Direction.HIGHER_IS_BETTER, 960),
            Metric.of("sar.cpu.all.user", Unit.PERCENT, Direction.NEUTRAL, 70, 75, 90)));
    private static final RunSummary BASELINE = RunSummary.of(List.of(
            Metric.of("results.throughput", Unit.parse("req/s"), Direction.HIGHER_IS_BETTER, 1000)));

    @Test
    public void shouldConvertUnitsBeforeComparing() {
        // given p95 = 0.24 s, limit 250 ms
        ThresholdOutcome o = evaluate("results.latency_p95 < 250 ms");
        assertTrue(o.message(), o.passed());
        assertEquals(0.240, o.observed(), 1e-12);
        assertEquals(Verdict.FAILED, o.severity());
        assertFalse(evaluate("results.latency_p95 < 0.2 s").passed());
        assertTrue(evaluate("results.latency_p95 <= 240ms").passed());
    }

    @Test
    public void shouldCompareWithTheBaselineTimesAFactor() {
        // 960 >= 1000 * 0.95 holds; 960 >= 1000 * 0.97 does not
        assertTrue(evaluate("results.throughput >= baseline * 0.95").passed());
        ThresholdOutcome o = evaluate("results.throughput >= baseline * 0.97");
        assertFalse(o.passed());
        assertEquals("results.throughput = 960 req/s, not >= 970 req/s (baseline 1000 req/s)", o.message());
        assertTrue(evaluate("results.throughput > baseline - 5%").passed());
        assertFalse(evaluate("results.throughput > baseline - 40 req/s").passed());
    }

    @Test
    public void shouldPassABaselineBoundWithoutABaselineAndSaySo() {
        ThresholdOutcome o = ThresholdParser.parse("results.throughput >= baseline * 0.95").evaluate(RUN, Optional.empty(), Optional.empty());
        assertTrue(o.passed());
        assertEquals("no baseline: not evaluated", o.message());
    }

    @Test
    public void shouldUseTheNamedStatisticAndTheSeverity() {
        Threshold t = ThresholdParser.parse("sar.cpu.all.user mean < 75 : unstable");
        assertEquals(Verdict.UNSTABLE, t.severity());
        ThresholdOutcome o = t.evaluate(RUN, Optional.empty(), Optional.empty());
        assertFalse(o.passed());
        assertEquals(78.333, o.observed(), 0.001);
        ThresholdOutcome max = evaluate("sar.cpu.all.user max <= 90 %");
        assertTrue(max.message(), max.passed());
    }

    @Test
    public void shouldFailOnAMetricThatIsNotInTheRun() {
        ThresholdOutcome o = evaluate("results.latency_p99 < 1 s");
        assertFalse(o.passed());
        assertNull(o.observed());
        assertEquals("metric results.latency_p99 is not in this run", o.message());
    }

    @Test
    public void shouldFailWhenUnitsCannotBeCompared() {
        ThresholdOutcome o = evaluate("results.latency_p95 < 10 MB");
        assertFalse(o.passed());
        assertTrue(o.message(), o.message().contains("cannot be compared with MB"));
    }

    @Test
    public void shouldFailNoRegressionWhenTheComparisonFoundOne() {
        // given a 5 % slower single-sample p95
        RunSummary before = RunSummary.of(List.of(Metric.of("results.latency_p95", Unit.SECONDS, Direction.LOWER_IS_BETTER, 0.200)));
        RunSummary after = RunSummary.of(List.of(Metric.of("results.latency_p95", Unit.SECONDS, Direction.LOWER_IS_BETTER, 0.210)));
        RunComparison c = new RunComparator(ComparisonSettings.DEFAULT).compare(before, after);
        // when
        ThresholdOutcome o = ThresholdParser.parse("no regression: unstable").evaluate(after, Optional.of(before), Optional.of(c));
        // then
        assertFalse(o.passed());
        assertEquals(Verdict.UNSTABLE, o.severity());
        assertEquals(1.0, o.observed(), 0);
        assertEquals("regressed: results.latency_p95 +5.0%", o.message());
        assertTrue(ThresholdParser.parse("no regression in results.other").evaluate(after, Optional.of(before), Optional.of(c))
                .message().contains("not in this run"));
    }

    @Test
    public void shouldRejectBadExpressionsWithTheColumn() {
        assertError("results.latency_p95 < fast", "column 23: expected a number or 'baseline' after '<', found 'fast'");
        assertError("results.latency_p95 250 ms", "column 21: expected a comparison");
        assertError("results.latency_p95 < 250 ms : maybe", "column 32: expected the severity 'fail' or 'unstable'");
        assertError("results.throughput >= baseline * ", "column 34: expected a number after '*', found the end");
        assertError("no regresion", "column 4: expected 'regression' after 'no'");
        assertError("< 250", "column 1: expected a metric key");
        assertError("results.x < 5 # comment", "column 15: unexpected character '#'");
        assertError("", "column 1: the threshold is empty");
        assertError("results.x < 5 ms extra", "column 18: expected ': fail', ': unstable' or the end, found 'extra'");
    }

    @Test
    public void shouldServeAsTheConfigLoadersThresholdCheck() {
        ConfigChecks checks = ConfigChecks.NONE.withThreshold(ThresholdParser::check);
        checks.threshold().accept("no regression");
        try {
            checks.threshold().accept("results.x <");
            fail("expected a rejection");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("column 12: "));
        }
    }

    private static ThresholdOutcome evaluate(String text) {
        return ThresholdParser.parse(text).evaluate(RUN, Optional.of(BASELINE), Optional.empty());
    }

    private static void assertError(String text, String expectedStart) {
        try {
            ThresholdParser.parse(text);
            fail("expected a rejection of '" + text + "'");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith(expectedStart));
        }
    }
}
