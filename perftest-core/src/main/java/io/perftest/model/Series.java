package io.perftest.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * A time series within a run (a multicol.csv column, a sar counter): times in seconds, either
 * since the epoch ({@link #epoch()}) or since the start of the test, and one value per time.
 * {@code host} names the machine it was measured on ("" when not host-specific).
 */
public final class Series {

    private final String key;
    private final String host;
    private final Unit unit;
    private final boolean epoch;
    private final double[] times;
    private final double[] values;

    private Series(String key, String host, Unit unit, boolean epoch, double[] times, double[] values) {
        this.key = Objects.requireNonNull(key);
        this.host = Objects.requireNonNull(host);
        this.unit = Objects.requireNonNull(unit);
        this.epoch = epoch;
        if (times.length != values.length) {
            throw new IllegalArgumentException("series " + key + ": " + times.length + " times but " + values.length + " values");
        }
        this.times = times;
        this.values = values;
    }

    public static Series of(String key, String host, Unit unit, boolean epoch, double[] times, double[] values) {
        return new Series(key, host, unit, epoch, times.clone(), values.clone());
    }

    public String key() {
        return key;
    }

    public String host() {
        return host;
    }

    public Unit unit() {
        return unit;
    }

    public boolean epoch() {
        return epoch;
    }

    public int size() {
        return times.length;
    }

    public double time(int i) {
        return times[i];
    }

    public double value(int i) {
        return values[i];
    }

    public double[] times() {
        return times.clone();
    }

    public double[] values() {
        return values.clone();
    }

    /** The same series attributed to {@code newHost}. */
    public Series onHost(String newHost) {
        return new Series(key, newHost, unit, epoch, times, values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s && s.key.equals(key) && s.host.equals(host) && s.unit.equals(unit)
                && s.epoch == epoch && Arrays.equals(s.times, times) && Arrays.equals(s.values, values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, host, unit, epoch, Arrays.hashCode(times), Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "Series[" + key + (host.isEmpty() ? "" : "@" + host) + ", " + times.length + " points]";
    }
}
