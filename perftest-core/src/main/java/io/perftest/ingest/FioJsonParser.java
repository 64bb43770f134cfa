package io.perftest.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.MetricKey;
import io.perftest.model.Unit;

import java.io.IOException;
import java.io.InputStream;

/**
 * fio results ({@code --output-format=json}): per job and direction (read, write, trim) that did
 * any I/O, {@code <source>.<job>.<dir>.iops}, {@code .bw} (bytes/s), {@code .io_bytes},
 * {@code .clat.mean|stddev|min|max|p50|p90|p95|p99|p99_9} and {@code .lat.mean} (microseconds,
 * from fio's nanoseconds), plus {@code <source>.<job>.errors}, {@code .usr_cpu}, {@code .sys_cpu}.
 */
public final class FioJsonParser extends AbstractResultParser {

    private static final String[] DIRECTIONS = {"read", "write", "trim"};
    private static final String[] PERCENTILE_KEYS = {"50.000000", "90.000000", "95.000000", "99.000000", "99.900000"};
    private static final String[] PERCENTILE_NAMES = {"p50", "p90", "p95", "p99", "p99_9"};

    @Override
    public String name() {
        return "fio-json";
    }

    @Override
    public String defaultSource() {
        return "fio";
    }

    @Override
    public String description() {
        return "fio --output-format=json. Per job and read|write|trim: iops, bw (B/s), io_bytes,"
                + " clat.mean|stddev|min|max|p50|p90|p95|p99|p99_9 and lat.mean (us); per job errors, usr_cpu, sys_cpu";
    }

    @Override
    public String detectionRule() {
        return "a JSON object starting with \"fio version\" (or holding \"jobs\" with \"jobname\"), after any lines of"
                + " text fio printed first";
    }

    @Override
    public int detect(String fileName, byte[] head) {
        int json = JsonInput.firstObjectLine(head);
        if (json < 0) {
            return 0;
        }
        String t = new String(head, json, head.length - json, java.nio.charset.StandardCharsets.UTF_8);
        return t.contains("\"fio version\"") ? 95 : t.contains("\"jobs\"") && t.contains("\"jobname\"") ? 70 : 0;
    }

    @Override
    protected void read(InputStream in, String source, ResultSink sink) throws IOException {
        // fio may print job descriptions ("a: (g=0): rw=write, ...") and notes before its JSON
        JsonInput.eachElement(JsonInput.fromFirstObjectLine(in), "jobs", "an object with a \"jobs\" array (fio --output-format=json)", sink,
                (element, line) -> job(element, source, line, sink));
    }

    private static void job(JsonNode job, String source, long line, ResultSink sink) {
        String name = job.path("jobname").asText("");
        if (name.isEmpty()) {
            sink.problems().add(line, "job without \"jobname\"; skipped");
            return;
        }
        MetricKey key = MetricKey.of(source).label(name);
        Unit bytesPerSecond = Unit.parse("B/s");
        for (String dir : DIRECTIONS) {
            JsonNode d = job.get(dir);
            if (d == null || d.path("total_ios").asLong(0) == 0) {
                continue;
            }
            MetricKey k = key.then(dir);
            sink.add(Metric.of(k.then("iops"), Unit.PER_SECOND, Direction.HIGHER_IS_BETTER, JsonInput.number(d, "iops")));
            sink.add(Metric.of(k.then("bw"), bytesPerSecond, Direction.HIGHER_IS_BETTER, JsonInput.number(d, "bw_bytes")));
            sink.add(Metric.of(k.then("io_bytes"), Unit.BYTES, Direction.NEUTRAL, JsonInput.number(d, "io_bytes")));
            JsonNode clat = d.path("clat_ns");
            for (String stat : new String[] {"mean", "stddev", "min", "max"}) {
                double ns = JsonInput.number(clat, stat);
                if (!Double.isNaN(ns)) {
                    sink.add(Metric.of(k.then("clat").statistic(stat), Unit.MICROSECONDS, Direction.LOWER_IS_BETTER, ns / 1000));
                }
            }
            JsonNode percentiles = clat.path("percentile");
            for (int i = 0; i < PERCENTILE_KEYS.length; i++) {
                double ns = JsonInput.number(percentiles, PERCENTILE_KEYS[i]);
                if (!Double.isNaN(ns)) {
                    sink.add(Metric.of(k.then("clat").statistic(PERCENTILE_NAMES[i]), Unit.MICROSECONDS, Direction.LOWER_IS_BETTER, ns / 1000));
                }
            }
            double lat = JsonInput.number(d.path("lat_ns"), "mean");
            if (!Double.isNaN(lat)) {
                sink.add(Metric.of(k.then("lat").statistic("mean"), Unit.MICROSECONDS, Direction.LOWER_IS_BETTER, lat / 1000));
            }
        }
        sink.add(Metric.of(key.then("errors"), Unit.COUNT, Direction.LOWER_IS_BETTER, job.path("error").asDouble(0)));
        for (String cpu : new String[] {"usr_cpu", "sys_cpu"}) {
            double v = JsonInput.number(job, cpu);
            if (!Double.isNaN(v)) {
                sink.add(Metric.of(key.then(cpu), Unit.PERCENT, Direction.LOWER_IS_BETTER, v));
            }
        }
    }
}
