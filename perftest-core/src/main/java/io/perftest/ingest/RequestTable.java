package io.perftest.ingest;

import io.perftest.model.Metric;
import io.perftest.model.MetricKey;
import io.perftest.stats.RequestStatistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The {@link RequestStatistics} of a load test by label, looked up by the label's bytes in a CSV
 * record without creating a string per record, plus the total. At most {@value #MAX_LABELS}
 * labels are kept apart (so memory stays bounded when every request has its own label, e.g. a
 * URL with an id); the requests of further labels count in the total only, and that is reported.
 */
public final class RequestTable {

    public static final int MAX_LABELS = 1000;

    /** The part under which a test's totals are reported; a label of that name is quoted ({@code jmeter."total"}). */
    public static final String TOTAL = "total";

    private Entry[] table = new Entry[64];
    private int size;
    private final List<Entry> ordered = new ArrayList<>();
    private final RequestStatistics overflow = new RequestStatistics();
    private boolean overflowed;

    private static final class Entry {
        final byte[] bytes;
        final int hash;
        final String label;
        final RequestStatistics stats = new RequestStatistics();

        Entry(byte[] bytes, int hash, String label) {
            this.bytes = bytes;
            this.hash = hash;
            this.label = label;
        }
    }

    /** The statistics of the label in field {@code field} of the current record of {@code csv}. */
    public RequestStatistics of(CsvReader csv, int field) {
        int hash = csv.fieldHash(field);
        int mask = table.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            Entry e = table[i];
            if (e == null) {
                return add(csv.fieldBytes(field), hash, csv.field(field));
            }
            if (e.hash == hash && csv.fieldEquals(field, e.bytes, 0, e.bytes.length)) {
                return e.stats;
            }
        }
    }

    /** The statistics of {@code label}. */
    public RequestStatistics of(String label) {
        byte[] bytes = label.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int hash = Arrays.hashCode(bytes);
        // Arrays.hashCode starts at 1 and multiplies by 31, like CsvReader.fieldHash
        int mask = table.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            Entry e = table[i];
            if (e == null) {
                return add(bytes, hash, label);
            }
            if (e.hash == hash && Arrays.equals(e.bytes, bytes)) {
                return e.stats;
            }
        }
    }

    private RequestStatistics add(byte[] bytes, int hash, String label) {
        if (size >= MAX_LABELS) {
            overflowed = true;
            return overflow;
        }
        if ((size + 1) * 2 > table.length) {
            Entry[] old = table;
            table = new Entry[old.length * 2];
            for (Entry e : old) {
                if (e != null) {
                    put(e);
                }
            }
        }
        Entry e = new Entry(bytes, hash, label);
        put(e);
        ordered.add(e);
        size++;
        return e.stats;
    }

    private void put(Entry e) {
        int mask = table.length - 1;
        int i = e.hash & mask;
        while (table[i] != null) {
            i = (i + 1) & mask;
        }
        table[i] = e;
    }

    /** Adds everything {@code other} counted (another part of the same file) to this table. */
    public void absorb(RequestTable other) {
        for (Entry e : other.ordered) {
            of(e.label).add(e.stats);
        }
        overflow.add(other.overflow);
        overflowed |= other.overflowed;
    }

    /** Whether more than {@value #MAX_LABELS} labels were seen. */
    public boolean overflowed() {
        return overflowed;
    }

    /** The statistics of all requests. */
    public RequestStatistics total() {
        RequestStatistics total = new RequestStatistics();
        for (Entry e : ordered) {
            total.add(e.stats);
        }
        total.add(overflow);
        return total;
    }

    /**
     * The metrics {@code <source>.<label>.*} of every label, the label kept verbatim (a label of
     * other characters than letters, digits, '_' and '-' is quoted: {@code jmeter."GET /api".count}),
     * and {@code <source>.total.*}. A label spelled {@code total}, or like one of {@code reserved}
     * (names the parser writes at the same place), is quoted so that it stays apart from them.
     */
    public List<Metric> metrics(String source, Set<String> reserved) {
        List<Metric> out = new ArrayList<>();
        MetricKey base = MetricKey.of(source);
        for (Entry e : ordered) {
            boolean taken = e.label.equals(TOTAL) || reserved.contains(e.label);
            e.stats.appendMetrics(taken ? base.quotedLabel(e.label) : base.label(e.label), out);
        }
        total().appendMetrics(base.then(TOTAL), out);
        return out;
    }

    /** {@link #metrics(String, Set)} with no name reserved but {@code total}. */
    public List<Metric> metrics(String source) {
        return metrics(source, Set.of());
    }
}
