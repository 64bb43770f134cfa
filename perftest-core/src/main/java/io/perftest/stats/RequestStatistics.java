package io.perftest.stats;

import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.MetricKey;
import io.perftest.model.Unit;

import java.util.List;

/**
 * The statistics of the requests (samples) of one label of a load test: count, errors, the time
 * window they span, bytes sent and received, and histograms of elapsed time, latency (time to
 * first byte) and connect time, all in milliseconds. Memory is bounded (see {@link LatencyHistogram}).
 */
public final class RequestStatistics {

    /** The percentiles reported, with the names of their metrics. */
    public static final double[] PERCENTILES = {50, 90, 95, 99, 99.9};
    public static final String[] PERCENTILE_NAMES = {"p50", "p90", "p95", "p99", "p99_9"};

    private final LatencyHistogram elapsed = new LatencyHistogram();
    private final LatencyHistogram latency = new LatencyHistogram();
    private final LatencyHistogram connect = new LatencyHistogram();
    private long count;
    private long errors;
    private long firstStart = Long.MAX_VALUE;
    private long lastEnd = Long.MIN_VALUE;
    private long bytesReceived;
    private long bytesSent;
    private boolean anyReceived;
    private boolean anySent;

    /**
     * Records one request.
     *
     * @param start     start time, epoch milliseconds
     * @param elapsedMs elapsed time (ms), not negative
     * @param samples   requests this record stands for (1, or JMeter's SampleCount)
     * @param failed    requests of them that failed
     * @param latencyMs time to first byte (ms), or -1 when unknown
     * @param connectMs connect time (ms), or -1 when unknown
     * @param received  bytes received, or -1 when unknown
     * @param sent      bytes sent, or -1 when unknown
     */
    public void record(long start, long elapsedMs, long samples, long failed, long latencyMs, long connectMs,
            long received, long sent) {
        elapsed.record(elapsedMs);
        count += samples;
        errors += failed;
        firstStart = Math.min(firstStart, start);
        lastEnd = Math.max(lastEnd, start + elapsedMs);
        if (latencyMs >= 0) {
            latency.record(latencyMs);
        }
        if (connectMs >= 0) {
            connect.record(connectMs);
        }
        if (received >= 0) {
            bytesReceived += received;
            anyReceived = true;
        }
        if (sent >= 0) {
            bytesSent += sent;
            anySent = true;
        }
    }

    /** Adds everything of {@code other} (another label, for the total). */
    public void add(RequestStatistics other) {
        elapsed.add(other.elapsed);
        latency.add(other.latency);
        connect.add(other.connect);
        count += other.count;
        errors += other.errors;
        firstStart = Math.min(firstStart, other.firstStart);
        lastEnd = Math.max(lastEnd, other.lastEnd);
        bytesReceived += other.bytesReceived;
        bytesSent += other.bytesSent;
        anyReceived |= other.anyReceived;
        anySent |= other.anySent;
    }

    public long count() {
        return count;
    }

    public long errors() {
        return errors;
    }

    public LatencyHistogram elapsed() {
        return elapsed;
    }

    public LatencyHistogram latency() {
        return latency;
    }

    public LatencyHistogram connect() {
        return connect;
    }

    /** Seconds from the first request's start to the last one's end; at least one millisecond. */
    public double windowSeconds() {
        return count == 0 ? Double.NaN : Math.max(1, lastEnd - firstStart) / 1000.0;
    }

    /** Requests per second over {@link #windowSeconds()}. */
    public double throughput() {
        return count / windowSeconds();
    }

    /**
     * Appends the metrics of these requests, keyed {@code prefix.count}, {@code prefix.errors},
     * {@code prefix.error_pct}, {@code prefix.throughput}, {@code prefix.elapsed.<stat>},
     * {@code prefix.latency.<stat>}, {@code prefix.connect.<stat>},
     * {@code prefix.received_bytes_per_sec}, {@code prefix.sent_bytes_per_sec}; a stat is
     * {@code mean}, {@code min}, {@code max}, {@code p50} ... {@code p99_9}.
     */
    public void appendMetrics(MetricKey prefix, List<Metric> out) {
        if (count == 0) {
            return;
        }
        out.add(Metric.of(prefix.then("count"), Unit.COUNT, Direction.NEUTRAL, count));
        out.add(Metric.of(prefix.then("errors"), Unit.COUNT, Direction.LOWER_IS_BETTER, errors));
        out.add(Metric.of(prefix.then("error_pct"), Unit.PERCENT, Direction.LOWER_IS_BETTER, 100.0 * errors / count));
        out.add(Metric.of(prefix.then("throughput"), Unit.PER_SECOND, Direction.HIGHER_IS_BETTER, throughput()));
        times(prefix.then("elapsed"), elapsed, out);
        times(prefix.then("latency"), latency, out);
        times(prefix.then("connect"), connect, out);
        Unit bytesPerSecond = Unit.parse("B/s");
        if (anyReceived) {
            out.add(Metric.of(prefix.then("received_bytes_per_sec"), bytesPerSecond, Direction.NEUTRAL, bytesReceived / windowSeconds()));
        }
        if (anySent) {
            out.add(Metric.of(prefix.then("sent_bytes_per_sec"), bytesPerSecond, Direction.NEUTRAL, bytesSent / windowSeconds()));
        }
    }

    /** Appends {@code key.mean|min|max|p50|...} of {@code h} in milliseconds, if it has observations. */
    public static void times(MetricKey key, LatencyHistogram h, List<Metric> out) {
        if (h.count() == 0) {
            return;
        }
        Unit ms = Unit.MILLISECONDS;
        Direction lower = Direction.LOWER_IS_BETTER;
        out.add(Metric.of(key.statistic("mean"), ms, lower, h.mean()));
        out.add(Metric.of(key.statistic("min"), ms, lower, h.min()));
        out.add(Metric.of(key.statistic("max"), ms, lower, h.max()));
        for (int i = 0; i < PERCENTILES.length; i++) {
            out.add(Metric.of(key.statistic(PERCENTILE_NAMES[i]), ms, lower, h.percentile(PERCENTILES[i])));
        }
    }
}
