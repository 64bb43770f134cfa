package io.perftest.ingest;

import java.util.Arrays;

/** A growable array of doubles, for series read from large files without boxing. */
public final class DoubleList {

    private double[] values;
    private int size;

    public DoubleList() {
        this(64);
    }

    /** A list with room for {@code expected} values before it grows. */
    public DoubleList(int expected) {
        values = new double[Math.max(16, expected)];
    }

    public void add(double v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = v;
    }

    public int size() {
        return size;
    }

    public double get(int i) {
        return values[i];
    }

    /** Copies the values into {@code dest} from index {@code at}. */
    public void copyTo(double[] dest, int at) {
        System.arraycopy(values, 0, dest, at, size);
    }

    public double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
