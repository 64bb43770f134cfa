package io.perftest.model;

import java.util.Objects;

/**
 * One measured quantity of a run: what it is ({@link MetricKey}: source, label, quantity,
 * statistic, host), unit, direction and samples. Comparisons and thresholds derive everything
 * they need from it.
 */
public record Metric(MetricKey id, Unit unit, Direction direction, Samples samples) {

    public Metric {
        Objects.requireNonNull(id, "key");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(samples, "samples");
        if (id.text().isBlank()) {
            throw new IllegalArgumentException("metric key is empty");
        }
    }

    /** A metric whose key is the text {@code key} (its parts read back by {@link MetricKey#parse(String)}). */
    public Metric(String key, Unit unit, Direction direction, Samples samples) {
        this(MetricKey.parse(key), unit, direction, samples);
    }

    public static Metric of(String key, Unit unit, Direction direction, double... values) {
        return new Metric(key, unit, direction, Samples.of(values));
    }

    public static Metric of(MetricKey key, Unit unit, Direction direction, double... values) {
        return new Metric(key, unit, direction, Samples.of(values));
    }

    /** The key: the text form of {@link #id()}, e.g. {@code jmeter."GET /api/users".elapsed.p95}. */
    public String key() {
        return id.text();
    }

    /** The collector or parser that produced it: the key's first part. */
    public String source() {
        return id.source();
    }

    /** The source part of a metric key: {@code sar} of {@code sar.cpu.all.user}. */
    public static String sourceOf(String key) {
        return MetricKey.parse(key).source();
    }

    public double value() {
        return samples.value();
    }

    /** The same metric with {@code more} samples appended (another iteration). */
    public Metric withMoreSamples(Samples more) {
        return new Metric(id, unit, direction, samples.concat(more));
    }

    /** The same metric measured on {@code host} (a statistics host). */
    public Metric onHost(String host) {
        return new Metric(id.onHost(host), unit, direction, samples);
    }
}
