package io.perftest.ingest;

import io.perftest.stats.RequestStatistics;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * JMeter JTL results in CSV ({@code jmeter -n -l results.jtl}), with or without the header row
 * ({@code jmeter.save.saveservice.print_field_names}), columns in any order JMeter writes them,
 * quoted labels holding commas. Without a header the columns are JMeter's default ones (see
 * {@link #DEFAULT_COLUMNS}). Timestamps are epoch milliseconds (JMeter's default
 * {@code timestamp_format=ms}) or date-times ({@code yyyy/MM/dd HH:mm:ss.SSS}, ISO-8601) and mark the start of the sample (JMeter's default
 * {@code sampleresult.timestamp.start=true}). Per label and in total: see {@link RequestStatistics}.
 */
public final class JmeterCsvParser extends AbstractResultParser {

    /** The columns of a headerless JTL: JMeter 5's defaults, in the order it writes them. */
    public static final List<String> DEFAULT_COLUMNS = List.of("timeStamp", "elapsed", "label", "responseCode",
            "responseMessage", "threadName", "dataType", "success", "failureMessage", "bytes", "sentBytes",
            "grpThreads", "allThreads", "URL", "Latency", "IdleTime", "Connect");

    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);

    @Override
    public String name() {
        return "jmeter-csv";
    }

    @Override
    public String defaultSource() {
        return "jmeter";
    }

    @Override
    public String description() {
        return "JMeter JTL results in CSV (with or without header). Per label and 'total': count, errors, error_pct,"
                + " throughput, elapsed|latency|connect.mean|min|max|p50|p90|p95|p99|p99_9, received|sent_bytes_per_sec";
    }

    @Override
    public String detectionRule() {
        return "a header row with timeStamp, elapsed and label; or rows starting with epoch milliseconds, a number and a label"
                + " with true/false in the success column (more certain for *.jtl)";
    }

    @Override
    public int detect(String fileName, byte[] head) {
        List<String> lines = HeadLines.of(head, 3);
        if (lines.isEmpty()) {
            return 0;
        }
        boolean jtl = fileName.toLowerCase(Locale.ROOT).endsWith(".jtl");
        String first = TextEncoding.withoutBom(lines.get(0));
        if (first.startsWith("<")) {
            return 0;
        }
        char d = delimiter(first);
        String lower = first.toLowerCase(Locale.ROOT);
        if (lower.startsWith("timestamp" + d) && lower.contains(d + "elapsed" + d) && lower.contains("label")) {
            return jtl ? 100 : 95;
        }
        String[] f = first.split(java.util.regex.Pattern.quote(String.valueOf(d)), -1);
        if (f.length >= 8 && f[0].matches("\\d{12,14}") && f[1].matches("\\d+")
                && (f[7].equals("true") || f[7].equals("false"))) {
            return jtl ? 95 : 80;
        }
        if (jtl && f.length >= 3 && f[0].matches("\\d{12,14}")) {
            return 50;
        }
        return 0;
    }

    /** The delimiters JMeter can be told to write ({@code jmeter.save.saveservice.default_delimiter}). */
    private static final String DELIMITERS = ",;\t|";

    /**
     * The delimiter of a JTL whose first line is {@code first}: the character after the
     * {@code timeStamp} header or after the leading epoch milliseconds; ',' when neither says.
     */
    static char delimiter(String first) {
        String t = TextEncoding.withoutBom(first);
        int at = 0;
        if (t.regionMatches(true, 0, "timeStamp", 0, 9)) {
            at = 9;
        } else {
            while (at < t.length() && Character.isDigit(t.charAt(at))) {
                at++;
            }
        }
        return at > 0 && at < t.length() && DELIMITERS.indexOf(t.charAt(at)) >= 0 ? t.charAt(at) : ',';
    }

    private static char delimiter(byte[] head) {
        List<String> lines = HeadLines.of(head, 1);
        return lines.isEmpty() ? ',' : delimiter(lines.get(0));
    }

    /** Where the columns this parser uses are in a record; -1 when absent. */
    private static final class Columns {
        int timeStamp = -1;
        int elapsed = -1;
        int label = -1;
        int success = -1;
        int bytes = -1;
        int sentBytes = -1;
        int latency = -1;
        int connect = -1;
        int sampleCount = -1;
        int errorCount = -1;
        int needed;

        static Columns of(List<String> names) {
            Columns c = new Columns();
            for (int i = 0; i < names.size(); i++) {
                switch (names.get(i).strip().toLowerCase(Locale.ROOT)) {
                    case "timestamp" -> c.timeStamp = i;
                    case "elapsed", "time" -> c.elapsed = i;
                    case "label" -> c.label = i;
                    case "success" -> c.success = i;
                    case "bytes" -> c.bytes = i;
                    case "sentbytes" -> c.sentBytes = i;
                    case "latency" -> c.latency = i;
                    case "connect" -> c.connect = i;
                    case "samplecount" -> c.sampleCount = i;
                    case "errorcount" -> c.errorCount = i;
                    default -> { }
                }
            }
            c.needed = Math.max(Math.max(c.timeStamp, c.elapsed), Math.max(c.label, c.success)) + 1;
            return c;
        }

        String missing() {
            List<String> m = new ArrayList<>();
            if (timeStamp < 0) {
                m.add("timeStamp");
            }
            if (elapsed < 0) {
                m.add("elapsed");
            }
            if (label < 0) {
                m.add("label");
            }
            return String.join(", ", m);
        }
    }


    private final long partSize;
    private final int cores;

    public JmeterCsvParser() {
        this(LineParts.MIN_PART, Runtime.getRuntime().availableProcessors());
    }

    /** A parser that splits files into parts of at least {@code partSize} bytes for up to {@code cores} threads. */
    JmeterCsvParser(long partSize, int cores) {
        this.partSize = partSize;
        this.cores = cores;
    }

    /** The columns of a headerless file. */
    private static final Columns DEFAULT = Columns.of(DEFAULT_COLUMNS);

    @Override
    protected void read(Path file, String source, ResultSink sink) throws IOException {
        int parts = LineParts.count(Files.size(file), partSize, cores);
        if (parts > 1) {
            Optional<RequestTable> table = readInParts(file, parts, sink.problems());
            if (table.isPresent()) {
                finish(table.get(), source, sink);
                return;
            }
        }
        super.read(file, source, sink);
    }

    @Override
    protected void read(InputStream in, String source, ResultSink sink) throws IOException {
        RequestTable table = new RequestTable();
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(ResultParsers.HEAD_BYTES);
        char delimiter = delimiter(buffered.readNBytes(ResultParsers.HEAD_BYTES));
        buffered.reset();
        try (CsvReader csv = new CsvReader(buffered, delimiter)) {
            Columns cols = header(csv, table, sink.problems());
            if (cols == null) {
                return;
            }
            scan(csv, Long.MAX_VALUE, cols, table, sink.problems());
        }
        finish(table, source, sink);
    }

    private static void finish(RequestTable table, String source, ResultSink sink) {
        if (table.overflowed()) {
            sink.problems().addFileProblem("more than " + RequestTable.MAX_LABELS + " distinct labels; the requests of the"
                    + " further labels count in the total only (name samples by page, not by URL)");
        }
        table.metrics(source).forEach(sink::add);
    }

    /**
     * Reads the first record: the header (its columns are returned, and the record is consumed)
     * or, for a headerless file, JMeter's default columns (the record, data, is recorded into
     * {@code table}). Returns null, with the problem reported, when the header lacks a
     * column this parser needs; an empty file gives the default columns.
     */
    private static Columns header(CsvReader csv, RequestTable table, Problems problems) throws IOException {
        while (csv.next()) {
            if (csv.lastRecordTooLong() || csv.isBlank()) {
                if (csv.lastRecordTooLong()) {
                    problems.add(csv.line(), "record longer than " + (CsvReader.DEFAULT_MAX_RECORD >> 20) + " MiB; skipped");
                }
                continue;
            }
            String first = TextEncoding.withoutBom(csv.field(0)).strip();
            if (first.equalsIgnoreCase("timeStamp") || !first.isEmpty() && !Character.isDigit(first.charAt(0))) {
                List<String> names = new ArrayList<>();
                for (int i = 0; i < csv.fieldCount(); i++) {
                    names.add(i == 0 ? first : csv.field(i));
                }
                Columns cols = Columns.of(names);
                if (!cols.missing().isEmpty()) {
                    problems.add(csv.line(), "the header has no column " + cols.missing()
                            + "; is this a JMeter JTL file? (expected e.g. timeStamp,elapsed,label,...,success)");
                    return null;
                }
                return cols;
            }
            record(csv, DEFAULT, table, problems);
            return DEFAULT;
        }
        return DEFAULT;
    }

    /** Records every record until {@code limit} bytes of the input are consumed (the record that crosses it included). */
    private static void scan(CsvReader csv, long limit, Columns cols, RequestTable table, Problems problems) throws IOException {
        while (csv.consumed() < limit && csv.next()) {
            if (csv.lastRecordTooLong()) {
                problems.add(csv.line(), "record longer than " + (CsvReader.DEFAULT_MAX_RECORD >> 20) + " MiB; skipped");
                continue;
            }
            if (csv.isBlank()) {
                continue;
            }
            record(csv, cols, table, problems);
        }
        if (csv.unterminatedQuote()) {
            problems.add(csv.line(), "file ends inside a quoted field (truncated?); its last record is skipped");
        }
    }

    /** One part of a file read on its own thread. */
    /**
     * Aggregates the file in {@code count} parts on as many threads ({@link LineParts}) and merges
     * the tables; empty when the file should rather be read in one pass (an odd start, or a
     * quoted field spanning a split).
     */
    private static Optional<RequestTable> readInParts(Path file, int count, Problems problems) throws IOException {
        Columns cols;
        long from;
        long linesBefore;
        Problems headProblems = new Problems(file.toString());
        char delimiter = delimiter(ResultParsers.head(file));
        try (InputStream in = Files.newInputStream(file); CsvReader csv = new CsvReader(in, delimiter)) {
            cols = header(csv, new RequestTable(), headProblems);
            boolean headerRow = cols != null && cols != DEFAULT;
            from = headerRow ? csv.consumed() : 0;
            linesBefore = headerRow ? csv.linesConsumed() : 0;
        }
        if (cols == null || headProblems.count() > 0) {
            return Optional.empty(); // let the one-pass reading report it, in order
        }
        Columns columns = cols;
        Optional<List<RequestTable>> tables = LineParts.read(file, from, linesBefore, count, delimiter, problems,
                (csv, length, partProblems) -> {
                    RequestTable table = new RequestTable();
                    scan(csv, length, columns, table, partProblems);
                    return table;
                });
        if (tables.isEmpty()) {
            return Optional.empty();
        }
        RequestTable first = tables.get().get(0);
        tables.get().subList(1, tables.get().size()).forEach(first::absorb);
        return Optional.of(first);
    }

    private static void record(CsvReader csv, Columns c, RequestTable table, Problems problems) {
        if (csv.unterminatedQuote()) {
            return;
        }
        if (csv.fieldCount() < c.needed) {
            problems.add(csv.line(), "expected at least " + c.needed + " columns, found " + csv.fieldCount()
                    + " ('" + csv.recordText() + "'); record skipped");
            return;
        }
        int at = c.timeStamp;
        try {
            long start = startMillis(csv, at);
            at = c.elapsed;
            long elapsed = csv.longNumber(at);
            if (elapsed < 0 || start < 0) {
                problems.add(csv.line(), "negative timeStamp or elapsed; record skipped");
                return;
            }
            boolean ok = c.success < 0 || csv.fieldEquals(c.success, TRUE) || csv.trimmed(c.success).equalsIgnoreCase("true");
            long samples = 1;
            long failed = ok ? 0 : 1;
            if (c.sampleCount >= 0 && c.sampleCount < csv.fieldCount()) {
                at = c.sampleCount;
                samples = csv.longNumber(at);
                if (c.errorCount >= 0 && c.errorCount < csv.fieldCount()) {
                    at = c.errorCount;
                    failed = csv.longNumber(at);
                }
            }
            at = c.latency;
            long latency = optional(csv, at);
            at = c.connect;
            long connect = optional(csv, at);
            at = c.bytes;
            long received = optional(csv, at);
            at = c.sentBytes;
            long sent = optional(csv, at);
            table.of(csv, c.label).record(start, elapsed, samples, failed, latency, connect, received, sent);
        } catch (NumberFormatException e) {
            problems.add(csv.line(), "column " + (at + 1) + ": " + e.getMessage()
                    + (at == c.timeStamp ? " (timeStamp must be epoch milliseconds, JMeter's default, or a date-time such as"
                            + " 2024/06/01 12:00:00.000)" : "")
                    + "; record skipped");
        }
    }

    /**
     * The sample's start in epoch milliseconds: JMeter's default, or a date-time written with
     * {@code jmeter.save.saveservice.timestamp_format} ({@code yyyy/MM/dd HH:mm:ss.SSS}, ISO-8601),
     * read as UTC when it has no zone (only differences between timestamps are used).
     */
    private static long startMillis(CsvReader csv, int field) {
        try {
            return csv.longNumber(field);
        } catch (NumberFormatException notMillis) {
            String text = csv.field(field);
            if (Timestamps.kindOf(text) != Timestamps.ISO) {
                throw notMillis;
            }
            return Math.round(Timestamps.ISO.seconds(text) * 1000);
        }
    }

    private static long optional(CsvReader csv, int field) {
        if (field < 0 || field >= csv.fieldCount() || csv.isEmpty(field)) {
            return -1;
        }
        return csv.longNumber(field);
    }
}
