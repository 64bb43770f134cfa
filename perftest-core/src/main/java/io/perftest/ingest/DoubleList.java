package io.perftest.ingest;

import java.util.Arrays;

/** A growable array of doubles, for series read from large files without boxing. */
public final class DoubleList {

    private double[] values = new double[64];
    private int size;

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

    public double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
