package io.perftest.model;

import org.junit.Test;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

public class DirectionTest {

    @Test
    public void shouldGuessHigherIsBetterForThroughputAndRates() {
        assertEquals(Direction.HIGHER_IS_BETTER, Direction.guess("throughput", Unit.NONE));
        assertEquals(Direction.HIGHER_IS_BETTER, Direction.guess("Requests_per_sec", Unit.NONE));
        assertEquals(Direction.HIGHER_IS_BETTER, Direction.guess("cache_hits", Unit.NONE));
        assertEquals(Direction.HIGHER_IS_BETTER, Direction.guess("rx", Unit.parse("kB/s")));
    }

    @Test
    public void shouldGuessLowerIsBetterForTimesLatenciesAndErrors() {
        assertEquals(Direction.LOWER_IS_BETTER, Direction.guess("AvgLatency", Unit.MILLISECONDS));
        assertEquals(Direction.LOWER_IS_BETTER, Direction.guess("latency_p99", Unit.NONE));
        assertEquals(Direction.LOWER_IS_BETTER, Direction.guess("FailureRate", Unit.NONE));
        assertEquals(Direction.LOWER_IS_BETTER, Direction.guess("errors", Unit.NONE));
        assertEquals(Direction.LOWER_IS_BETTER, Direction.guess("warmup", Unit.SECONDS));
    }

    @Test
    public void shouldGuessNeutralWhenNameAndUnitSayNothing() {
        assertEquals(Direction.NEUTRAL, Direction.guess("Iterations", Unit.NONE));
        assertEquals(Direction.NEUTRAL, Direction.guess("user", Unit.PERCENT));
    }

    @Test
    public void shouldReadLabelsAndEnumNames() {
        for (Direction d : Direction.values()) {
            assertEquals(d, Direction.fromLabel(d.label()));
            assertEquals(d, Direction.fromLabel(" " + d.name().toLowerCase() + " "));
        }
    }

    @Test
    public void shouldRejectAnUnknownLabelListingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Direction.fromLabel("up"));
        assertEquals("unknown direction 'up' (expected higher, lower or none)", e.getMessage());
    }
}
