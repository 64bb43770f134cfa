package io.perftest.ingest;

import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.MetricKey;
import io.perftest.model.Unit;
import io.perftest.stats.RequestStatistics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gatling 3.x {@code simulation.log} in its text form (the binary log that Gatling writes since late
 * 2024, gatling/gatling#4596, is recognised and refused with that reason): tab-separated records {@code RUN}, {@code USER}, {@code REQUEST},
 * {@code GROUP}, {@code ERROR}, {@code ASSERTION}, with or without the user id column of Gatling
 * 3.0 to 3.3. Requests are labelled by group path and name, verbatim ({@code Browse/Page 0} ->
 * {@code gatling."Browse/Page 0".*}); response time is end minus start. Groups are reported
 * apart, under {@code <source>.group.<path>}, with their duration as elapsed time (so a request
 * named {@code group} is written {@code gatling."group".*}).
 */
public final class GatlingLogParser extends AbstractResultParser {

    private static final String GROUP = "group";
    private static final byte[] REQUEST = "REQUEST".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OK = "OK".getBytes(StandardCharsets.US_ASCII);

    /** Why a binary simulation.log yields nothing. */
    static final String BINARY_LOG = "a binary simulation.log: Gatling writes its log in a binary format since late 2024"
            + " (gatling/gatling#4596), which perftest does not read; it reads the text log of earlier Gatling 3 versions";
    private static final int BINARY_PROBE = 512;

    /** True when the head of a file holds a NUL byte, which no text log has (the binary one does, in its first record). */
    static boolean isBinary(byte[] head) {
        return TextEncoding.zeroBytes(head, BINARY_PROBE) > 0;
    }

    /** The encoding check of every parser, then: a binary simulation.log is Gatling's newer format. */
    @Override
    protected String refusal(byte[] head) {
        String encoding = super.refusal(head);
        return encoding != null ? encoding : isBinary(head) ? BINARY_LOG : null;
    }

    /** What to tell about a file no parser recognised: empty, or that it looks like a binary Gatling log. */
    static String unrecognisedHint(String fileName, byte[] head) {
        return fileName.endsWith("simulation.log") && isBinary(head) ? BINARY_LOG : "";
    }

    @Override
    public String name() {
        return "gatling";
    }

    @Override
    public String defaultSource() {
        return "gatling";
    }

    @Override
    public String description() {
        return "Gatling 3.x simulation.log (text). Per request (group path/name) and 'total': count, errors, error_pct,"
                + " throughput, elapsed.mean|min|max|p50|p90|p95|p99|p99_9; group.<path>.*; users.started|finished";
    }

    @Override
    public String detectionRule() {
        return "first record 'RUN<tab>...' or 'ASSERTION<tab>...', or tab-separated USER/REQUEST/GROUP records (file name simulation.log)";
    }

    @Override
    public int detect(String fileName, byte[] head) {
        List<String> lines = HeadLines.of(head, 5);
        if (lines.isEmpty()) {
            return 0;
        }
        String first = TextEncoding.withoutBom(lines.get(0));
        boolean named = fileName.equals("simulation.log");
        if (first.startsWith("RUN\t") || first.startsWith("ASSERTION\t")) {
            return 95;
        }
        long records = lines.stream().filter(l -> l.startsWith("REQUEST\t") || l.startsWith("USER\t") || l.startsWith("GROUP\t")).count();
        return records == lines.size() ? (named ? 90 : 60) : 0;
    }

    @Override
    protected void read(InputStream in, String source, ResultSink sink) throws IOException {
        Problems problems = sink.problems();
        RequestTable requests = new RequestTable();
        Map<String, RequestStatistics> groups = new LinkedHashMap<>();
        long started = 0;
        long finished = 0;
        boolean any = false;
        try (CsvReader tsv = new CsvReader(in, '\t', CsvReader.DEFAULT_MAX_RECORD, false)) {
            StringBuilder label = new StringBuilder();
            while (tsv.next()) {
                if (tsv.lastRecordTooLong()) {
                    problems.add(tsv.line(), "record longer than 1 MiB; skipped");
                    continue;
                }
                if (tsv.isBlank()) {
                    continue;
                }
                int n = tsv.fieldCount();
                try {
                    if (tsv.fieldEquals(0, REQUEST)) {
                        // REQUEST [userId] groups name start end status [message]
                        int o = n >= 8 ? 1 : 0;
                        if (n < 6 + o) {
                            problems.add(tsv.line(), "REQUEST record with " + n + " fields, expected 7 or 8; skipped");
                            continue;
                        }
                        long start = tsv.longNumber(3 + o);
                        long end = tsv.longNumber(4 + o);
                        if (end < start) {
                            problems.add(tsv.line(), "request ends before it starts; skipped");
                            continue;
                        }
                        boolean ok = tsv.fieldEquals(5 + o, OK);
                        RequestStatistics stats;
                        if (tsv.isEmpty(1 + o)) {
                            stats = requests.of(tsv, 2 + o);
                        } else {
                            label.setLength(0);
                            label.append(tsv.field(1 + o).replace(',', '/')).append('/').append(tsv.field(2 + o));
                            stats = requests.of(label.toString());
                        }
                        stats.record(start, end - start, 1, ok ? 0 : 1, -1, -1, -1, -1);
                        any = true;
                        continue;
                    }
                    String type = tsv.field(0);
                    switch (type) {
                        case "RUN", "ASSERTION", "ERROR" -> any = true;
                        case "USER" -> {
                            any = true;
                            for (int i = 1; i < n; i++) {
                                if (tsv.field(i).equals("START")) {
                                    started++;
                                } else if (tsv.field(i).equals("END")) {
                                    finished++;
                                }
                            }
                        }
                        case "GROUP" -> {
                            // GROUP [userId] groups start end cumulatedResponseTime status
                            int o = n >= 7 ? 1 : 0;
                            if (n < 6 + o) {
                                problems.add(tsv.line(), "GROUP record with " + n + " fields, expected 6 or 7; skipped");
                                continue;
                            }
                            long start = tsv.longNumber(2 + o);
                            long end = tsv.longNumber(3 + o);
                            boolean ok = tsv.field(5 + o).equals("OK");
                            String path = tsv.field(1 + o).replace(',', '/');
                            RequestStatistics g = groups.get(path);
                            if (g == null && groups.size() < RequestTable.MAX_LABELS) {
                                g = new RequestStatistics();
                                groups.put(path, g);
                            }
                            if (g != null && end >= start) {
                                g.record(start, end - start, 1, ok ? 0 : 1, -1, -1, -1, -1);
                            }
                            any = true;
                        }
                        default -> problems.add(tsv.line(), "unknown record type '" + cut(type)
                                + "' (expected RUN, USER, REQUEST, GROUP, ERROR or ASSERTION); skipped");
                    }
                } catch (NumberFormatException e) {
                    problems.add(tsv.line(), e.getMessage() + " where a timestamp (epoch ms) was expected; record skipped");
                }
            }
        }
        if (!any) {
            return;
        }
        List<Metric> out = new ArrayList<>(requests.metrics(source, Set.of(GROUP)));
        groups.forEach((path, g) -> g.appendMetrics(MetricKey.of(source).then(GROUP).label(path), out));
        out.add(Metric.of(source + ".users.started", Unit.COUNT, Direction.NEUTRAL, started));
        out.add(Metric.of(source + ".users.finished", Unit.COUNT, Direction.NEUTRAL, finished));
        out.forEach(sink::add);
    }

    private static String cut(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
