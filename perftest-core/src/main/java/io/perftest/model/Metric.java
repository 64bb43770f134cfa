package io.perftest.model;

import java.util.Objects;

/**
 * One measured quantity of a run: its key ({@code <source>.<name>[.<stat>]}), unit, direction
 * and samples. Comparisons and thresholds derive everything they need from it.
 */
public record Metric(String key, Unit unit, Direction direction, Samples samples) {

    public Metric {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(samples, "samples");
        if (key.isBlank()) {
            throw new IllegalArgumentException("metric key is empty");
        }
    }

    public static Metric of(String key, Unit unit, Direction direction, double... values) {
        return new Metric(key, unit, direction, Samples.of(values));
    }

    /** The part of the key before the first dot: the collector or parser that produced it. */
    public String source() {
        return sourceOf(key);
    }

    /** The source part of a metric key: {@code sar} of {@code sar.cpu.all.user}. */
    public static String sourceOf(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }

    public double value() {
        return samples.value();
    }

    /** The same metric with {@code more} samples appended (another iteration). */
    public Metric withMoreSamples(Samples more) {
        return new Metric(key, unit, direction, samples.concat(more));
    }
}
