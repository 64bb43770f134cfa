package io.perftest.collect;

import io.perftest.ingest.ParseResult;
import io.perftest.ingest.Problems;
import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.Unit;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the syscall summary of {@code strace -c} (or the one {@code strace -C} appends after the
 * trace) into {@code strace.<syscall>.calls|errors|seconds} and {@code strace.total.*}. A file
 * without a summary, or one cut short before its total line, is reported with its line.
 */
public final class StraceSummaryParser {

    private final String prefix;

    public StraceSummaryParser(String prefix) {
        this.prefix = prefix;
    }

    public ParseResult parse(Path file, String displayName) throws IOException {
        Problems problems = new Problems(displayName);
        List<Metric> metrics = new ArrayList<>();
        boolean header = false;
        boolean total = false;
        long lineNo = 0;
        long headerLine = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                String t = line.trim();
                if (t.startsWith("% time")) {
                    header = true;
                    headerLine = lineNo;
                    metrics.clear(); // a later summary (strace -C prints one at the end) wins
                    total = false;
                    continue;
                }
                if (!header || t.isEmpty() || t.startsWith("---")) {
                    continue;
                }
                String[] f = t.split("\\s+");
                if (f.length != 5 && f.length != 6) {
                    problems.add(lineNo, "not a row of the syscall summary (expected % time, seconds, usecs/call, calls, [errors,] syscall): skipped");
                    continue;
                }
                try {
                    double seconds = Double.parseDouble(f[1]);
                    long calls = Long.parseLong(f[3]);
                    long errors = f.length == 6 ? Long.parseLong(f[4]) : 0;
                    String syscall = f[f.length - 1];
                    metrics.add(Metric.of(prefix + "." + syscall + ".calls", Unit.COUNT, Direction.LOWER_IS_BETTER, calls));
                    metrics.add(Metric.of(prefix + "." + syscall + ".errors", Unit.COUNT, Direction.LOWER_IS_BETTER, errors));
                    metrics.add(Metric.of(prefix + "." + syscall + ".seconds", Unit.SECONDS, Direction.LOWER_IS_BETTER, seconds));
                    if (syscall.equals("total")) {
                        total = true;
                    }
                } catch (NumberFormatException e) {
                    problems.add(lineNo, "a number of the syscall summary does not parse (" + e.getMessage() + "): the row is cut short; skipped");
                }
            }
        }
        if (lineNo == 0) {
            problems.addFileProblem("empty: strace wrote nothing (it was killed before its report, or traced nothing)");
        } else if (!header) {
            problems.addFileProblem("holds no syscall summary ('% time' table): strace was stopped before writing it");
        } else if (!total) {
            problems.add(headerLine, "the syscall summary is cut short (no total line): " + metrics.size() / 3
                    + " syscall(s) read are kept");
        }
        return new ParseResult(metrics, List.of(), problems.kept(), problems.count());
    }
}
