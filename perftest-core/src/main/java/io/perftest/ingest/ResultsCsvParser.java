package io.perftest.ingest;

import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.MetricKey;
import io.perftest.model.Samples;
import io.perftest.model.Unit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code results.csv}: one summary metric a row, {@code key,value[,unit]}, an optional header
 * row, units in the third column or in the key ({@code latency (ms)}, {@code AvgLatency-ms}).
 * A key that appears on several rows gets one sample per row. The key is the user's own name: its
 * dots separate parts ({@code db.query.time} -> {@code results.db.query.time}), and a part of other
 * characters than letters, digits, '_' and '-' is kept verbatim in quotes ({@code latency p95} ->
 * {@code results."latency p95"}).
 */
public final class ResultsCsvParser implements ResultParser {

    public static final String FILE_NAME = "results.csv";

    @Override
    public String name() {
        return "results-csv";
    }

    @Override
    public String defaultSource() {
        return "results";
    }

    @Override
    public String description() {
        return "Summary metrics, one 'key,value[,unit]' row each (Daytona's results.csv). Metrics: <source>.<key>.";
    }

    @Override
    public String detectionRule() {
        return "file named results.csv; or rows of two or three comma-separated fields whose second is a number";
    }

    @Override
    public int detect(String fileName, byte[] head) {
        if (fileName.equalsIgnoreCase(FILE_NAME)) {
            return 100;
        }
        List<String> lines = HeadLines.of(head, 10).stream().filter(l -> !l.startsWith("#")).toList(); // parse() skips comments too
        if (lines.isEmpty()) {
            return 0;
        }
        int numeric = 0;
        for (String l : lines) {
            String[] f = l.split(",", -1);
            if (f.length < 2 || f.length > 3 || f.length == 3 && isNumber(f[2])) {
                return 0; // a third column holds a unit; a number there makes it a time series (time,a,b)
            }
            try {
                Numbers.parseDouble(f[1]);
                numeric++;
            } catch (NumberFormatException e) {
                // a header row
            }
        }
        return numeric >= Math.max(1, lines.size() - 1) ? 30 : 0;
    }

    private static boolean isNumber(String text) {
        try {
            Numbers.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public ParseResult parse(Path file, String source) throws IOException {
        Problems problems = new Problems(file.toString());
        Map<MetricKey, List<Double>> values = new LinkedHashMap<>();
        Map<MetricKey, Unit> units = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); CsvReader csv = new CsvReader(in, ',', 1 << 16)) {
            boolean first = true;
            while (csv.next()) {
                if (csv.lastRecordTooLong()) {
                    problems.add(csv.line(), "line longer than 64 KiB, skipped");
                    continue;
                }
                if (csv.isBlank() || csv.field(0).startsWith("#")) {
                    continue;
                }
                if (csv.fieldCount() < 2) {
                    problems.add(csv.line(), "expected 'key,value[,unit]', found '" + csv.recordText() + "'");
                    continue;
                }
                String key = csv.trimmed(0);
                double v;
                try {
                    v = csv.number(1);
                } catch (NumberFormatException e) {
                    if (!first) {
                        problems.add(csv.line(), "value of '" + key + "' is " + e.getMessage() + "; metric skipped");
                    }
                    first = false;
                    continue;
                }
                first = false;
                if (key.isEmpty()) {
                    problems.add(csv.line(), "empty key");
                    continue;
                }
                boolean unitColumn = csv.fieldCount() >= 3 && !csv.isEmpty(2);
                MetricNames.NameAndUnit nu = MetricNames.split(key, !unitColumn);
                Unit unit = unitColumn ? Unit.parse(csv.trimmed(2)) : nu.unit();
                MetricKey metricKey = MetricKey.of(source).name(nu.name());
                values.computeIfAbsent(metricKey, k -> new ArrayList<>()).add(v);
                units.putIfAbsent(metricKey, unit);
            }
            if (csv.unterminatedQuote()) {
                problems.add(csv.line(), "file ends inside a quoted field (truncated?)");
            }
        }
        if (values.isEmpty() && problems.count() == 0) {
            problems.addFileProblem("no metrics found (expected 'key,value' rows)");
        }
        List<Metric> metrics = new ArrayList<>();
        values.forEach((key, list) -> {
            Unit unit = units.get(key);
            metrics.add(new Metric(key, unit, Direction.guess(String.join(".", key.parts()), unit),
                    Samples.of(list.stream().mapToDouble(Double::doubleValue).toArray())));
        });
        return new ParseResult(metrics, List.of(), problems.kept(), problems.count());
    }
}
