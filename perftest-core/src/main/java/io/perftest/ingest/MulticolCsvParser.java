package io.perftest.ingest;

import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.MetricKey;
import io.perftest.model.Samples;
import io.perftest.model.Series;
import io.perftest.model.Unit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code multicol.csv}: a header row, then one row per point in time; the first column is a
 * timestamp or elapsed seconds, the others numeric series. Each column becomes a series
 * {@code <source>.<column>} and summary metrics {@code <source>.<column>.mean} and {@code .max}.
 * If the first column is not a time (Daytona's {@code Col1, Col2, ...} files), the row number is.
 */
public final class MulticolCsvParser implements ResultParser {

    private static final Pattern COLUMN_N = Pattern.compile("(?i)col(umn)?_?\\d+");

    public static final String FILE_NAME = "multicol.csv";

    @Override
    public String name() {
        return "multicol-csv";
    }

    @Override
    public String defaultSource() {
        return "multicol";
    }

    @Override
    public String description() {
        return "Time series, a header row then one row per time: the first column a timestamp or elapsed seconds,"
                + " the rest numeric (Daytona's multicol.csv). Series <source>.<column>; metrics <source>.<column>.mean|max.";
    }

    @Override
    public String detectionRule() {
        return "file named multicol.csv; or a header row over rows of three or more comma-separated numbers";
    }

    @Override
    public int detect(String fileName, byte[] head) {
        if (fileName.equalsIgnoreCase(FILE_NAME)) {
            return 100;
        }
        List<String> lines = HeadLines.of(head, 6);
        if (lines.size() < 2) {
            return 0;
        }
        int columns = lines.get(0).split(",", -1).length;
        if (columns < 3) {
            return 0;
        }
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",", -1);
            if (f.length != columns || Timestamps.kindOf(f[0]) == null) {
                return 0;
            }
            for (int i = 1; i < f.length; i++) {
                try {
                    Numbers.parseDouble(withoutPercent(f[i]));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 25;
    }

    private final long partSize;
    private final int cores;

    public MulticolCsvParser() {
        this(LineParts.MIN_PART, Runtime.getRuntime().availableProcessors());
    }

    /** A parser that reads files of at least two {@code partSize} parts on up to {@code cores} threads. */
    MulticolCsvParser(long partSize, int cores) {
        this.partSize = partSize;
        this.cores = cores;
    }

    /** What the header and the first data row say about the file. */
    private record Layout(List<String> names, List<Unit> units, Timestamps kind, boolean rowNumbers, int firstValue,
                          long rowBytes) {
    }

    /** The rows of a part (or of the whole file): one time and one value (NaN when absent) per column a row. */
    private static final class Rows {
        final DoubleList times;
        final List<DoubleList> values = new ArrayList<>();
        /** Columns whose values had a trailing '%' (sar's per-process files): their unit is %. */
        final Set<Integer> percent = new HashSet<>();
        long count;

        /** Rows with room for about {@code expected} rows (so that large files do not grow their arrays many times). */
        Rows(Layout layout, int expected) {
            times = new DoubleList(expected);
            for (int c = layout.firstValue(); c < layout.names().size(); c++) {
                values.add(new DoubleList(expected));
            }
        }
    }

    /** The parts' rows put together: times (renumbered for files without a time column) and one array per column. */
    private record Columns(double[] times, List<double[]> values, Set<Integer> percent) {

        static Columns of(List<Rows> parts, boolean renumber) {
            int total = 0;
            for (Rows r : parts) {
                total += r.times.size();
            }
            double[] times = new double[total];
            List<double[]> values = new ArrayList<>();
            for (int c = 0; c < parts.get(0).values.size(); c++) {
                values.add(new double[total]);
            }
            Set<Integer> percent = new HashSet<>();
            int at = 0;
            long rowsBefore = 0;
            for (Rows r : parts) {
                r.times.copyTo(times, at);
                if (renumber && rowsBefore > 0) {
                    for (int i = at; i < at + r.times.size(); i++) {
                        times[i] += rowsBefore;
                    }
                }
                for (int c = 0; c < values.size(); c++) {
                    r.values.get(c).copyTo(values.get(c), at);
                }
                percent.addAll(r.percent);
                at += r.times.size();
                rowsBefore += r.count;
            }
            return new Columns(times, values, percent);
        }
    }

    @Override
    public ParseResult parse(Path file, String source) throws IOException {
        Problems problems = new Problems(file.toString());
        Layout layout = null;
        long from = 0;
        long linesBefore = 0;
        List<String> names = new ArrayList<>();
        List<Unit> units = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); CsvReader csv = new CsvReader(in, ',')) {
            while (csv.next()) {
                if (csv.lastRecordTooLong()) {
                    problems.add(csv.line(), "line longer than 1 MiB, skipped");
                    continue;
                }
                if (csv.isBlank()) {
                    continue;
                }
                if (names.isEmpty()) {
                    header(csv, names, units, problems);
                    from = csv.consumed();
                    linesBefore = csv.linesConsumed();
                    continue;
                }
                Timestamps kind = Timestamps.kindOf(csv.field(0));
                boolean rowNumbers = kind == null || COLUMN_N.matcher(names.get(0)).matches();
                layout = new Layout(List.copyOf(names), List.copyOf(units), rowNumbers ? null : kind, rowNumbers,
                        rowNumbers ? 0 : 1, csv.consumed() - from);
                break;
            }
        }
        if (names.isEmpty()) {
            problems.addFileProblem("empty file (expected a header row and rows of numbers)");
            return new ParseResult(List.of(), List.of(), problems.kept(), problems.count());
        }
        if (layout == null) {
            problems.addFileProblem("a header but no rows of data");
            return new ParseResult(List.of(), List.of(), problems.kept(), problems.count());
        }
        Columns rows = rows(file, layout, from, linesBefore, problems);
        rows.percent().forEach(c -> units.set(c, Unit.PERCENT));
        return build(source, layout, units, rows, problems);
    }

    /** Reads the rows after the header: in parts on several threads when the file is large, else in one pass. */
    private Columns rows(Path file, Layout layout, long from, long linesBefore, Problems problems) throws IOException {
        long size = Files.size(file) - from;
        int parts = LineParts.count(size, partSize, cores);
        if (parts > 1) {
            Problems partProblems = new Problems(file.toString());
            Optional<List<Rows>> read = LineParts.read(file, from, linesBefore, parts, ',', partProblems,
                    (csv, length, p) -> scan(csv, length, layout, p, expectedRows(length, layout)));
            if (read.isPresent()) {
                problems.absorb(partProblems, 0);
                return Columns.of(read.get(), layout.rowNumbers());
            }
        }
        try (FileChannel ch = FileChannel.open(file)) {
            ch.position(from);
            try (CsvReader csv = new CsvReader(Channels.newInputStream(ch), ',')) {
                Problems rest = new Problems(file.toString());
                Rows all = scan(csv, Long.MAX_VALUE, layout, rest, expectedRows(size, layout));
                problems.absorb(rest, linesBefore);
                return Columns.of(List.of(all), false);
            }
        }
    }

    /**
     * About how many rows {@code bytes} of the file hold (from the first data row's length), so
     * the arrays rarely grow; never more than 2^24 values (128 MiB) over all columns up front.
     */
    private static int expectedRows(long bytes, Layout layout) {
        long cap = (1L << 24) / (layout.names().size() + 1);
        return (int) Math.min(cap, bytes / Math.max(8, layout.rowBytes()) + 64);
    }

    /** Reads rows until {@code length} bytes are consumed; row numbers (for files without a time column) count from 1. */
    private static Rows scan(CsvReader csv, long length, Layout layout, Problems problems, int expected) throws IOException {
        Rows rows = new Rows(layout, expected);
        List<String> names = layout.names();
        while (csv.consumed() < length && csv.next()) {
            if (csv.lastRecordTooLong()) {
                problems.add(csv.line(), "line longer than 1 MiB, skipped");
                continue;
            }
            if (csv.isBlank()) {
                continue;
            }
            double t;
            if (layout.rowNumbers()) {
                t = rows.count + 1;
            } else {
                try {
                    t = time(csv, layout.kind());
                } catch (RuntimeException e) {
                    problems.add(csv.line(), "time '" + csv.trimmed(0) + "' is not a timestamp of the first row's kind ("
                            + layout.kind().name().toLowerCase(java.util.Locale.ROOT) + "); row skipped");
                    continue;
                }
            }
            rows.count++;
            int n = csv.fieldCount();
            if (n != names.size()) {
                problems.add(csv.line(), "expected " + names.size() + " columns as in the header, found "
                        + n + "; the values that fit the header are kept");
                n = Math.min(n, names.size());
            }
            rows.times.add(t);
            for (int c = layout.firstValue(); c < names.size(); c++) {
                double v = Double.NaN;
                if (c < n && !csv.isEmpty(c)) {
                    try {
                        v = value(csv, c, layout.units(), rows.percent);
                    } catch (NumberFormatException e) {
                        problems.add(csv.line(), "column '" + names.get(c) + "': " + e.getMessage() + "; value skipped");
                    }
                }
                rows.values.get(c - layout.firstValue()).add(v);
            }
        }
        if (csv.unterminatedQuote()) {
            problems.add(csv.line(), "file ends inside a quoted field (truncated?)");
        }
        return rows;
    }

    private static ParseResult build(String source, Layout layout, List<Unit> units, Columns rows, Problems problems) {
        boolean epoch = !layout.rowNumbers() && layout.kind().isEpoch();
        double[] allTimes = rows.times();
        List<Series> series = new ArrayList<>();
        List<Metric> metrics = new ArrayList<>();
        for (int s = 0; s < rows.values().size(); s++) {
            double[] column = rows.values().get(s);
            int present = 0;
            double sum = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (double x : column) {
                if (!Double.isNaN(x)) {
                    present++;
                    sum += x;
                    max = Math.max(max, x);
                }
            }
            if (present == 0) {
                continue;
            }
            double[] t = allTimes;
            double[] v = column;
            if (present < column.length) {
                t = new double[present];
                v = new double[present];
                for (int i = 0, k = 0; i < column.length; i++) {
                    if (!Double.isNaN(column[i])) {
                        t[k] = allTimes[i];
                        v[k++] = column[i];
                    }
                }
            }
            String name = layout.names().get(s + layout.firstValue());
            MetricKey key = MetricKey.of(source).name(name);
            Unit unit = units.get(s + layout.firstValue());
            series.add(Series.of(key.text(), "", unit, epoch, t, v));
            Direction d = Direction.guess(name, unit);
            metrics.add(new Metric(key.statistic("mean"), unit, d, Samples.of(sum / present)));
            metrics.add(new Metric(key.statistic("max"), unit, d, Samples.of(max)));
        }
        return new ParseResult(metrics, series, problems.kept(), problems.count());
    }

    /** The time of the current row: numbers straight from the bytes, dates through text. */
    private static double time(CsvReader csv, Timestamps kind) {
        return switch (kind) {
            case ELAPSED, EPOCH_SECONDS -> csv.number(0);
            case EPOCH_MILLIS -> csv.number(0) / 1000.0;
            default -> kind.seconds(csv.field(0));
        };
    }

    private static void header(CsvReader csv, List<String> names, List<Unit> units, Problems problems) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < csv.fieldCount(); i++) {
            MetricNames.NameAndUnit nu = MetricNames.split(csv.isEmpty(i) ? "col" + (i + 1) : csv.field(i));
            String n = nu.name();
            if (!seen.add(n)) {
                problems.add(csv.line(), "column name '" + n + "' appears twice; the second is named " + n + "_" + (i + 1));
                n = n + "_" + (i + 1);
            }
            names.add(n);
            units.add(nu.unit());
        }
    }

    /**
     * The number in column {@code c}; a trailing '%' (sar's docker and per-process files:
     * {@code 0.04%}) in a column without another unit makes the column percent (noted in {@code percent}).
     */
    private static double value(CsvReader csv, int c, List<Unit> units, Set<Integer> percent) {
        try {
            return csv.number(c);
        } catch (NumberFormatException e) {
            String t = csv.trimmed(c);
            if (!t.endsWith("%") || !units.get(c).equals(Unit.NONE) && !units.get(c).equals(Unit.PERCENT)) {
                throw e;
            }
            double v = Numbers.parseDouble(withoutPercent(t));
            percent.add(c);
            return v;
        }
    }

    private static String withoutPercent(String text) {
        String t = text.strip();
        return t.endsWith("%") ? t.substring(0, t.length() - 1) : t;
    }
}
