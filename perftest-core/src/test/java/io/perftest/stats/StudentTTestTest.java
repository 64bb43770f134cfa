package io.perftest.stats;

import org.junit.Test;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

public class StudentTTestTest {

    @Test
    public void shouldAgreeWithScipyOnOtavasTesterCases() {
        // given Otava's ttest cases: split at 5, population deviations; SciPy gives p = 1.0 and p < 0.001
        double[] same = {1.0, 1.02, 1.05, 0.95, 0.98, 1.0, 1.02, 1.05, 0.95, 0.98};
        double[] change = {1.0, 1.02, 1.05, 0.95, 0.98, 0.8, 0.82, 0.85, 0.79, 0.77};
        assertEquals(1.0, pOfSplit(same, 5), 0.01);
        assertTrue(pOfSplit(change, 5) < 0.001);
    }

    @Test
    public void shouldMatchTheTextbookValueOfAStudentTTest() {
        // given t = 2.228 at 10 degrees of freedom is the two-sided 5 % point
        assertEquals(0.05, StudentTTest.twoSidedPValue(2.228139, 10), 1e-6);
        // and R: t.test(c(1,2,3,4,5), c(3,4,5,6,7), var.equal=TRUE) gives t = -2, df = 8, p = 0.08051623
        StudentTTest.Result r = StudentTTest.of(new double[] {1, 2, 3, 4, 5}, new double[] {3, 4, 5, 6, 7});
        assertEquals(-2.0, r.t(), 1e-12);
        assertEquals(8, r.degreesOfFreedom());
        assertEquals(0.08051623, r.pValue(), 1e-8);
    }

    @Test
    public void shouldKeepTinyPValuesInsteadOfRoundingThemToZero() {
        double p = StudentTTest.twoSidedPValue(40, 48);
        assertTrue("p " + p, p > 0 && p < 1e-30);
    }

    @Test
    public void shouldGivePValueOneWithoutDegreesOfFreedomOrDifference() {
        assertEquals(1.0, StudentTTest.fromStatistics(1, 5, 0, 1, 7, 0).pValue(), 0);
        assertEquals(1.0, StudentTTest.fromStatistics(3, 5, 0, 3, 5, 0).pValue(), 0);
        assertEquals(0.0, StudentTTest.fromStatistics(3, 5, 0, 3, 6, 0).pValue(), 0);
    }

    private static double pOfSplit(double[] v, int at) {
        double[] a = java.util.Arrays.copyOfRange(v, 0, at);
        double[] b = java.util.Arrays.copyOfRange(v, at, v.length);
        return StudentTTest.fromStatistics(a.length, mean(a), popSd(a), b.length, mean(b), popSd(b)).pValue();
    }

    private static double mean(double[] v) {
        return java.util.Arrays.stream(v).average().orElseThrow();
    }

    private static double popSd(double[] v) {
        double m = mean(v);
        return Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / v.length);
    }
}
