package io.perftest.analysis;

/**
 * The settings of {@link ChangePointDetector}.
 *
 * @param windowLength length of the sliding windows of the split pass (they step by half their length)
 * @param maxPValue    the significance a change point must reach after the merge pass; the split
 *                     pass uses a weaker level ({@link #weakPValue()}), as Apache Otava does
 * @param minMagnitude the smallest relative change (see {@link ChangePoint#magnitude()}) kept
 * @param minSegment   the fewest points a level must last: a change point with fewer before or
 *                     after it (a lone outlier) is dropped; 1 disables the rule
 * @param otavaMerge   re-test neighbours in the merge pass exactly as Apache Otava does (the point
 *                     after a removed one and the next, leaving the one before with stale
 *                     statistics); false re-tests both neighbours of the removed point
 * @param method       how candidates are found and tested: {@link Method#ROBUST} (the default) or
 *                     Apache Otava's {@link Method#E_DIVISIVE}
 */
public record ChangePointSettings(int windowLength, double maxPValue, double minMagnitude, int minSegment,
                                  boolean otavaMerge, Method method) {

    /** The search methods. */
    public enum Method {
        /**
         * Binary-segmentation candidates of levels and slopes, each tested against its neighbours with
         * a trend and AR(1) noise allowed, lone spikes and short bursts ignored ({@code RobustSegmentation}).
         */
        ROBUST,
        /** Apache Otava: E-divisive means in sliding windows with a Student t-test, then its merge pass. */
        E_DIVISIVE
    }

    /** Apache Otava's defaults: window 50, p = 0.001, no minimum magnitude, no minimum segment. */
    public static final ChangePointSettings OTAVA = new ChangePointSettings(50, 0.001, 0.0, 1, true, Method.E_DIVISIVE);

    /**
     * perftest's default, one setting for every series: the robust method at p = 0.001, levels of
     * at least 2 runs (a lone outlier run is never a level; two runs at a level far beyond the noise are).
     */
    public static final ChangePointSettings DEFAULT = new ChangePointSettings(50, 1e-3, 0.0, 2, false, Method.ROBUST);

    public ChangePointSettings {
        java.util.Objects.requireNonNull(method, "method");
        if (windowLength < 2) {
            throw new IllegalArgumentException("window length must be at least 2, was " + windowLength);
        }
        if (!(maxPValue > 0 && maxPValue <= 1)) {
            throw new IllegalArgumentException("max p-value must be in (0, 1], was " + maxPValue);
        }
        if (!(minMagnitude >= 0)) {
            throw new IllegalArgumentException("min magnitude must be >= 0, was " + minMagnitude);
        }
        if (minSegment < 1) {
            throw new IllegalArgumentException("min segment must be at least 1, was " + minSegment);
        }
    }

    /** Otava's settings with another window, p-value and minimum magnitude. */
    public static ChangePointSettings otava(int windowLength, double maxPValue, double minMagnitude) {
        return new ChangePointSettings(windowLength, maxPValue, minMagnitude, 1, true, Method.E_DIVISIVE);
    }

    /** The split pass's level: 10 p below 0.05, 2 p below 0.5, else p (Otava's rule). */
    public double weakPValue() {
        if (maxPValue < 0.05) {
            return maxPValue * 10;
        }
        return maxPValue < 0.5 ? maxPValue * 2 : maxPValue;
    }

    public ChangePointSettings withMaxPValue(double value) {
        return new ChangePointSettings(windowLength, value, minMagnitude, minSegment, otavaMerge, method);
    }

    public ChangePointSettings withMinMagnitude(double value) {
        return new ChangePointSettings(windowLength, maxPValue, value, minSegment, otavaMerge, method);
    }

    public ChangePointSettings withWindowLength(int value) {
        return new ChangePointSettings(value, maxPValue, minMagnitude, minSegment, otavaMerge, method);
    }

    public ChangePointSettings withMinSegment(int value) {
        return new ChangePointSettings(windowLength, maxPValue, minMagnitude, value, otavaMerge, method);
    }
}
