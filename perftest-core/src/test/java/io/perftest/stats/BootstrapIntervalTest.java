package io.perftest.stats;

import org.junit.Test;

import java.util.Random;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

public class BootstrapIntervalTest {

    @Test
    public void shouldCoverTheTrueRatioAndRepeatWithTheSameSeed() {
        // given a 10 % shift, 30 samples a side
        Random random = new Random(11);
        double[] a = new double[30];
        double[] b = new double[30];
        for (int i = 0; i < 30; i++) {
            a[i] = 100 + 3 * random.nextGaussian();
            b[i] = 110 + 3 * random.nextGaussian();
        }
        BootstrapInterval bootstrap = BootstrapInterval.of(2000, 0.95);
        // when
        BootstrapInterval.Interval first = bootstrap.ratioOfMedians(a, b, 99);
        BootstrapInterval.Interval second = bootstrap.ratioOfMedians(a, b, 99);
        // then
        assertTrue(first.toString(), first.contains(1.10));
        assertTrue(first.toString(), first.low() > 1.05 && first.high() < 1.15);
        assertEquals(first, second);
    }

    @Test
    public void shouldComputeMediansBySelection() {
        assertEquals(3.0, Median.of(new double[] {5, 1, 3, 2, 4}), 0);
        assertEquals(2.5, Median.of(new double[] {4, 1, 3, 2}), 0);
        assertEquals(7.0, Median.of(new double[] {7, 7, 7, 7}), 0);
        Random random = new Random(1);
        for (int k = 0; k < 200; k++) {
            double[] v = new double[1 + random.nextInt(40)];
            for (int i = 0; i < v.length; i++) {
                v[i] = random.nextInt(10);
            }
            assertEquals(io.perftest.model.Statistics.of(v).median(), Median.of(v), 0);
        }
    }
}
