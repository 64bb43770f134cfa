package io.perftest.analysis;

import java.util.Locale;

/** How a metric changed from the baseline to the candidate, judged by its direction. */
public enum ChangeVerdict {
    IMPROVED,
    UNCHANGED,
    REGRESSED,
    /** Not enough data to say: a side without a value, or a baseline of 0. */
    UNKNOWN;

    /** The lower-case name used in text and JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
