package io.perftest.analysis;

import io.perftest.model.Direction;
import io.perftest.model.Unit;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The series of one metric over the completed runs of a test (its value, the median, per run)
 * and the runs where its level changed. Change point indices refer to positions in
 * {@link #values()}; {@link #runOf(ChangePoint)} gives the run number.
 */
public final class MetricTrend {

    private final String key;
    private final Unit unit;
    private final Direction direction;
    private final int[] runs;
    private final double[] values;
    private final List<ChangePoint> changePoints;

    public MetricTrend(String key, Unit unit, Direction direction, int[] runs, double[] values, List<ChangePoint> changePoints) {
        if (runs.length != values.length) {
            throw new IllegalArgumentException(key + ": " + runs.length + " runs but " + values.length + " values");
        }
        this.key = Objects.requireNonNull(key);
        this.unit = Objects.requireNonNull(unit);
        this.direction = Objects.requireNonNull(direction);
        this.runs = runs.clone();
        this.values = values.clone();
        this.changePoints = List.copyOf(changePoints);
    }

    public String key() {
        return key;
    }

    public Unit unit() {
        return unit;
    }

    public Direction direction() {
        return direction;
    }

    /** The run numbers, ascending. */
    public int[] runs() {
        return runs.clone();
    }

    public double[] values() {
        return values.clone();
    }

    public List<ChangePoint> changePoints() {
        return changePoints;
    }

    /** The number of the first run at the new level of {@code changePoint}. */
    public int runOf(ChangePoint changePoint) {
        return runs[changePoint.index()];
    }

    /** Whether the change is for the worse by the metric's direction ({@link ChangeVerdict#of}). */
    public boolean isRegression(ChangePoint changePoint) {
        return ChangeVerdict.of(direction, changePoint.meanAfter() - changePoint.meanBefore()) == ChangeVerdict.REGRESSED;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetricTrend t && t.key.equals(key) && t.unit.equals(unit) && t.direction == direction
                && Arrays.equals(t.runs, runs) && Arrays.equals(t.values, values) && t.changePoints.equals(changePoints);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, unit, direction, Arrays.hashCode(runs), Arrays.hashCode(values), changePoints);
    }

    @Override
    public String toString() {
        return "MetricTrend[" + key + ", " + values.length + " runs, " + changePoints.size() + " change points]";
    }
}
