package io.perftest.model;

import org.junit.Test;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

public class UnitTest {

    private static final double EPS = 1e-12;

    @Test
    public void shouldReadTimeUnitsWithTheirFactorToSeconds() {
        Unit ms = Unit.parse("ms");
        assertEquals(Unit.Dimension.TIME, ms.dimension());
        assertEquals(0.25, ms.convert(250, Unit.SECONDS), EPS);
        assertEquals(1500, Unit.parse("sec").convert(1.5, Unit.MILLISECONDS), EPS);
        assertEquals(120, Unit.parse("min").convert(2, Unit.SECONDS), EPS);
        assertEquals(1, Unit.parse("µs").convert(1000, Unit.parse("ns")) / 1e6, EPS);
    }

    @Test
    public void shouldKeepTheSymbolAsWritten() {
        assertEquals("Secs", Unit.parse(" Secs ").symbol());
        assertEquals("Secs", Unit.parse("Secs").toString());
    }

    @Test
    public void shouldTellDecimalFromBinaryByteUnits() {
        assertEquals(1e6, Unit.parse("MB").convert(1, Unit.BYTES), EPS);
        assertEquals(1048576, Unit.parse("MiB").convert(1, Unit.BYTES), EPS);
        assertEquals(1, Unit.parse("GiB").convert(1024, Unit.parse("TiB")), EPS);
    }

    @Test
    public void shouldReadRatesAndConvertBetweenThem() {
        Unit kbps = Unit.parse("kB/s");
        assertEquals(Unit.Dimension.BYTE_RATE, kbps.dimension());
        assertTrue(kbps.isRate());
        assertEquals(2000, kbps.convert(2, Unit.parse("B/s")), EPS);
        Unit perMinute = Unit.parse("req/min");
        assertEquals(Unit.Dimension.COUNT_RATE, perMinute.dimension());
        assertEquals(1, perMinute.convert(60, Unit.parse("ops/sec")), EPS);
    }

    @Test
    public void shouldReadPercentInItsCommonSpellings() {
        assertSame(Unit.PERCENT, Unit.parse("%"));
        assertSame(Unit.PERCENT, Unit.parse("pct"));
        assertSame(Unit.PERCENT, Unit.parse("Percent"));
    }

    @Test
    public void shouldReadNothingAsNoUnit() {
        assertSame(Unit.NONE, Unit.parse(null));
        assertSame(Unit.NONE, Unit.parse("   "));
    }

    @Test
    public void shouldKeepAmbiguousAndUnknownSymbolsAsOther() {
        assertEquals(Unit.Dimension.OTHER, Unit.parse("m").dimension()); // metre or minute?
        assertEquals(Unit.Dimension.OTHER, Unit.parse("b").dimension()); // bit, not byte
        assertEquals(Unit.Dimension.OTHER, Unit.parse("widgets").dimension());
        assertEquals(Unit.Dimension.COUNT, Unit.parse("requests").dimension());
    }

    @Test
    public void shouldReadBackEveryPredefinedUnitFromItsSymbol() {
        Unit[] all = {Unit.NONE, Unit.PERCENT, Unit.SECONDS, Unit.MILLISECONDS, Unit.MICROSECONDS, Unit.NANOSECONDS,
            Unit.BYTES, Unit.KILOBYTES, Unit.COUNT, Unit.PER_SECOND, Unit.KILOBYTES_PER_SECOND};
        for (Unit u : all) {
            assertEquals(u.symbol(), u, Unit.parse(u.symbol()));
        }
    }

    @Test
    public void shouldCallUnitsOfOneDimensionCompatible() {
        assertTrue(Unit.MILLISECONDS.isCompatibleWith(Unit.parse("h")));
        assertTrue(Unit.parse("widgets").isCompatibleWith(Unit.parse("WIDGETS")));
        assertTrue(Unit.NONE.isCompatibleWith(Unit.MILLISECONDS));
        assertFalse(Unit.MILLISECONDS.isCompatibleWith(Unit.BYTES));
        assertFalse(Unit.parse("widgets").isCompatibleWith(Unit.parse("gadgets")));
        assertFalse(Unit.PERCENT.isCompatibleWith(Unit.COUNT));
    }

    @Test
    public void shouldPassValuesThroughWhenEitherSideHasNoUnit() {
        assertEquals(42, Unit.NONE.convert(42, Unit.MILLISECONDS), EPS);
        assertEquals(42, Unit.MILLISECONDS.convert(42, Unit.NONE), EPS);
    }

    @Test
    public void shouldRefuseToConvertBetweenIncompatibleUnitsNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Unit.MILLISECONDS.convert(1, Unit.parse("MB")));
        assertEquals("cannot convert ms to MB", e.getMessage());
    }

    @Test
    public void shouldBeEqualBySymbolDimensionAndFactor() {
        assertEquals(Unit.parse("ms"), Unit.MILLISECONDS);
        assertEquals(Unit.parse("ms").hashCode(), Unit.MILLISECONDS.hashCode());
        assertNotEquals(Unit.parse("msec"), Unit.MILLISECONDS);
        assertNotEquals(Unit.parse("kB"), Unit.parse("KiB"));
    }

    @Test
    public void shouldReadBitsWhereALowerCaseBFollowsAPrefix() {
        assertEquals(125_000.0, Unit.parse("Mb").convert(1, Unit.BYTES), 1e-9);
        assertEquals(125_000.0, Unit.parse("Mb/s").convert(1, Unit.parse("B/s")), 1e-9);
        assertEquals(1.25e8, Unit.parse("Gbps").convert(1, Unit.parse("B/s")), 1e-3);
        assertEquals(125.0, Unit.parse("kbit").convert(1, Unit.BYTES), 1e-9);
        assertEquals(1_000_000.0, Unit.parse("MB").convert(1, Unit.BYTES), 1e-9);
        assertEquals(1000.0, Unit.parse("kb").convert(1, Unit.BYTES), 1e-9);
    }
}
