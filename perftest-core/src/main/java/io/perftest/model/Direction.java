package io.perftest.model;

import java.util.Locale;

/** Whether a larger or a smaller value of a metric is better; comparisons and thresholds derive their verdicts from it. */
public enum Direction {
    HIGHER_IS_BETTER("higher"),
    LOWER_IS_BETTER("lower"),
    NEUTRAL("none");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    /** The short name used in JSON and YAML: {@code higher}, {@code lower} or {@code none}. */
    public String label() {
        return label;
    }

    public static Direction fromLabel(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Direction d : values()) {
            if (d.label.equals(t) || d.name().toLowerCase(Locale.ROOT).equals(t)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown direction '" + text + "' (expected higher, lower or none)");
    }

    /**
     * Guesses the direction from a metric's name and unit, for formats that do not say it
     * (results.csv): rates and throughput are better higher; times, latencies and errors lower.
     */
    public static Direction guess(String name, Unit unit) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.contains("throughput") || n.contains("ops") || n.contains("qps") || n.contains("rps")
                || n.contains("tps") || n.contains("bandwidth") || n.contains("iops") || n.contains("per_sec")
                || n.contains("persec") || n.contains("score") || n.contains("hit") || n.contains("speed")) {
            return HIGHER_IS_BETTER;
        }
        if (unit.isRate()) {
            return HIGHER_IS_BETTER;
        }
        if (n.contains("latency") || n.contains("time") || n.contains("duration") || n.contains("elapsed")
                || n.contains("error") || n.contains("fail") || n.contains("miss") || n.contains("p50")
                || n.contains("p90") || n.contains("p95") || n.contains("p99") || n.contains("wait")
                || n.contains("response") || n.contains("rss") || n.contains("memory")) {
            return LOWER_IS_BETTER;
        }
        if (unit.dimension() == Unit.Dimension.TIME) {
            return LOWER_IS_BETTER;
        }
        return NEUTRAL;
    }
}
