package io.perftest.ingest;

import io.perftest.stats.RequestStatistics;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * JMeter JTL results in CSV ({@code jmeter -n -l results.jtl}), with or without the header row
 * ({@code jmeter.save.saveservice.print_field_names}), columns in any order JMeter writes them,
 * quoted labels holding commas. Without a header the columns are JMeter's default ones (see
 * {@link #DEFAULT_COLUMNS}). Timestamps must be epoch milliseconds (JMeter's default
 * {@code timestamp_format=ms}) and mark the start of the sample (JMeter's default
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
        String lower = first.toLowerCase(Locale.ROOT);
        if (lower.startsWith("timestamp,") && lower.contains(",elapsed,") && lower.contains("label")) {
            return jtl ? 100 : 95;
        }
        String[] f = first.split(",", -1);
        if (f.length >= 8 && f[0].matches("\\d{12,14}") && f[1].matches("\\d+")
                && (f[7].equals("true") || f[7].equals("false"))) {
            return jtl ? 95 : 80;
        }
        if (jtl && f.length >= 3 && f[0].matches("\\d{12,14}")) {
            return 50;
        }
        return 0;
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

    /** Files at least twice this large are aggregated in parallel, one part per core. */
    static final long PARALLEL_THRESHOLD = 32L << 20;
    private static final int MAX_PARTS = 8;

    private final long partSize;
    private final int cores;

    public JmeterCsvParser() {
        this(PARALLEL_THRESHOLD, Runtime.getRuntime().availableProcessors());
    }

    /** A parser that splits files into parts of at least {@code partSize} bytes for up to {@code cores} threads. */
    JmeterCsvParser(long partSize, int cores) {
        this.partSize = partSize;
        this.cores = cores;
    }

    @Override
    protected void read(Path file, String source, ResultSink sink) throws IOException {
        long size = Files.size(file);
        int parts = (int) Math.min(Math.min(cores, MAX_PARTS), Math.max(1, size / partSize));
        if (parts > 1) {
            RequestTable table = readInParts(file, size, parts, sink.problems());
            if (table != null) {
                finish(table, source, sink);
                return;
            }
        }
        super.read(file, source, sink);
    }

    @Override
    protected void read(InputStream in, String source, ResultSink sink) throws IOException {
        RequestTable table = new RequestTable();
        try (CsvReader csv = new CsvReader(in, ',')) {
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
            Columns cols = Columns.of(DEFAULT_COLUMNS);
            record(csv, cols, table, problems);
            return cols;
        }
        return Columns.of(DEFAULT_COLUMNS);
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
    /** {@code outcome} is filled by the reading thread: bytes consumed, line ends consumed. */
    private record Part(long start, long end, RequestTable table, Problems problems, long[] outcome) {
    }

    /**
     * Aggregates the file in {@code count} parts, split at line ends, on as many threads, then
     * merges the tables. Returns null when a split fell inside a quoted field that spans lines
     * (the parts do not meet exactly), so the caller reads the file again in one pass.
     */
    private static RequestTable readInParts(Path file, long size, int count, Problems problems) throws IOException {
        Columns cols;
        long headerEnd;
        RequestTable first = new RequestTable();
        Problems headerProblems = new Problems(file.toString());
        try (InputStream in = Files.newInputStream(file); CsvReader csv = new CsvReader(in, ',')) {
            cols = header(csv, new RequestTable(), headerProblems);
            if (cols == null) {
                problems.absorb(headerProblems, 0);
                return new RequestTable();
            }
            headerEnd = csv.consumed();
        }
        if (!headerProblems.kept().isEmpty() || headerProblems.count() > 0) {
            return null; // an odd start: leave it to the one-pass reading, which reports it in order
        }
        List<Part> parts = new ArrayList<>();
        long[] starts = new long[count + 1];
        starts[0] = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int k = 1; k < count; k++) {
                starts[k] = lineStartAtOrAfter(ch, Math.max(headerEnd, size * k / count), size);
            }
        }
        starts[count] = size;
        for (int k = 0; k < count; k++) {
            parts.add(new Part(starts[k], starts[k + 1], k == 0 ? first : new RequestTable(), new Problems(file.toString()),
                    new long[2]));
        }
        Columns columns = cols;
        ExecutorService pool = Executors.newFixedThreadPool(count, r -> {
            Thread t = new Thread(r, "perftest-jtl");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Part part : parts) {
                futures.add(pool.submit(() -> {
                    readPart(file, part, columns);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading " + file);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        long lines = 0;
        for (int k = 0; k < count; k++) {
            Part part = parts.get(k);
            if (k < count - 1 && part.start() + part.outcome()[0] != part.end()) {
                return null;
            }
        }
        for (Part part : parts) {
            problems.absorb(part.problems(), lines);
            lines += part.outcome()[1];
            if (part.table() != first) {
                first.absorb(part.table());
            }
        }
        return first;
    }

    private static void readPart(Path file, Part part, Columns cols) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.position(part.start());
            try (CsvReader csv = new CsvReader(Channels.newInputStream(ch), ',')) {
                if (part.start() == 0) {
                    header(csv, part.table(), part.problems());
                }
                scan(csv, part.end() - part.start(), cols, part.table(), part.problems());
                part.outcome()[0] = csv.consumed();
                part.outcome()[1] = csv.linesConsumed();
            }
        }
    }

    /** The offset just after the first line end at or after {@code from} (or the file's size). */
    private static long lineStartAtOrAfter(FileChannel ch, long from, long size) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        long pos = from;
        while (pos < size) {
            buf.clear();
            int n = ch.read(buf, pos);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (buf.get(i) == '\n') {
                    return pos + i + 1;
                }
            }
            pos += n;
        }
        return size;
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
            long start = csv.longNumber(at);
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
                    + (at == c.timeStamp ? " (timeStamp must be epoch milliseconds: jmeter.save.saveservice.timestamp_format=ms)" : "")
                    + "; record skipped");
        }
    }

    private static long optional(CsvReader csv, int field) {
        if (field < 0 || field >= csv.fieldCount() || csv.isEmpty(field)) {
            return -1;
        }
        return csv.longNumber(field);
    }
}
