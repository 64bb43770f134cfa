package io.perftest.stats;

import org.junit.Test;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertTrue;

public class BenjaminiHochbergTest {

    @Test
    public void shouldAdjustLikeRsPAdjustBH() {
        // given R: p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.5), "BH") = 0.025 0.05 0.05 0.025 0.5
        double[] q = BenjaminiHochberg.adjust(new double[] {0.01, 0.04, 0.03, 0.005, 0.5});
        assertArrayEquals(new double[] {0.025, 0.05, 0.05, 0.025, 0.5}, q, 1e-12);
    }

    @Test
    public void shouldLeaveNaNOutOfTheCount() {
        double[] q = BenjaminiHochberg.adjust(new double[] {Double.NaN, 0.01, 0.02});
        assertTrue(Double.isNaN(q[0]));
        assertArrayEquals(new double[] {0.02, 0.02}, new double[] {q[1], q[2]}, 1e-12);
    }
}
