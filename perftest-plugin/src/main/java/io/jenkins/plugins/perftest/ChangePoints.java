package io.jenkins.plugins.perftest;

import java.util.List;

/**
 * The builds where a metric's trend changed level.
 *
 * <p>INTEGRATION POINT: the change-point detector is the core's ({@code io.perftest.analysis},
 * written in parallel). Until it is on main no change point is reported; the plugin does not
 * grow an analysis of its own.
 */
final class ChangePoints {

    private ChangePoints() {
    }

    /** @param points the trend, oldest build first */
    static List<Integer> of(List<Charts.Point> points) {
        return List.of();
    }
}
