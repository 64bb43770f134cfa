package io.perftest.chart;

/**
 * A change point in a trend: the first run of the new level, the relative change of the level
 * ({@code 0.25} = +25 %) and whether it is a regression (drawn in the warning colour).
 */
public record TrendChange(int run, double relativeChange, boolean regression) {

    /** The marker's label, e.g. {@code #12 +25.3%}. */
    public String label() {
        return "#" + run + " " + Percentages.signed(relativeChange);
    }
}
