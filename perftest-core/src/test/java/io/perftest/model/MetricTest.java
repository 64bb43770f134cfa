package io.perftest.model;

import org.junit.Test;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

public class MetricTest {

    @Test
    public void shouldTakeTheSourceFromTheKeyBeforeTheFirstDot() {
        assertEquals("sar", Metric.of("sar.cpu.all.user", Unit.PERCENT, Direction.NEUTRAL, 1).source());
        assertEquals("results", Metric.of("results.throughput", Unit.NONE, Direction.HIGHER_IS_BETTER, 1).source());
    }

    @Test
    public void shouldUseTheWholeKeyAsSourceWhenItHasNoDot() {
        assertEquals("throughput", Metric.of("throughput", Unit.NONE, Direction.NEUTRAL, 1).source());
    }

    @Test
    public void shouldRejectABlankKey() {
        assertThrows(IllegalArgumentException.class, () -> Metric.of(" ", Unit.NONE, Direction.NEUTRAL, 1));
        assertThrows(NullPointerException.class, () -> Metric.of((String) null, Unit.NONE, Direction.NEUTRAL, 1));
    }

    @Test
    public void shouldAppendTheSamplesOfAnotherIteration() {
        Metric m = Metric.of("results.latency", Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, 10, 30)
                .withMoreSamples(Samples.of(20));
        assertArrayEquals(new double[] {10, 30, 20}, m.samples().values(), 0);
        assertEquals(20, m.value(), 0);
        assertEquals(Unit.MILLISECONDS, m.unit());
    }
}
