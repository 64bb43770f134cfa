package io.perftest.ingest;

import org.junit.Test;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

public class CsvReaderTest {

    /** A stream that hands out one byte per read, so every quote and line end falls on a buffer boundary. */
    private static InputStream trickle(byte[] bytes) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }

    /** Every record as its fields, read once from a whole buffer and once a byte at a time; both must agree. */
    private static List<List<String>> records(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<List<String>> whole = read(new CsvReader(new ByteArrayInputStream(bytes), ','));
        assertEquals("read a byte at a time", whole, read(new CsvReader(trickle(bytes), ',')));
        return whole;
    }

    private static List<List<String>> read(CsvReader csv) throws IOException {
        List<List<String>> out = new ArrayList<>();
        while (csv.next()) {
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < csv.fieldCount(); i++) {
                fields.add(csv.field(i));
            }
            out.add(fields);
        }
        return out;
    }

    /**
     * The fast path (64-byte blocks searched word by word, records left in the buffer) must read
     * exactly what the byte-at-a-time path reads: random records with quotes, doubled quotes,
     * CRLF, UTF-8, empty fields and lines longer than a block, over several buffers' worth.
     */
    @Test
    public void shouldReadRandomRecordsAsTheByteAtATimePathDoes() throws IOException {
        java.util.Random random = new java.util.Random(20261122);
        String[] pieces = {"a", "bc", "12345", "x".repeat(70), "\u00e9t\u00e9", "\u20ac", " ", "\"", "\"q,\"", "\"\"", "\r", "-1.5e3", "\"\""};
        for (char delimiter : new char[] {',', ';', '\t'}) {
            for (boolean quoting : new boolean[] {true, false}) {
                StringBuilder text = new StringBuilder();
                while (text.length() < 100_000) {
                    int fields = random.nextInt(20);
                    for (int f = 0; f <= fields; f++) {
                        int parts = random.nextInt(4);
                        for (int p = 0; p < parts; p++) {
                            // quotes in one record in fifty, so that most records take the fast path
                            String piece = pieces[random.nextInt(pieces.length)];
                            text.append(piece.contains("\"") && random.nextInt(50) != 0 ? "z" : piece);
                        }
                        text.append(f < fields ? delimiter : '\n');
                    }
                    if (random.nextInt(10) == 0) {
                        text.append(random.nextBoolean() ? "\n" : "\r\n");
                    }
                }
                byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                List<List<String>> fast = read(new CsvReader(new ByteArrayInputStream(bytes), delimiter, CsvReader.DEFAULT_MAX_RECORD, quoting));
                List<List<String>> slow = read(new CsvReader(trickle(bytes), delimiter, CsvReader.DEFAULT_MAX_RECORD, quoting));
                assertEquals("delimiter '" + delimiter + "', quoting " + quoting, slow, fast);
                assertTrue(fast.size() + " records", fast.size() > 300);
            }
        }
    }

    @Test
    public void shouldSplitRecordsAtCommasAndLineEnds() throws IOException {
        assertEquals(List.of(List.of("a", "b"), List.of("c", "", "d")), records("a,b\nc,,d\n"));
    }

    @Test
    public void shouldKeepCommasInsideQuotes() throws IOException {
        assertEquals(List.of(List.of("a", "b,c", "d")), records("a,\"b,c\",d\n"));
    }

    @Test
    public void shouldReadDoubledQuotesAsOneQuote() throws IOException {
        assertEquals(List.of(List.of("say \"hi\"", "\"")), records("\"say \"\"hi\"\"\",\"\"\"\"\n"));
    }

    @Test
    public void shouldKeepNewlinesInsideQuotesAndCountTheirLines() throws IOException {
        byte[] bytes = "\"line1\nline2\",x\nnext,y\n".getBytes(StandardCharsets.UTF_8);
        CsvReader csv = new CsvReader(new ByteArrayInputStream(bytes), ',');

        assertTrue(csv.next());
        assertEquals("line1\nline2", csv.field(0));
        assertEquals(1, csv.line());
        assertTrue(csv.next());
        assertEquals("next", csv.field(0));
        assertEquals(3, csv.line());
        assertFalse(csv.next());
    }

    @Test
    public void shouldDropTheCarriageReturnOfCrlfLineEnds() throws IOException {
        assertEquals(List.of(List.of("a", "b"), List.of("c", "quoted")), records("a,b\r\nc,\"quoted\"\r\n"));
    }

    @Test
    public void shouldReadTheLastRecordWithoutALineEnd() throws IOException {
        assertEquals(List.of(List.of("a", "b"), List.of("c", "d")), records("a,b\nc,d"));
    }

    @Test
    public void shouldFlagAnUnterminatedQuoteAtTheEndOfTheInput() throws IOException {
        CsvReader csv = new CsvReader(new ByteArrayInputStream("a,b\nc,\"unterminated\nmore".getBytes(StandardCharsets.UTF_8)), ',');
        assertTrue(csv.next());
        assertFalse(csv.unterminatedQuote());
        assertTrue(csv.next());
        assertTrue(csv.unterminatedQuote());
        assertEquals("unterminated\nmore", csv.field(1));
        assertFalse(csv.next());
    }

    @Test
    public void shouldFlagARecordOverTheLimitAndGoOnWithTheNext() throws IOException {
        String huge = "x".repeat(10_000);
        CsvReader csv = new CsvReader(new ByteArrayInputStream(("key," + huge + "\nok,1\n").getBytes(StandardCharsets.UTF_8)), ',', 1024);

        assertTrue(csv.next());
        assertTrue(csv.lastRecordTooLong());
        assertTrue(csv.next());
        assertFalse(csv.lastRecordTooLong());
        assertEquals("ok", csv.field(0));
        assertEquals(1, csv.number(1), 0);
        assertEquals(2, csv.line());
    }

    @Test
    public void shouldKeepItsRecordBufferWithinTheLimitWhileSkippingAHugeRecord() throws Exception {
        long size = 64L << 20; // 64 MiB in one line, generated, never held in memory
        InputStream endless = new InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'y' : left == -1 ? '\n' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return left-- == 0 ? oneNewline(b, off) : -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'y');
                left -= n;
                return n;
            }

            private int oneNewline(byte[] b, int off) {
                b[off] = '\n';
                return 1;
            }
        };
        CsvReader csv = new CsvReader(endless, ',', 4096);

        assertTrue(csv.next());

        assertTrue(csv.lastRecordTooLong());
        java.lang.reflect.Field rec = CsvReader.class.getDeclaredField("rec");
        rec.setAccessible(true);
        assertTrue(((byte[]) rec.get(csv)).length <= 4096);
        assertFalse(csv.next());
    }

    @Test
    public void shouldParseNumbersAndCompareFieldsWithoutStrings() throws IOException {
        CsvReader csv = new CsvReader(new ByteArrayInputStream(" 12.5 ,42, ,total\n".getBytes(StandardCharsets.UTF_8)), ',');
        assertTrue(csv.next());
        assertEquals(12.5, csv.number(0), 0);
        assertEquals(42, csv.longNumber(1));
        assertTrue(csv.isEmpty(2));
        assertTrue(csv.fieldEquals(3, "total".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("12.5", csv.trimmed(0));
    }

    @Test
    public void shouldCallAnEmptyOrBlankLineBlank() throws IOException {
        CsvReader csv = new CsvReader(new ByteArrayInputStream("\n  \r\n,\n".getBytes(StandardCharsets.UTF_8)), ',');
        assertTrue(csv.next());
        assertTrue(csv.isBlank());
        assertTrue(csv.next());
        assertTrue(csv.isBlank());
        assertTrue(csv.next());
        assertFalse(csv.isBlank());
    }

    @Test
    public void shouldReadUtf8AndOtherDelimiters() throws IOException {
        CsvReader csv = new CsvReader(new ByteArrayInputStream("caf\u00e9;\u00b5s\n".getBytes(StandardCharsets.UTF_8)), ';');
        assertTrue(csv.next());
        assertArrayEquals(new String[] {"caf\u00e9", "\u00b5s"}, new String[] {csv.field(0), csv.field(1)});
    }

    @Test
    public void shouldReadTheFieldsAfterAQuotedFieldLongerThanTheInitialRecordBuffer() throws IOException {
        String big = "x".repeat(200_000);
        byte[] bytes = ("a,\"" + big + "\",7,tail\nb,1\n").getBytes(StandardCharsets.UTF_8);
        CsvReader csv = new CsvReader(new ByteArrayInputStream(bytes), ',');

        assertTrue(csv.next());
        assertEquals(big, csv.field(1));
        assertEquals(7, csv.number(2), 0);
        assertTrue(csv.fieldEquals(3, "tail".getBytes(StandardCharsets.UTF_8)));
        assertTrue(csv.next());
        assertEquals("b", csv.field(0));
        assertEquals(bytes.length, csv.consumed());
    }
}
