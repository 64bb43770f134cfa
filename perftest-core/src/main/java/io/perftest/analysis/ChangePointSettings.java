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
 */
public record ChangePointSettings(int windowLength, double maxPValue, double minMagnitude, int minSegment,
                                  boolean otavaMerge) {

    /** Apache Otava's defaults: window 50, p = 0.001, no minimum magnitude, no minimum segment. */
    public static final ChangePointSettings OTAVA = new ChangePointSettings(50, 0.001, 0.0, 1, true);

    /**
     * perftest's default: Otava's window and merge pass with a stricter significance (the split
     * pass picks the best of many candidate positions, so its nominal p-value is optimistic) and
     * levels of at least 3 runs, so that one outlier run is not a change of level.
     */
    public static final ChangePointSettings DEFAULT = new ChangePointSettings(50, 1e-5, 0.0, 3, false);

    public ChangePointSettings {
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
        return new ChangePointSettings(windowLength, maxPValue, minMagnitude, 1, true);
    }

    /** The split pass's level: 10 p below 0.05, 2 p below 0.5, else p (Otava's rule). */
    public double weakPValue() {
        if (maxPValue < 0.05) {
            return maxPValue * 10;
        }
        return maxPValue < 0.5 ? maxPValue * 2 : maxPValue;
    }

    public ChangePointSettings withMaxPValue(double value) {
        return new ChangePointSettings(windowLength, value, minMagnitude, minSegment, otavaMerge);
    }

    public ChangePointSettings withMinMagnitude(double value) {
        return new ChangePointSettings(windowLength, maxPValue, value, minSegment, otavaMerge);
    }

    public ChangePointSettings withWindowLength(int value) {
        return new ChangePointSettings(value, maxPValue, minMagnitude, minSegment, otavaMerge);
    }

    public ChangePointSettings withMinSegment(int value) {
        return new ChangePointSettings(windowLength, maxPValue, minMagnitude, value, otavaMerge);
    }
}
