package io.perftest.model;

import java.util.Arrays;

/**
 * The measured values of one metric, one per iteration (or per raw observation), with their
 * statistics. Immutable.
 */
public final class Samples {

    private final double[] values;
    private final Statistics statistics;

    private Samples(double[] values, Statistics statistics) {
        this.values = values;
        this.statistics = statistics;
    }

    public static Samples of(double... values) {
        double[] copy = values.clone();
        return new Samples(copy, Statistics.of(copy));
    }

    /**
     * Samples known only by their statistics (e.g. a percentile computed from a histogram of a
     * million requests): {@link #values()} is empty but {@link #statistics()} is kept.
     */
    public static Samples summarized(Statistics statistics) {
        return new Samples(new double[0], statistics);
    }

    /** The raw values; empty when only statistics are known. */
    public double[] values() {
        return values.clone();
    }

    public int size() {
        return values.length;
    }

    public boolean hasValues() {
        return values.length > 0;
    }

    public Statistics statistics() {
        return statistics;
    }

    /** The representative value: the median of the samples. */
    public double value() {
        return statistics.median();
    }

    /**
     * These samples followed by {@code other}'s. A side known only by its statistics (a
     * percentile from a histogram) counts as one sample, its value: merging iterations then
     * gives one sample per iteration.
     */
    public Samples concat(Samples other) {
        Samples a = asValues();
        Samples b = other.asValues();
        if (!b.hasValues()) {
            return a;
        }
        if (!a.hasValues()) {
            return b;
        }
        double[] all = Arrays.copyOf(a.values, a.values.length + b.values.length);
        System.arraycopy(b.values, 0, all, a.values.length, b.values.length);
        return new Samples(all, Statistics.of(all));
    }

    /** These samples as raw values: themselves, or their value as one sample (none if unknown). */
    private Samples asValues() {
        if (hasValues()) {
            return this;
        }
        double v = value();
        return Double.isNaN(v) ? this : Samples.of(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Samples s && Arrays.equals(s.values, values) && s.statistics.equals(statistics);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + statistics.hashCode();
    }

    @Override
    public String toString() {
        return values.length > 0 ? Arrays.toString(values) : statistics.toString();
    }
}
