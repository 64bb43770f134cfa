package io.perftest.analysis;

import io.perftest.model.Direction;
import io.perftest.model.Statistics;
import io.perftest.model.Unit;

/**
 * One metric compared between a baseline (A) and a candidate (B).
 *
 * @param ratio     median(B) / median(A); NaN when undefined
 * @param low       the low end of the bootstrap confidence interval of the ratio; NaN without one
 * @param high      the high end of the interval; NaN without one
 * @param pValue    the Mann-Whitney U p-value; NaN when a side has fewer than two samples
 * @param qValue    the p-value adjusted by Benjamini-Hochberg across the run's metrics; NaN likewise
 * @param band      the noise band a change had to exceed, and where it came from (history or floor)
 * @param note      why the verdict is what it is, for people ("one sample per side: ...")
 */
public record MetricComparison(String key, Unit unit, Direction direction, Statistics baseline, Statistics candidate,
                               double ratio, double low, double high, double pValue, double qValue, NoiseBand band,
                               ChangeVerdict verdict, String note) {

    /** The noise band's share (0.02 = 2 %). */
    public double noise() {
        return band.share();
    }

    /** The relative change of the medians, {@code ratio - 1}. */
    public double change() {
        return ratio - 1;
    }

    public boolean hasInterval() {
        return !Double.isNaN(low);
    }
}
