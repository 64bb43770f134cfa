package io.perftest.analysis;

import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.MetricKey;
import io.perftest.model.RunSummary;
import io.perftest.model.ThresholdOutcome;
import io.perftest.model.Unit;
import org.junit.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/** Thresholds name metrics whose labels hold any characters, written as the key shows them. */
public class QuotedLabelThresholdTest {

    private static final MetricKey JMETER = MetricKey.of("jmeter");
    private static final RunSummary RUN = RunSummary.of(List.of(
            mean("a b", 10), mean("a_b", 100), mean("a.b", 1000),
            mean("GET /api/users", 20), mean("GET /api/users/", 40), mean("say \"hi\"", 5), mean("a*b", 7),
            Metric.of(JMETER.quotedLabel("total").then("elapsed").statistic("mean"), Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, 3),
            Metric.of(JMETER.then("total", "elapsed").statistic("mean"), Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, 50)));

    private static Metric mean(String label, double ms) {
        return Metric.of(JMETER.label(label).then("elapsed").statistic("mean"), Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, ms);
    }

    private static ThresholdOutcome evaluate(String text) {
        return ThresholdParser.parse(text).evaluate(RUN, Optional.empty(), Optional.empty());
    }

    @Test
    public void shouldNameEachOfLabelsThatUsedToMerge() {
        assertEquals(10, evaluate("jmeter.\"a b\".elapsed.mean < 11 ms").observed(), 0);
        assertEquals(100, evaluate("jmeter.a_b.elapsed.mean < 101 ms").observed(), 0);
        assertEquals(1000, evaluate("jmeter.\"a.b\".elapsed.mean < 1001 ms").observed(), 0);
        assertTrue(evaluate("jmeter.\"GET /api/users\".elapsed.mean <= 20 ms").passed());
        assertFalse(evaluate("jmeter.\"GET /api/users/\".elapsed.mean <= 20 ms").passed());
        assertEquals(5, evaluate("jmeter.\"say \\\"hi\\\"\".elapsed.mean mean < 6 ms : unstable").observed(), 0);
    }

    @Test
    public void shouldKeepALabelSpelledTotalApartFromTheTotals() {
        assertEquals(3, evaluate("jmeter.\"total\".elapsed.mean < 4 ms").observed(), 0);
        assertEquals(50, evaluate("jmeter.total.elapsed.mean < 60 ms").observed(), 0);
    }

    @Test
    public void shouldSuggestTheKeyWhenAThresholdNamesALabelAsOlderVersionsWroteIt() {
        ThresholdOutcome old = evaluate("jmeter.GET_api_users.elapsed.mean < 30 ms");
        assertFalse(old.passed());
        assertEquals("metric jmeter.GET_api_users.elapsed.mean is not in this run (did you mean jmeter.\"GET /api/users\".elapsed.mean?)",
                old.message());
        ThresholdOutcome needlessQuotes = evaluate("jmeter.\"a_b\".elapsed.mean < 30 ms");
        assertTrue(needlessQuotes.message(), needlessQuotes.message().endsWith("(did you mean jmeter.a_b.elapsed.mean?)"));
    }

    @Test
    public void shouldReadAStarInsideQuotesAsItselfAndOutsideAsAGlob() {
        assertTrue(NoRegressionThreshold.matcher("jmeter.\"a*b\".elapsed.mean").test("jmeter.\"a*b\".elapsed.mean"));
        assertFalse(NoRegressionThreshold.matcher("jmeter.\"a*b\".elapsed.mean").test("jmeter.\"aXb\".elapsed.mean"));
        assertTrue(NoRegressionThreshold.matcher("jmeter.*.elapsed.mean").test("jmeter.\"GET /api/users\".elapsed.mean"));
        assertTrue(NoRegressionThreshold.matcher("jmeter.\"GET /api*").test("jmeter.\"GET /api*"));
        assertTrue(ThresholdParser.parse("no regression in jmeter.\"GET /api/users\".* : unstable") instanceof NoRegressionThreshold);
    }

    @Test
    public void shouldSayWhereAQuotedLabelIsNotClosedOrHasABadEscape() {
        IllegalArgumentException open = assertThrows(IllegalArgumentException.class,
                () -> ThresholdParser.parse("jmeter.\"GET /api/users.elapsed.mean < 5 ms"));
        assertTrue(open.getMessage(), open.getMessage().startsWith("column 8: the quote that starts here is not closed"));
        IllegalArgumentException escape = assertThrows(IllegalArgumentException.class,
                () -> ThresholdParser.parse("jmeter.\"a\\qb\".count < 5"));
        assertTrue(escape.getMessage(), escape.getMessage().startsWith("column 10: unknown escape '\\q'"));
    }
}
