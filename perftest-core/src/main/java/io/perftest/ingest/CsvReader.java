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
    private final boolean quoting;
    private final byte[] buf = new byte[1 << 16];
    private int bufPos;
    private int bufLen;
    /** The offset in the input of {@code buf[0]}. */
    private long bufBase;
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
        this(in, delimiter, maxRecordBytes, true);
    }

    /**
     * A reader of {@code in}; with {@code quoting} false a '"' is an ordinary character (for
     * tab-separated formats that never quote, such as Gatling's simulation.log).
     */
    public CsvReader(InputStream in, char delimiter, int maxRecordBytes, boolean quoting) {
        this.in = in;
        this.delimiter = (byte) delimiter;
        this.maxRecord = maxRecordBytes;
        this.quoting = quoting;
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
        if (bufBase == 0 && bufPos == 0 && nextLine == 1) {
            skipByteOrderMark();
        }
        recLen = 0;
        fields = 0;
        tooLong = false;
        unterminatedQuote = false;
        line = nextLine;
        if (nextFast()) {
            return true;
        }
        boolean more = nextSlow();
        data = rec; // the slow path may have grown rec into a new array
        return more;
    }

    /** A record with quotes, or one that does not fit the buffer: copied field by field into {@code rec}. */
    private boolean nextSlow() throws IOException {
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
            any = true;
            if (inQuotes) {
                byte c = buf[bufPos++];
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
            if (quoting && buf[bufPos] == '"' && recLen == fieldStart && !fieldQuoted) {
                bufPos++;
                inQuotes = true;
                fieldQuoted = true;
                continue;
            }
            // the common case: copy the run of ordinary bytes up to the next delimiter or line end at once
            int i = bufPos;
            final int end = bufLen;
            final byte d = delimiter;
            final byte[] b = buf;
            while (i < end) {
                byte c = b[i];
                if (c == d || c == '\n') {
                    break;
                }
                i++;
            }
            if (i > bufPos) {
                appendRange(bufPos, i - bufPos);
            }
            bufPos = i;
            if (i == end) {
                continue;
            }
            byte c = b[bufPos++];
            if (c == '\n') {
                nextLine++;
                if (recLen > 0 && rec[recLen - 1] == '\r' && !tooLong) {
                    recLen--;
                }
                endField(fieldStart, fieldQuoted);
                return true;
            }
            endField(fieldStart, fieldQuoted);
            fieldStart = recLen;
            fieldQuoted = false;
        }
    }

    /**
     * The common case without copying: a whole line without quotes in the buffer (the buffer is
     * compacted and refilled once if the line crosses its end). Fields then point into the buffer.
     */
    private boolean nextFast() throws IOException {
        for (int attempt = 0; attempt < 2; attempt++) {
            final int end = bufLen;
            final byte[] b = buf;
            final byte d = delimiter;
            int start = bufPos;
            int f = 0;
            for (int i = bufPos; i < end; i++) {
                byte c = b[i];
                if (c == d) {
                    if (f == starts.length) {
                        growFields();
                    }
                    starts[f] = start;
                    ends[f++] = i;
                    start = i + 1;
                } else if (c == '\n') {
                    int stop = i > start && b[i - 1] == '\r' ? i - 1 : i;
                    if (i - bufPos > maxRecord) {
                        return false;
                    }
                    if (f == starts.length) {
                        growFields();
                    }
                    starts[f] = start;
                    ends[f++] = stop;
                    fields = f;
                    data = b;
                    bufPos = i + 1;
                    nextLine++;
                    return true;
                } else if (c == '"' && quoting) {
                    return false;
                }
            }
            if (eof || attempt == 1 || bufPos == 0 && bufLen == b.length) {
                return false;
            }
            // the line crosses the end of the buffer: move its start to the front and read more
            int rest = bufLen - bufPos;
            System.arraycopy(b, bufPos, b, 0, rest);
            bufBase += bufPos;
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

    private void growFields() {
        starts = Arrays.copyOf(starts, starts.length * 2);
        ends = Arrays.copyOf(ends, ends.length * 2);
    }

    private void appendRange(int from, int n) {
        if (tooLong) {
            return;
        }
        if (recLen + n > rec.length) {
            if (recLen + n > maxRecord) {
                tooLong = true;
                return;
            }
            rec = Arrays.copyOf(rec, Math.min(maxRecord, Math.max(rec.length * 2, recLen + n)));
        }
        System.arraycopy(buf, from, rec, recLen, n);
        recLen += n;
    }

    /** A UTF-8 byte order mark (Excel and Windows tools write one) is not part of the first field. */
    private void skipByteOrderMark() throws IOException {
        while (bufLen < 3 && !eof) {
            int n = in.read(buf, bufLen, buf.length - bufLen);
            if (n <= 0) {
                eof = true;
            } else {
                bufLen += n;
            }
        }
        if (bufLen >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
            bufPos = 3;
        }
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
        bufBase += bufLen;
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

    /** How many bytes of the input the records read so far took (the offset just after the current record). */
    public long consumed() {
        return bufBase + bufPos;
    }

    /** How many line ends the records read so far contained. */
    public long linesConsumed() {
        return nextLine - 1;
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

    /** A hash of field {@code i}'s bytes (no allocation), for looking labels up by their bytes. */
    public int fieldHash(int i) {
        int h = 1;
        for (int k = starts[i]; k < ends[i]; k++) {
            h = 31 * h + data[k];
        }
        return h;
    }

    /** Whether field {@code i} has exactly the bytes {@code b[from..to)} (no allocation). */
    public boolean fieldEquals(int i, byte[] b, int from, int to) {
        return Arrays.equals(data, starts[i], ends[i], b, from, to);
    }

    /** A copy of field {@code i}'s bytes. */
    public byte[] fieldBytes(int i) {
        return Arrays.copyOfRange(data, starts[i], ends[i]);
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
