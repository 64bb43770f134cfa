package io.perftest.analysis;

import java.util.Map;
import java.util.TreeMap;

/**
 * The values of metrics over a test's completed runs, oldest first: what {@link RunComparator}
 * learns each metric's {@link NoiseBand} from.
 */
public final class MetricHistory {

    /** No history: every band is the configured floor. */
    public static final MetricHistory NONE = new MetricHistory(Map.of());

    private final Map<String, double[]> values;

    private MetricHistory(Map<String, double[]> values) {
        this.values = values;
    }

    /** A history from each metric's values, oldest first (copied). */
    public static MetricHistory of(Map<String, double[]> values) {
        Map<String, double[]> copy = new TreeMap<>();
        values.forEach((k, v) -> copy.put(k, v.clone()));
        return new MetricHistory(copy);
    }

    /** The values of {@code key}, oldest first; empty when it has none. */
    public double[] values(String key) {
        double[] v = values.get(key);
        return v == null ? new double[0] : v.clone();
    }

    public int size() {
        return values.size();
    }
}
