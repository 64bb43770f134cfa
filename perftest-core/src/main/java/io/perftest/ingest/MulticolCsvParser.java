package io.perftest.ingest;

import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.Samples;
import io.perftest.model.Series;
import io.perftest.model.Unit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

    @Override
    public ParseResult parse(Path file, String source) throws IOException {
        Problems problems = new Problems(file.toString());
        List<String> names = new ArrayList<>();
        List<Unit> units = new ArrayList<>();
        DoubleList times = new DoubleList();
        List<DoubleList> values = new ArrayList<>();
        Timestamps kind = null;
        boolean rowNumbers = false;
        int firstValue = 1;
        long row = 0;
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
                    continue;
                }
                if (row == 0) {
                    kind = Timestamps.kindOf(csv.field(0));
                    rowNumbers = kind == null || COLUMN_N.matcher(names.get(0)).matches();
                    firstValue = rowNumbers ? 0 : 1;
                    for (int c = firstValue; c < names.size(); c++) {
                        values.add(new DoubleList());
                    }
                }
                double t;
                if (rowNumbers) {
                    t = row + 1;
                } else {
                    try {
                        t = time(csv, kind);
                    } catch (RuntimeException e) {
                        problems.add(csv.line(), "time '" + csv.trimmed(0) + "' is not a timestamp of the first row's kind ("
                                + kind.name().toLowerCase(java.util.Locale.ROOT) + "); row skipped");
                        continue;
                    }
                }
                row++;
                int n = csv.fieldCount();
                if (n != names.size()) {
                    problems.add(csv.line(), "expected " + names.size() + " columns as in the header, found "
                            + n + "; the values that fit the header are kept");
                    n = Math.min(n, names.size());
                }
                times.add(t);
                for (int c = firstValue; c < names.size(); c++) {
                    double v = Double.NaN;
                    if (c < n && !csv.isEmpty(c)) {
                        try {
                            v = value(csv, c, units);
                        } catch (NumberFormatException e) {
                            problems.add(csv.line(), "column '" + names.get(c) + "': " + e.getMessage() + "; value skipped");
                        }
                    }
                    values.get(c - firstValue).add(v);
                }
            }
            if (csv.unterminatedQuote()) {
                problems.add(csv.line(), "file ends inside a quoted field (truncated?)");
            }
        }
        if (names.isEmpty()) {
            problems.addFileProblem("empty file (expected a header row and rows of numbers)");
        } else if (row == 0) {
            problems.addFileProblem("a header but no rows of data");
        }
        boolean epoch = !rowNumbers && kind != null && kind.isEpoch();
        double[] allTimes = times.toArray();
        List<Series> series = new ArrayList<>();
        List<Metric> metrics = new ArrayList<>();
        for (int s = 0; s < values.size(); s++) {
            double[] column = values.get(s).toArray();
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
            String name = names.get(s + firstValue);
            String key = source + "." + name;
            Unit unit = units.get(s + firstValue);
            series.add(Series.of(key, "", unit, epoch, t, v));
            Direction d = Direction.guess(name, unit);
            metrics.add(new Metric(key + ".mean", unit, d, Samples.of(sum / present)));
            metrics.add(new Metric(key + ".max", unit, d, Samples.of(max)));
        }
        return new ParseResult(metrics, series, problems.kept(), problems.count());
    }

    /** The number in column {@code c}; a trailing '%' (sar's docker and per-process files: {@code 0.04%}) makes the column percent. */
    private static double value(CsvReader csv, int c, List<Unit> units) {
        try {
            return csv.number(c);
        } catch (NumberFormatException e) {
            String t = csv.trimmed(c);
            if (!t.endsWith("%") || !units.get(c).equals(Unit.NONE) && !units.get(c).equals(Unit.PERCENT)) {
                throw e;
            }
            double v = Numbers.parseDouble(withoutPercent(t));
            units.set(c, Unit.PERCENT);
            return v;
        }
    }

    private static String withoutPercent(String text) {
        String t = text.strip();
        return t.endsWith("%") ? t.substring(0, t.length() - 1) : t;
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
}
