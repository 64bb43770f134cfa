package io.perftest.analysis;

import java.util.List;

/**
 * The result of {@link ChangePointDetector} on a series: its length, the change points, and
 * the weak change points of the split pass, which {@link ChangePointDetector#update} reuses so
 * that a new point re-checks only the tail of the series.
 */
public record Detection(int length, List<ChangePoint> changePoints, int[] weakIndices) {

    public Detection {
        changePoints = List.copyOf(changePoints);
        weakIndices = weakIndices.clone();
    }

    /** The indices of the change points, ascending. */
    public int[] indices() {
        return changePoints.stream().mapToInt(ChangePoint::index).toArray();
    }

    @Override
    public int[] weakIndices() {
        return weakIndices.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Detection d && d.length == length && d.changePoints.equals(changePoints)
                && java.util.Arrays.equals(d.weakIndices, weakIndices);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * length + changePoints.hashCode()) + java.util.Arrays.hashCode(weakIndices);
    }

    @Override
    public String toString() {
        return "Detection[length=" + length + ", changePoints=" + java.util.Arrays.toString(indices()) + "]";
    }
}
