package io.perftest.report;

import java.util.List;

/**
 * Where the level of a series changes: the 0-based index of the first point of each new level.
 * The trend report asks it for every metric's run values; {@code io.perftest.analysis}' change
 * point detector is adapted to it by whoever builds the report (the CLI, the plugin).
 */
@FunctionalInterface
public interface ChangePointFinder {

    /** Finds nothing: a trend without change points. */
    ChangePointFinder NONE = values -> List.of();

    List<Integer> find(double[] values);
}
