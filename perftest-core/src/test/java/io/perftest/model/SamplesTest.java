package io.perftest.model;

import org.junit.Test;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

public class SamplesTest {

    private static final double EPS = 1e-12;

    @Test
    public void shouldComputeCountMeanMinMaxOfValues() {
        Statistics s = Statistics.of(new double[] {4, 1, 7});
        assertEquals(3, s.count());
        assertEquals(4, s.mean(), EPS);
        assertEquals(1, s.min(), EPS);
        assertEquals(7, s.max(), EPS);
    }

    @Test
    public void shouldTakeTheMiddleValueAsMedianOfAnOddCount() {
        assertEquals(2, Statistics.of(new double[] {3, 1, 2}).median(), EPS);
    }

    @Test
    public void shouldAverageTheTwoMiddleValuesAsMedianOfAnEvenCount() {
        assertEquals(2.5, Statistics.of(new double[] {4, 1, 3, 2}).median(), EPS);
    }

    @Test
    public void shouldUseTheSampleStandardDeviationWithNMinusOne() {
        // sum of squared deviations from the mean 5 is 32; 32 / (8 - 1)
        Statistics s = Statistics.of(new double[] {2, 4, 4, 4, 5, 5, 7, 9});
        assertEquals(Math.sqrt(32.0 / 7), s.stddev(), EPS);
        assertEquals(Math.sqrt(32.0 / 7) / 5, s.coefficientOfVariation(), EPS);
    }

    @Test
    public void shouldGiveZeroStandardDeviationAndNoVariationForOneSample() {
        Statistics s = Statistics.of(new double[] {3});
        assertEquals(0, s.stddev(), 0);
        assertTrue(Double.isNaN(s.coefficientOfVariation()));
    }

    @Test
    public void shouldGiveEmptyStatisticsForNoValues() {
        Statistics s = Statistics.of(new double[0]);
        assertEquals(Statistics.EMPTY, s);
        assertEquals(0, s.count());
        assertTrue(Double.isNaN(s.median()));
    }

    @Test
    public void shouldNotReorderTheCallersValues() {
        double[] values = {3, 1, 2};
        Statistics.of(values);
        assertArrayEquals(new double[] {3, 1, 2}, values, 0);
    }

    @Test
    public void shouldKeepValuesInOrderAndUseTheMedianAsValue() {
        Samples s = Samples.of(5, 1, 3, 100);
        assertArrayEquals(new double[] {5, 1, 3, 100}, s.values(), 0);
        assertEquals(4, s.size());
        assertEquals(4, s.value(), EPS);
    }

    @Test
    public void shouldNotBeChangedThroughItsArrays() {
        double[] input = {1, 2};
        Samples s = Samples.of(input);
        input[0] = 99;
        s.values()[1] = 99;
        assertArrayEquals(new double[] {1, 2}, s.values(), 0);
    }

    @Test
    public void shouldKeepStatisticsWithoutValuesWhenSummarized() {
        Statistics stats = new Statistics(1_000_000, 12, 10, 1, 900, 4);
        Samples s = Samples.summarized(stats);
        assertFalse(s.hasValues());
        assertEquals(0, s.values().length);
        assertEquals(stats, s.statistics());
        assertEquals(10, s.value(), 0);
    }

    @Test
    public void shouldAppendAnotherIterationsValuesAndRecomputeStatistics() {
        Samples s = Samples.of(1, 2).concat(Samples.of(6));
        assertArrayEquals(new double[] {1, 2, 6}, s.values(), 0);
        assertEquals(3, s.statistics().mean(), EPS);
    }

    @Test
    public void shouldBeEqualWithEqualValuesInTheSameOrder() {
        assertEquals(Samples.of(1, 2, 3), Samples.of(1, 2, 3));
        assertEquals(Samples.of(1, 2, 3).hashCode(), Samples.of(1, 2, 3).hashCode());
        assertNotEquals(Samples.of(1, 2, 3), Samples.of(3, 2, 1));
        assertNotEquals(Samples.of(1, 2), Samples.of(1, 2, 2));
        Statistics stats = Statistics.of(new double[] {1, 2});
        assertEquals(Samples.summarized(stats), Samples.summarized(stats));
        assertNotEquals(Samples.summarized(stats), Samples.of(1, 2));
    }

    @Test
    public void shouldBeEqualAsStatisticsRecordsWithEqualFields() {
        assertEquals(new Statistics(2, 1.5, 1.5, 1, 2, 0.5), new Statistics(2, 1.5, 1.5, 1, 2, 0.5));
        assertEquals(Statistics.EMPTY.hashCode(), Statistics.of(new double[0]).hashCode());
    }

    @Test
    public void shouldCountASummarizedSideAsOneSampleOfItsValueWhenConcatenated() {
        Samples p95OfIteration1 = Samples.summarized(new Statistics(1000, 12, 11, 2, 40, 3));
        Samples p95OfIteration2 = Samples.summarized(new Statistics(1000, 14, 13, 2, 50, 3));

        Samples merged = p95OfIteration1.concat(p95OfIteration2).concat(Samples.of(15));

        assertArrayEquals(new double[] {11, 13, 15}, merged.values(), 0);
        assertEquals(13, merged.value(), 0);
        assertEquals(Samples.of(4), Samples.summarized(Statistics.EMPTY).concat(Samples.of(4)));
        assertEquals(0, Samples.summarized(Statistics.EMPTY).concat(Samples.summarized(Statistics.EMPTY)).size());
    }
}
