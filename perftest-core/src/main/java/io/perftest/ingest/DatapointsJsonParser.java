package io.perftest.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.MetricKey;
import io.perftest.model.Series;
import io.perftest.model.Unit;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Datapoints from many load clients, as JSON Lines: one object per line,
 * {@code {"peer": "load-1", "ts": 1717200000.5, "metrics": {"requests_per_sec": 120, "latency_ms": 12.5}}}.
 * {@code peer} names the client; {@code ts} is epoch seconds (values of 10^12 and more are read as
 * milliseconds) or an ISO-8601 instant; {@code metrics} maps names (a unit may end them:
 * {@code latency_ms}, {@code latency (ms)}) to numbers. Clients may append in any order.
 *
 * <p>Every metric becomes one series per peer ({@code <source>.<name>} on host = peer) and one
 * series aggregated over peers per whole second: the sum of the peers' values for additive
 * metrics (rates, counts: names with rps, per_sec, throughput, requests, count, total, errors,
 * ops, or a rate/count unit), the mean of the peers' values otherwise (a peer's value in a second is
 * the mean of its datapoints in it). Summary metrics: {@code <source>.<name>.mean|min|max} of the
 * aggregate series and {@code <source>.peers}. A line that is not such an object is skipped and reported.
 */
public final class DatapointsJsonParser extends AbstractResultParser {

    public static final int MAX_METRICS = 1000;
    public static final int MAX_PEERS = 10_000;

    @Override
    public String name() {
        return "datapoints-json";
    }

    @Override
    public String defaultSource() {
        return "datapoints";
    }

    @Override
    public String description() {
        return "Datapoints of many load clients, JSON Lines {\"peer\",\"ts\",\"metrics\":{name: number}}. Series <source>.<name>"
                + " per peer and aggregated over peers per second (sum of rates/counts, mean otherwise); <name>.mean|min|max, peers";
    }

    @Override
    public String detectionRule() {
        return "JSON Lines whose first line is an object with \"peer\", \"ts\" and \"metrics\"";
    }

    @Override
    public int detect(String fileName, byte[] head) {
        java.util.List<String> lines = HeadLines.of(head, 1);
        if (lines.isEmpty()) {
            return 0;
        }
        String l = lines.get(0).strip();
        return l.startsWith("{") && l.contains("\"peer\"") && l.contains("\"metrics\"") && l.contains("\"ts\"") ? 90 : 0;
    }

    /** One metric: per peer, its datapoints; per second, each peer's sum and count. */
    private static final class MetricPoints {
        final Unit unit;
        final boolean additive;
        final Map<String, DoubleList[]> byPeer = new LinkedHashMap<>();
        final TreeMap<Long, Map<String, double[]>> bySecond = new TreeMap<>();

        MetricPoints(String name, Unit unit) {
            this.unit = unit;
            String n = name.toLowerCase(Locale.ROOT);
            this.additive = unit.isRate() || unit.dimension() == Unit.Dimension.COUNT
                    || n.matches(".*(rps|per_sec|persec|throughput|requests|count|total|errors|ops|qps|tps).*");
        }
    }

