package io.perftest.ingest;

import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.Unit;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk's text output (best with {@code --latency}): {@code <source>.requests_per_sec},
 * {@code .transfer_per_sec} (B/s), {@code .requests}, {@code .duration}, {@code .bytes_read},
 * {@code .latency.mean|stdev|max|p50|p75|p90|p99} (ms), {@code .thread_rps.mean|stdev|max},
 * {@code .errors.connect|read|write|timeout}, {@code .non_2xx_3xx}, {@code .errors.total} and
 * {@code .error_pct}. wrk's units: us/ms/s/m/h; k/M/G (1000) for counts; KB/MB/GB (1024) for bytes.
 * Lines wrk does not write (a Lua script's output) are ignored.
 */
public final class WrkTextParser extends AbstractResultParser {

    private static final String NUM = "([-+]?[0-9.]+(?:[eE][-+]?[0-9]+)?)([a-zA-Z%]*)";
    private static final Pattern THREADS = Pattern.compile("^\\s*(\\d+) threads and (\\d+) connections\\s*$");
    private static final Pattern STATS = Pattern.compile("^\\s*(Latency|Req/Sec)\\s+" + NUM + "\\s+" + NUM + "\\s+" + NUM + "\\s+" + NUM + "\\s*$");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*([0-9.]+)%\\s+" + NUM + "\\s*$");
    private static final Pattern TOTAL = Pattern.compile("^\\s*(\\d+) requests in " + NUM + ", " + NUM + " read\\s*$");
    private static final Pattern SOCKET = Pattern.compile("^\\s*Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)\\s*$");
    private static final Pattern NON2XX = Pattern.compile("^\\s*Non-2xx or 3xx responses: (\\d+)\\s*$");
    private static final Pattern RATE = Pattern.compile("^\\s*(Requests/sec|Transfer/sec):\\s+" + NUM + "\\s*$");

    @Override
    public String name() {
        return "wrk";
    }

    @Override
    public String defaultSource() {
        return "wrk";
    }

    @Override
    public String description() {
        return "wrk text output (with --latency): requests_per_sec, transfer_per_sec, requests, duration, bytes_read,"
                + " latency.mean|stdev|max|p50|p75|p90|p99, thread_rps.*, errors.connect|read|write|timeout|total, non_2xx_3xx, error_pct";
    }

    @Override
    public String detectionRule() {
        return "text with 'Running <duration> test @' and 'threads and ... connections', or 'Requests/sec:' and 'Transfer/sec:'";
    }

    @Override
    public int detect(String fileName, byte[] head) {
        String t = new String(head, java.nio.charset.StandardCharsets.UTF_8);
        if (t.contains("threads and ") && t.contains(" connections") && t.contains("test @ ")) {
            return 90;
        }
        return t.contains("Requests/sec:") && t.contains("Transfer/sec:") ? 80 : 0;
    }

    @Override
    protected void read(InputStream in, String source, ResultSink sink) throws IOException {
        Problems problems = sink.problems();
        List<Metric> out = new ArrayList<>();
        double requests = Double.NaN;
        double errors = 0;
        boolean anyErrorLine = false;
        // one field per line: the delimiter never occurs in text
        try (CsvReader lines = new CsvReader(in, '\0', 1 << 16, false)) {
            while (lines.next()) {
                if (lines.lastRecordTooLong()) {
                    problems.add(lines.line(), "line longer than 64 KiB; skipped");
                    continue;
                }
                if (lines.isBlank()) {
                    continue;
                }
                String line = lines.field(0);
                try {
                    Matcher m;
                    if ((m = THREADS.matcher(line)).matches()) {
                        out.add(Metric.of(source + ".threads", Unit.COUNT, Direction.NEUTRAL, Double.parseDouble(m.group(1))));
                        out.add(Metric.of(source + ".connections", Unit.COUNT, Direction.NEUTRAL, Double.parseDouble(m.group(2))));
                    } else if ((m = STATS.matcher(line)).matches()) {
                        boolean latency = m.group(1).equals("Latency");
                        String k = source + (latency ? ".latency" : ".thread_rps");
                        String[] names = {"mean", "stdev", "max"};
                        for (int i = 0; i < 3; i++) {
                            double v = latency ? millis(m.group(2 + 2 * i), m.group(3 + 2 * i)) : count(m.group(2 + 2 * i), m.group(3 + 2 * i));
                            out.add(Metric.of(k + "." + names[i], latency ? Unit.MILLISECONDS : Unit.PER_SECOND,
                                    latency ? Direction.LOWER_IS_BETTER : Direction.HIGHER_IS_BETTER, v));
                        }
                    } else if ((m = PERCENTILE.matcher(line)).matches()) {
                        String p = m.group(1).replaceAll("\\.0+$", "").replace('.', '_');
                        out.add(Metric.of(source + ".latency.p" + p, Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, millis(m.group(2), m.group(3))));
                    } else if ((m = TOTAL.matcher(line)).matches()) {
                        requests = Double.parseDouble(m.group(1));
                        out.add(Metric.of(source + ".requests", Unit.COUNT, Direction.NEUTRAL, requests));
                        out.add(Metric.of(source + ".duration", Unit.SECONDS, Direction.NEUTRAL, millis(m.group(2), m.group(3)) / 1000));
                        out.add(Metric.of(source + ".bytes_read", Unit.BYTES, Direction.NEUTRAL, bytes(m.group(4), m.group(5))));
                    } else if ((m = SOCKET.matcher(line)).matches()) {
                        String[] kinds = {"connect", "read", "write", "timeout"};
                        for (int i = 0; i < 4; i++) {
                            double v = Double.parseDouble(m.group(1 + i));
                            errors += v;
                            out.add(Metric.of(source + ".errors." + kinds[i], Unit.COUNT, Direction.LOWER_IS_BETTER, v));
                        }
                        anyErrorLine = true;
                    } else if ((m = NON2XX.matcher(line)).matches()) {
                        double v = Double.parseDouble(m.group(1));
                        errors += v;
                        anyErrorLine = true;
                        out.add(Metric.of(source + ".non_2xx_3xx", Unit.COUNT, Direction.LOWER_IS_BETTER, v));
                    } else if ((m = RATE.matcher(line)).matches()) {
                        boolean req = m.group(1).startsWith("Requests");
                        out.add(req
                                ? Metric.of(source + ".requests_per_sec", Unit.PER_SECOND, Direction.HIGHER_IS_BETTER, count(m.group(2), m.group(3)))
                                : Metric.of(source + ".transfer_per_sec", Unit.parse("B/s"), Direction.HIGHER_IS_BETTER, bytes(m.group(2), m.group(3))));
                    } else if (line.strip().startsWith("Requests/sec") || line.strip().startsWith("Transfer/sec")
                            || line.contains(" requests in ")) {
                        problems.add(lines.line(), "a wrk summary line perftest cannot read: '" + cut(line) + "'; skipped");
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(lines.line(), e.getMessage() + " in '" + cut(line) + "'; skipped");
                }
            }
        }
        if (out.isEmpty()) {
            if (problems.count() == 0) {
                problems.addFileProblem("no wrk summary found (expected 'Requests/sec:' and '... requests in ...' lines)");
            }
            return;
        }
        if (!Double.isNaN(requests)) {
            out.add(Metric.of(source + ".errors.total", Unit.COUNT, Direction.LOWER_IS_BETTER, errors));
            out.add(Metric.of(source + ".error_pct", Unit.PERCENT, Direction.LOWER_IS_BETTER,
                    requests > 0 ? 100 * Math.min(errors, requests) / requests : anyErrorLine ? 100 : 0));
        }
        out.forEach(sink::add);
    }

    private static String cut(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }

    /** A wrk time ({@code 145.00us}, {@code 1.18ms}, {@code 3.04s}, {@code 1.00m}) in milliseconds. */
    static double millis(String number, String unit) {
        double v = Double.parseDouble(number);
        return switch (unit) {
            case "us" -> v / 1000;
            case "ms" -> v;
            case "s" -> v * 1000;
            case "m" -> v * 60_000;
            case "h" -> v * 3_600_000;
            default -> throw new IllegalArgumentException("unknown time unit '" + unit + "'");
        };
    }

    /** A wrk count ({@code 29.58k}): metric prefixes, base 1000. */
    static double count(String number, String unit) {
        double v = Double.parseDouble(number);
        return switch (unit) {
            case "" -> v;
            case "k" -> v * 1e3;
            case "M" -> v * 1e6;
            case "G" -> v * 1e9;
            default -> throw new IllegalArgumentException("unknown count unit '" + unit + "'");
        };
    }

    /** A wrk byte size ({@code 27.66MB}): binary prefixes, base 1024. */
    static double bytes(String number, String unit) {
        double v = Double.parseDouble(number);
        return switch (unit) {
            case "B" -> v;
            case "KB" -> v * 1024;
            case "MB" -> v * 1024 * 1024;
            case "GB" -> v * 1024 * 1024 * 1024;
            case "TB" -> v * 1024.0 * 1024 * 1024 * 1024;
            default -> throw new IllegalArgumentException("unknown byte unit '" + unit + "'");
        };
    }
}
