package io.perftest.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.MetricKey;
import io.perftest.model.Samples;
import io.perftest.model.Unit;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * hyperfine results ({@code --export-json}): per command, {@code <source>.<command>.time} with
 * every run's wall-clock time as samples, and hyperfine's own {@code mean}, {@code stddev},
 * {@code median}, {@code min}, {@code max}, {@code user}, {@code system} (seconds), plus
 * {@code failed_runs} (non-zero exit codes).
 */
public final class HyperfineJsonParser extends AbstractResultParser {

    private static final String[] STATS = {"mean", "stddev", "median", "min", "max", "user", "system"};
    /** Of {@link #STATS}, the mean CPU times (quantities of their own), not statistics of the wall-clock time. */
    private static final Set<String> TIMES = Set.of("user", "system");

    @Override
    public String name() {
        return "hyperfine-json";
    }

    @Override
    public String defaultSource() {
        return "hyperfine";
    }

    @Override
    public String description() {
        return "hyperfine --export-json. Per command: time (every run as a sample), mean, stddev, median, min, max, user,"
                + " system (s), failed_runs";
    }

    @Override
    public String detectionRule() {
        return "a JSON object with \"results\" whose entries have \"command\" and \"times\"";
    }

    @Override
    public int detect(String fileName, byte[] head) {
        String t = new String(head, java.nio.charset.StandardCharsets.UTF_8).stripLeading();
        return t.startsWith("{") && t.contains("\"results\"") && t.contains("\"command\"") ? 90 : 0;
    }

    @Override
    protected void read(InputStream in, String source, ResultSink sink) throws IOException {
        JsonInput.eachElement(in, "results", "an object with a \"results\" array (hyperfine --export-json)", sink,
                (element, line) -> command(element, source, line, sink));
    }

    private static void command(JsonNode r, String source, long line, ResultSink sink) {
        String command = r.path("command").asText("");
        if (command.isEmpty()) {
            sink.problems().add(line, "result without \"command\"; skipped");
            return;
        }
        MetricKey key = MetricKey.of(source).label(command);
        DoubleList times = new DoubleList();
        for (JsonNode t : r.path("times")) {
            if (t.isNumber()) {
                times.add(t.doubleValue());
            }
        }
        if (times.size() > 0) {
            sink.add(new Metric(key.then("time"), Unit.SECONDS, Direction.LOWER_IS_BETTER, Samples.of(times.toArray())));
        }
        for (String stat : STATS) {
            double v = JsonInput.number(r, stat);
            if (!Double.isNaN(v)) {
                sink.add(Metric.of(TIMES.contains(stat) ? key.then(stat) : key.statistic(stat), Unit.SECONDS, Direction.LOWER_IS_BETTER, v));
            }
        }
        if (r.has("exit_codes")) {
            long failed = 0;
            for (JsonNode c : r.path("exit_codes")) {
                if (!c.isNumber() || c.asInt() != 0) {
                    failed++;
                }
            }
            sink.add(Metric.of(key.then("failed_runs"), Unit.COUNT, Direction.LOWER_IS_BETTER, failed));
        }
    }
}
