package io.perftest.collect;

import io.perftest.ingest.ParseResult;
import io.perftest.ingest.Problems;
import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.Unit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code perf stat -x,} output (value, unit, event, run time, % running, ...) into
 * {@code perf.<event>} metrics and {@code perf.ipc}. Counters the hardware does not expose
 * ({@code <not supported>}, as on most virtual machines) or that never ran ({@code <not counted>})
 * are listed in {@link Result#unavailable()}: not available on this host, not a failure.
 */
public final class PerfStatParser {

    /** The metrics, and the events this host could not count. */
    public record Result(ParseResult parsed, List<String> unavailable) {
    }

    private final String prefix;

    public PerfStatParser(String prefix) {
        this.prefix = prefix;
    }

    public Result parse(Path file, String displayName) throws IOException {
        Problems problems = new Problems(displayName);
        List<Metric> metrics = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        Map<String, Double> values = new LinkedHashMap<>();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(text.lines().toList());
        if (!text.isEmpty() && !text.endsWith("\n")) {
            problems.add(lines.size(), "the last line is cut short (no line end: the file is truncated); skipped");
            lines.set(lines.size() - 1, "");
        }
        long lineNo = 0;
        boolean any = false;
        for (String line : lines) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length < 3) {
                problems.add(lineNo, "not a perf stat -x, row (value,unit,event,...): skipped");
                continue;
            }
            any = true;
            String event = f[2].trim();
            String value = f[0].trim();
            if (value.startsWith("<")) {
                unavailable.add(event);
                continue;
            }
            double v;
            try {
                v = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                problems.add(lineNo, "value '" + value + "' of " + event + " is not a number (the row is cut short?): skipped");
                continue;
            }
            String name = event.replace(':', '_').replace('-', '_').toLowerCase(Locale.ROOT);
            values.put(name, v);
            Unit unit = f[1].trim().equals("msec") ? Unit.MILLISECONDS : Unit.COUNT;
            metrics.add(Metric.of(prefix + "." + name, unit, Direction.LOWER_IS_BETTER, v));
        }
        if (values.containsKey("instructions") && values.containsKey("cycles") && values.get("cycles") > 0) {
            metrics.add(Metric.of(prefix + ".ipc", Unit.NONE, Direction.HIGHER_IS_BETTER, values.get("instructions") / values.get("cycles")));
        }
        if (lines.isEmpty() || !any) {
            problems.addFileProblem(lines.isEmpty() ? "empty: perf stat wrote nothing (killed before its report?)"
                    : "holds no counter row: perf stat was stopped before writing its report");
        }
        return new Result(new ParseResult(metrics, List.of(), problems.kept(), problems.count()), unavailable);
    }
}
