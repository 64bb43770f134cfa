package io.perftest.collect;

import io.perftest.ingest.CsvReader;
import io.perftest.ingest.DoubleList;
import io.perftest.ingest.MetricNames;
import io.perftest.ingest.ParseResult;
import io.perftest.ingest.Problems;
import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.Samples;
import io.perftest.model.Series;
import io.perftest.model.Statistics;
import io.perftest.model.Unit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Counters sampled at intervals, as rows (epoch seconds) by columns (metric keys, each with a
 * unit and a direction; a column may start or stop mid-run, e.g. a process that appeared). It is
 * written as a wide CSV ({@code time,key (unit),...}, an empty cell where a column had no value)
 * and read back into series plus one summary metric per column (statistics of its samples).
 * Not thread-safe: one sampler thread fills it.
 */
final class SeriesTable {

    private static final class Column {
        final Unit unit;
        final Direction direction;
        final DoubleList values = new DoubleList();

        Column(Unit unit, Direction direction) {
            this.unit = unit;
            this.direction = direction;
        }
    }

    private final DoubleList times = new DoubleList();
    private final Map<String, Column> columns = new LinkedHashMap<>();

    /** Starts a row at {@code epochSeconds}; the following {@link #put} calls fill it. */
    void startRow(double epochSeconds) {
        times.add(epochSeconds);
    }

    /** A value of the current row; NaN and infinities are left out. */
    void put(String key, Unit unit, Direction direction, double value) {
        if (times.size() == 0) {
            throw new IllegalStateException("put before startRow");
        }
        if (!Double.isFinite(value)) {
            return;
        }
        Column c = columns.computeIfAbsent(key, k -> new Column(unit, direction));
        int row = times.size() - 1;
        while (c.values.size() < row) {
            c.values.add(Double.NaN);
        }
        if (c.values.size() == row) {
            c.values.add(value);
        }
    }

    int rows() {
        return times.size();
    }

    boolean isEmpty() {
        return columns.isEmpty();
    }

    /** The CSV form: {@code time,key (unit),...}, one line per row. */
    byte[] toCsv() {
        StringBuilder b = new StringBuilder("time");
        List<Column> cols = new ArrayList<>(columns.values());
        columns.forEach((k, c) -> b.append(',').append(k).append(c.unit.symbol().isEmpty() ? "" : " (" + c.unit.symbol() + ")"));
        b.append('\n');
        for (int r = 0; r < times.size(); r++) {
            b.append(number(times.get(r)));
            for (Column c : cols) {
                b.append(',');
                if (r < c.values.size() && !Double.isNaN(c.values.get(r))) {
                    b.append(number(c.values.get(r)));
                }
            }
            b.append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(java.util.Locale.ROOT, "%.6f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** Series and summary metrics of every column. */
    ParseResult toResult(String host) {
        List<Series> series = new ArrayList<>();
        List<Metric> metrics = new ArrayList<>();
        columns.forEach((key, c) -> {
            DoubleList t = new DoubleList();
            DoubleList v = new DoubleList();
            for (int r = 0; r < c.values.size(); r++) {
                if (!Double.isNaN(c.values.get(r))) {
                    t.add(times.get(r));
                    v.add(c.values.get(r));
                }
            }
            if (v.size() > 0) {
                series.add(Series.of(key, host, c.unit, true, t.toArray(), v.toArray()));
                metrics.add(new Metric(key, c.unit, c.direction, Samples.summarized(Statistics.of(v.toArray()))));
            }
        });
        return new ParseResult(metrics, series, List.of(), 0);
    }

    /**
     * Reads a file written by {@link #toCsv()}. A missing or empty file, or a row cut short (the
     * sampler died mid-write), is a problem naming the file and line; every complete row is kept.
     */
    static ParseResult readCsv(Path file, String displayName, Function<String, Direction> directions) throws IOException {
        Problems problems = new Problems(displayName);
        SeriesTable table = new SeriesTable();
        if (!Files.exists(file)) {
            problems.addFileProblem("not found: the collector wrote no samples");
            return withProblems(table.toResult(""), problems);
        }
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        if (end > 0 && bytes[end - 1] != '\n') {
            // every row ends with a line end: a last line without one was cut mid-write
            int cut = end;
            while (cut > 0 && bytes[cut - 1] != '\n') {
                cut--;
            }
            long line = 1;
            for (int i = 0; i < cut; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            if (cut > 0) {
                problems.add(line, "the last row has no line end (the file is truncated); row skipped");
                end = cut;
            }
        }
        try (InputStream in = new java.io.ByteArrayInputStream(bytes, 0, end); CsvReader csv = new CsvReader(in, ',')) {
            if (!csv.next() || csv.isBlank()) {
                problems.addFileProblem("empty: the collector wrote no samples");
                return withProblems(table.toResult(""), problems);
            }
            int n = csv.fieldCount();
            List<String> keys = new ArrayList<>();
            List<Unit> units = new ArrayList<>();
            for (int i = 1; i < n; i++) {
                MetricNames.NameAndUnit nu = MetricNames.split(csv.field(i), false);
                keys.add(nu.name());
                units.add(nu.unit());
            }
            while (csv.next()) {
                if (csv.isBlank()) {
                    continue;
                }
                if (csv.fieldCount() != n) {
                    problems.add(csv.line(), "row has " + csv.fieldCount() + " fields, the header " + n
                            + " (a row cut short: the file is truncated); row skipped");
                    continue;
                }
                double time;
                double[] row = new double[n - 1];
                try {
                    time = csv.number(0);
                    for (int i = 1; i < n; i++) {
                        row[i - 1] = csv.isEmpty(i) ? Double.NaN : csv.number(i);
                    }
                } catch (NumberFormatException e) {
                    problems.add(csv.line(), e.getMessage() + "; row skipped");
                    continue;
                }
                table.startRow(time);
                for (int i = 0; i < row.length; i++) {
                    table.put(keys.get(i), units.get(i), directions.apply(keys.get(i)), row[i]);
                }
            }
            if (table.rows() == 0) {
                problems.addFileProblem("holds no complete sample (the collector stopped before its first interval)");
            }
        }
        return withProblems(table.toResult(""), problems);
    }

    static ParseResult withProblems(ParseResult r, Problems problems) {
        return new ParseResult(r.metrics(), r.series(), problems.kept(), problems.count());
    }
}
