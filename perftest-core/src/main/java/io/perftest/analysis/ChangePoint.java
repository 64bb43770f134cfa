package io.perftest.analysis;

/**
 * A change in the level of a series: {@code index} is the first point of the new level (0-based),
 * with the mean and population standard deviation of the segments before and after it (up to the
 * neighbouring change points) and the two-sided Student t-test p-value of their difference.
 */
public record ChangePoint(int index, double meanBefore, double meanAfter, double stddevBefore, double stddevAfter,
                          double pValue) {

    /** {@code meanAfter / meanBefore - 1}; 0 when the mean before is 0. Negative for a drop. */
    public double relativeChange() {
        return meanBefore == 0 ? 0 : meanAfter / meanBefore - 1.0;
    }

    /**
     * The size of the change independent of its direction: the larger of the forward and the
     * backward relative change (Apache Otava's "magnitude"), so that a halving and a doubling weigh the same.
     */
    public double magnitude() {
        double backward = meanAfter == 0 ? 0 : meanBefore / meanAfter - 1.0;
        return Math.max(Math.abs(relativeChange()), Math.abs(backward));
    }
}
