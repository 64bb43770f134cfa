package io.perftest.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A streaming, byte-level CSV reader for large result files: RFC 4180 quoting (quoted fields
 * may hold the delimiter, doubled quotes and newlines), {@code \n} or {@code \r\n} line ends,
 * fields read as strings or parsed as numbers without creating strings. Memory is bounded: a
 * record longer than {@code maxRecordBytes} is skipped and reported through {@link #lastRecordTooLong()}.
 */
public final class CsvReader implements Closeable {

    public static final int DEFAULT_MAX_RECORD = 1 << 20;

    private final InputStream in;
    private final byte delimiter;
    private final int maxRecord;
    private final byte[] buf = new byte[1 << 16];
    private int bufPos;
    private int bufLen;
    private boolean eof;

    private byte[] rec = new byte[1024];
    /** Where the current record's fields are: {@code buf} (fast path, unquoted line) or {@code rec}. */
    private byte[] data = rec;
    private int recLen;
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private int fields;
    private long line;
    private long nextLine = 1;
    private boolean tooLong;
    private boolean unterminatedQuote;

    public CsvReader(InputStream in, char delimiter, int maxRecordBytes) {
        this.in = in;
        this.delimiter = (byte) delimiter;
        this.maxRecord = maxRecordBytes;
    }

    public CsvReader(InputStream in, char delimiter) {
        this(in, delimiter, DEFAULT_MAX_RECORD);
    }

    /**
     * Advances to the next record.
     *
     * @return false at the end of the input
     */
    public boolean next() throws IOException {
        recLen = 0;
        fields = 0;
        tooLong = false;
        unterminatedQuote = false;
        line = nextLine;
        if (nextFast()) {
            return true;
        }
        data = rec;
        boolean inQuotes = false;
        boolean any = false;
        int fieldStart = 0;
        boolean fieldQuoted = false;
        while (true) {
            if (bufPos >= bufLen && !fill()) {
                if (!any) {
                    return false;
                }
                if (inQuotes) {
                    unterminatedQuote = true;
                }
                endField(fieldStart, fieldQuoted);
                return true;
            }
            byte c = buf[bufPos++];
            any = true;
            if (inQuotes) {
                if (c == '"') {
                    if (bufPos >= bufLen && !fill()) {
                        inQuotes = false;
                        continue;
                    }
                    if (buf[bufPos] == '"') {
                        bufPos++;
                        append(c);
                    } else {
                        inQuotes = false;
                    }
                } else {
                    if (c == '\n') {
                        nextLine++;
                    }
                    append(c);
                }
                continue;
            }
            if (c == '\n') {
                nextLine++;
                if (recLen > 0 && rec[recLen - 1] == '\r' && !tooLong) {
                    recLen--;
                }
                endField(fieldStart, fieldQuoted);
                return true;
            }
            if (c == delimiter) {
                endField(fieldStart, fieldQuoted);
                fieldStart = recLen;
                fieldQuoted = false;
            } else if (c == '"' && recLen == fieldStart && !fieldQuoted) {
                inQuotes = true;
                fieldQuoted = true;
            } else {
                append(c);
            }
        }
    }

    /**
     * The common case without copying: a whole line without quotes in the buffer (the buffer is
     * compacted and refilled once if the line crosses its end). Fields then point into the buffer.
     */
    private boolean nextFast() throws IOException {
        for (int attempt = 0; attempt < 2; attempt++) {
            int i = bufPos;
            final int end = bufLen;
            final byte[] b = buf;
            while (i < end) {
                byte c = b[i];
                if (c == '\n') {
                    int stop = i > bufPos && b[i - 1] == '\r' ? i - 1 : i;
                    if (stop - bufPos > maxRecord) {
                        return false;
                    }
                    data = b;
                    int start = bufPos;
                    final byte d = delimiter;
                    for (int k = bufPos; k < stop; k++) {
                        if (b[k] == d) {
                            addField(start, k);
                            start = k + 1;
                        }
                    }
                    addField(start, stop);
                    bufPos = i + 1;
                    nextLine++;
                    return true;
                }
                if (c == '"') {
                    return false;
                }
                i++;
            }
            if (eof || attempt == 1 || bufPos == 0 && bufLen == b.length) {
                return false;
            }
            // the line crosses the end of the buffer: move its start to the front and read more
            int rest = bufLen - bufPos;
            System.arraycopy(b, bufPos, b, 0, rest);
            bufPos = 0;
            bufLen = rest;
            int n = in.read(b, rest, b.length - rest);
            if (n <= 0) {
                eof = true;
                return false;
            }
            bufLen = rest + n;
        }
        return false;
    }

    private void addField(int start, int end) {
        if (fields == starts.length) {
            starts = Arrays.copyOf(starts, fields * 2);
            ends = Arrays.copyOf(ends, fields * 2);
        }
        starts[fields] = start;
        ends[fields] = end;
        fields++;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            eof = true;
            return false;
        }
        bufPos = 0;
        bufLen = n;
        return true;
    }

    private void append(byte c) {
        if (tooLong) {
            return;
        }
        if (recLen == rec.length) {
            if (rec.length >= maxRecord) {
                tooLong = true;
                return;
            }
            rec = Arrays.copyOf(rec, Math.min(maxRecord, rec.length * 2));
        }
        rec[recLen++] = c;
    }

    private void endField(int start, boolean quoted) {
        if (fields == starts.length) {
            if (fields >= 100_000) {
                tooLong = true;
                return;
            }
            starts = Arrays.copyOf(starts, fields * 2);
            ends = Arrays.copyOf(ends, fields * 2);
        }
        starts[fields] = Math.min(start, recLen);
        ends[fields] = recLen;
        fields++;
    }

    /** The 1-based line on which the current record starts. */
    public long line() {
        return line;
    }

    /** Whether the current record was longer than the limit (its fields are then incomplete: skip it). */
    public boolean lastRecordTooLong() {
        return tooLong;
    }

    /** Whether the input ended inside a quoted field (a truncated file). */
    public boolean unterminatedQuote() {
        return unterminatedQuote;
    }

    public int fieldCount() {
        return fields;
    }

    /** Whether the record is an empty line (or only blanks). */
    public boolean isBlank() {
        if (fields > 1) {
            return false;
        }
        for (int i = starts[0]; i < ends[0]; i++) {
            if (data[i] != ' ' && data[i] != '\t' && data[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    public String field(int i) {
        return new String(data, starts[i], ends[i] - starts[i], StandardCharsets.UTF_8);
    }

    /** The field without surrounding blanks. */
    public String trimmed(int i) {
        return field(i).strip();
    }

    /** Whether field {@code i} is empty or blank. */
    public boolean isEmpty(int i) {
        for (int k = starts[i]; k < ends[i]; k++) {
            if (data[k] != ' ' && data[k] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Parses field {@code i} as a number, without creating a string in the common case. */
    public double number(int i) {
        return Numbers.parseDouble(data, starts[i], ends[i]);
    }

    /** Parses field {@code i} as a whole number. */
    public long longNumber(int i) {
        return Numbers.parseLong(data, starts[i], ends[i]);
    }

    /** Whether field {@code i} equals {@code ascii} exactly (no allocation). */
    public boolean fieldEquals(int i, byte[] ascii) {
        return Arrays.equals(data, starts[i], ends[i], ascii, 0, ascii.length);
    }

    /** The whole record as text, for error messages (cut at 200 characters). */
    public String recordText() {
        if (fields == 0) {
            return "";
        }
        int from = starts[0];
        int to = ends[fields - 1];
        String s = new String(data, from, Math.min(to - from, 200), StandardCharsets.UTF_8);
        return to - from > 200 ? s + "..." : s;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
