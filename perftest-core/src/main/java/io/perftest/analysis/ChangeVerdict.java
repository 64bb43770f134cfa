package io.perftest.analysis;

import io.perftest.model.Direction;

import java.util.Locale;

/** How a metric changed from the baseline to the candidate, judged by its direction. */
public enum ChangeVerdict {
    IMPROVED,
    UNCHANGED,
    REGRESSED,
    /** Not enough data to say: a side without a value, or a baseline of 0. */
    UNKNOWN;

    /**
     * The one rule of what a change means: {@code change} (after minus before, any scale) is a
     * regression when it goes the worse way of {@code direction}, an improvement the better way;
     * no change, no direction or an undefined change is {@link #UNCHANGED}. Used by the comparison
     * of two runs, by the change points of a trend and by every page that shows them.
     */
    public static ChangeVerdict of(Direction direction, double change) {
        if (!(change > 0 || change < 0) || direction == Direction.NEUTRAL) {
            return UNCHANGED;
        }
        boolean increased = change > 0;
        return increased == (direction == Direction.LOWER_IS_BETTER) ? REGRESSED : IMPROVED;
    }

    /** The lower-case name used in text and JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