    @Override
    protected void read(InputStream in, String source, ResultSink sink) throws IOException {
        Problems problems = sink.problems();
        Map<String, MetricPoints> metrics = new LinkedHashMap<>();
        Map<String, Boolean> peers = new LinkedHashMap<>();
        boolean epoch = true;
        try (CsvReader lines = new CsvReader(in, '\0', 1 << 20, false)) {
            while (lines.next()) {
                if (lines.lastRecordTooLong()) {
                    problems.add(lines.line(), "line longer than 1 MiB; skipped");
                    continue;
                }
                if (lines.isBlank()) {
                    continue;
                }
                JsonNode point;
                try (JsonParser p = JsonInput.parser(lines.fieldBytes(0))) {
                    p.nextToken();
                    point = JsonInput.tree(p);
                } catch (JsonProcessingException e) {
                    problems.add(lines.line(), "not a JSON object (" + e.getOriginalMessage() + "); line skipped");
                    continue;
                }
                String peer = point == null ? null : point.path("peer").asText(null);
                JsonNode values = point == null ? null : point.get("metrics");
                if (peer == null || values == null || !values.isObject()) {
                    problems.add(lines.line(), "expected {\"peer\": ..., \"ts\": ..., \"metrics\": {...}}; line skipped");
                    continue;
                }
                double ts;
                try {
                    ts = seconds(point.get("ts"));
                } catch (IllegalArgumentException e) {
                    problems.add(lines.line(), e.getMessage() + "; line skipped");
                    continue;
                }
                if (!peers.containsKey(peer)) {
                    if (peers.size() >= MAX_PEERS) {
                        problems.add(lines.line(), "more than " + MAX_PEERS + " peers; line skipped");
                        continue;
                    }
                    peers.put(peer, true);
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!e.getValue().isNumber()) {
                        problems.add(lines.line(), "metric '" + e.getKey() + "' is not a number; value skipped");
                        continue;
                    }
                    MetricNames.NameAndUnit nu = e.getKey().toLowerCase(Locale.ROOT).matches(".*per_(sec|s)")
                            ? new MetricNames.NameAndUnit(e.getKey(), Unit.PER_SECOND) : MetricNames.split(e.getKey());
                    String name = nu.name();
                    MetricPoints mp = metrics.get(name);
                    if (mp == null) {
                        if (metrics.size() >= MAX_METRICS) {
                            problems.add(lines.line(), "more than " + MAX_METRICS + " metric names; '" + name + "' skipped");
                            continue;
                        }
                        mp = new MetricPoints(name, nu.unit());
                        metrics.put(name, mp);
                    }
                    double v = e.getValue().doubleValue();
                    DoubleList[] tv = mp.byPeer.computeIfAbsent(peer, k -> new DoubleList[] {new DoubleList(), new DoubleList()});
                    tv[0].add(ts);
                    tv[1].add(v);
                    double[] sc = mp.bySecond.computeIfAbsent((long) Math.floor(ts), k -> new LinkedHashMap<>())
                            .computeIfAbsent(peer, k -> new double[2]);
                    sc[0] += v;
                    sc[1]++;
                }
            }
        }
        if (metrics.isEmpty()) {
            return;
        }
        sink.add(Metric.of(source + ".peers", Unit.COUNT, Direction.NEUTRAL, peers.size()));
        metrics.forEach((name, mp) -> summarise(MetricKey.of(source).name(name), name, mp, sink));
    }

    private static void summarise(MetricKey key, String name, MetricPoints mp, ResultSink sink) {
        mp.byPeer.forEach((peer, tv) -> sink.add(sorted(key.text(), peer, mp.unit, tv[0].toArray(), tv[1].toArray())));
        double[] times = new double[mp.bySecond.size()];
        double[] values = new double[times.length];
        int i = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (Map.Entry<Long, Map<String, double[]>> e : mp.bySecond.entrySet()) {
            double agg = 0;
            for (double[] sc : e.getValue().values()) {
                agg += sc[0] / sc[1];
            }
            if (!mp.additive) {
                agg /= e.getValue().size();
            }
            times[i] = e.getKey();
            values[i++] = agg;
            min = Math.min(min, agg);
            max = Math.max(max, agg);
            sum += agg;
        }
        sink.add(Series.of(key.text(), "", mp.unit, true, times, values));
        Direction d = Direction.guess(name, mp.unit);
        sink.add(Metric.of(key.statistic("mean"), mp.unit, d, sum / times.length));
        sink.add(Metric.of(key.statistic("min"), mp.unit, d, min));
        sink.add(Metric.of(key.statistic("max"), mp.unit, d, max));
    }

    private static Series sorted(String key, String peer, Unit unit, double[] t, double[] v) {
        Integer[] order = new Integer[t.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(t[a], t[b]));
        double[] st = new double[t.length];
        double[] sv = new double[t.length];
        for (int i = 0; i < order.length; i++) {
            st[i] = t[order[i]];
            sv[i] = v[order[i]];
        }
        return Series.of(key, peer, unit, true, st, sv);
    }

    /** Epoch seconds of a {@code ts} value. */
    static double seconds(JsonNode ts) {
        if (ts == null || ts.isNull()) {
            throw new IllegalArgumentException("no \"ts\"");
        }
        if (ts.isNumber()) {
            double v = ts.doubleValue();
            return v >= 1e12 ? v / 1000 : v;
        }
        try {
            Instant i = Instant.parse(ts.asText());
            return i.getEpochSecond() + i.getNano() / 1e9;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"ts\" '" + ts.asText() + "' is neither epoch seconds nor an ISO-8601 instant");
        }
    }
}
