package io.perftest.chart;

import io.perftest.analysis.ChangePoint;
import io.perftest.analysis.MetricTrend;

import java.util.List;

/**
 * A change point in a trend: the first run of the new level, the relative change of the level
 * ({@code 0.25} = +25 %) and whether it is a regression (drawn in the warning colour).
 */
public record TrendChange(int run, double relativeChange, boolean regression) {

    /** The change points of {@code trend} as markers: run, relative change, regression by {@link MetricTrend#isRegression}. */
    public static List<TrendChange> of(MetricTrend trend) {
        return trend.changePoints().stream()
                .map((ChangePoint cp) -> new TrendChange(trend.runOf(cp), cp.relativeChange(), trend.isRegression(cp))).toList();
    }

    /** The marker's label, e.g. {@code #12 +25.3%}. */
    public String label() {
        return "#" + run + " " + Percentages.signed(relativeChange);
    }
}
