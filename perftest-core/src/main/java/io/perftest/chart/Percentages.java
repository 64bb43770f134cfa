package io.perftest.chart;

import java.util.Locale;

/** How the charts and reports print a relative change. */
public final class Percentages {

    private Percentages() {
    }

    /** {@code 0.253} as {@code +25.3%}, {@code -0.05} as {@code -5.0%}. */
    public static String signed(double relative) {
        if (!Double.isFinite(relative)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%+.1f%%", relative * 100);
    }
}
