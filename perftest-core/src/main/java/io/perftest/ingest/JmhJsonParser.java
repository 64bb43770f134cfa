package io.perftest.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.MetricKey;
import io.perftest.model.Samples;
import io.perftest.model.Unit;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;

/**
 * JMH results in JSON ({@code -rf json}): an array with one object per benchmark, mode and
 * parameter set. Each gives {@code <source>.<Class_method>[-param_value...].<mode>.score} with
 * the raw iteration scores as its samples (their mean is JMH's score), {@code .score_error}
 * (JMH's 99.9% half-width), and one metric per secondary result (profilers, @AuxCounters).
 */
public final class JmhJsonParser extends AbstractResultParser {

    @Override
    public String name() {
        return "jmh-json";
    }

    @Override
    public String defaultSource() {
        return "jmh";
    }

    @Override
    public String description() {
        return "JMH results, -rf json. Per benchmark, params and mode: score (raw iteration scores as samples), score_error,"
                + " and secondary metrics; unit from scoreUnit, higher is better for thrpt";
    }

    @Override
    public String detectionRule() {
        return "a JSON array whose first object has \"jmhVersion\" or \"benchmark\" and \"primaryMetric\"";
    }

    @Override
    public int detect(String fileName, byte[] head) {
        String t = new String(head, java.nio.charset.StandardCharsets.UTF_8).stripLeading();
        if (!t.startsWith("[")) {
            return 0;
        }
        return t.contains("\"jmhVersion\"") || t.contains("\"benchmark\"") && t.contains("\"mode\"") ? 95 : 0;
    }

    @Override
    protected void read(InputStream in, String source, ResultSink sink) throws IOException {
        JsonInput.eachElement(in, null, "a JSON array of benchmark results (jmh -rf json)", sink,
                (element, line) -> benchmark(element, source, line, sink));
    }

    private static void benchmark(JsonNode b, String source, long line, ResultSink sink) {
        JsonNode primary = b.get("primaryMetric");
        String benchmark = b.path("benchmark").asText("");
        if (benchmark.isEmpty() || primary == null || !primary.isObject()) {
            sink.problems().add(line, "benchmark result without \"benchmark\" or \"primaryMetric\"; skipped");
            return;
        }
        String mode = b.path("mode").asText("thrpt");
        StringBuilder label = new StringBuilder(label(benchmark));
        JsonNode params = b.get("params");
        if (params != null && params.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                label.append('-').append(e.getKey()).append('_').append(e.getValue().asText());
            }
        }
        MetricKey key = MetricKey.of(source).label(label.toString()).then(mode);
        Direction direction = mode.equals("thrpt") ? Direction.HIGHER_IS_BETTER : Direction.LOWER_IS_BETTER;
        if (!result(primary, key.then("score"), direction, sink, line)) {
            return;
        }
        double error = JsonInput.number(primary, "scoreError");
        if (!Double.isNaN(error)) {
            sink.add(Metric.of(key.then("score_error"), Unit.parse(primary.path("scoreUnit").asText("")), Direction.LOWER_IS_BETTER, error));
        }
        JsonNode secondary = b.get("secondaryMetrics");
        if (secondary != null && secondary.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = secondary.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String name = MetricKey.foldedPart(e.getKey());
                Unit unit = Unit.parse(e.getValue().path("scoreUnit").asText(""));
                result(e.getValue(), key.then(name), Direction.guess(e.getKey(), unit), sink, line);
            }
        }
    }

    private static boolean result(JsonNode r, MetricKey key, Direction direction, ResultSink sink, long line) {
        double score = JsonInput.number(r, "score");
        if (Double.isNaN(score)) {
            sink.problems().add(line, key + ": \"score\" is missing or not a number; skipped");
            return false;
        }
        Unit unit = Unit.parse(r.path("scoreUnit").asText(""));
        DoubleList raw = new DoubleList();
        for (JsonNode fork : r.path("rawData")) {
            for (JsonNode v : fork) {
                if (v.isNumber()) {
                    raw.add(v.doubleValue());
                }
            }
        }
        Samples samples = raw.size() > 0 ? Samples.of(raw.toArray()) : Samples.of(score);
        sink.add(new Metric(key, unit, direction, samples));
        return true;
    }

    /**
     * The label of a benchmark: its class and method ({@code io.perftest.bench.JtlBench.aggregate} ->
     * {@code JtlBench_aggregate}), then each parameter as {@code -name_value}, verbatim (quoted in
     * the key when a value is not plain: {@code jmh."Q_run-ratio_0.5".thrpt.score}).
     */
    static String label(String benchmark) {
        int last = benchmark.lastIndexOf('.');
        int previous = last > 0 ? benchmark.lastIndexOf('.', last - 1) : -1;
        return benchmark.substring(previous + 1).replace('.', '_');
    }
}
