package io.perftest.ingest;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

/**
 * The contract every {@link ResultParser} keeps; each parser's test extends this class and
 * names its parser, a real sample file and a malformed variant of it.
 */
public abstract class ResultParserContractTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** The parser under test. */
    protected abstract ResultParser parser();

    /** A real sample of the format: a resource next to this test class's package. */
    protected abstract String sampleResource();

    /** A file in the format with one malformed record, and the line it is on. */
    protected abstract String malformedText();

    protected abstract int malformedLine();

    /** The file name the sample is copied to (detection may look at it). */
    protected String sampleFileName() {
        return sampleResource();
    }

    protected byte[] sampleBytes() throws IOException {
        try (InputStream in = getClass().getResourceAsStream(sampleResource())) {
            assertNotNull("test resource " + sampleResource() + " is missing", in);
            return in.readAllBytes();
        }
    }

    protected Path write(String name, byte[] content) throws IOException {
        Path p = tmp.getRoot().toPath().resolve(name);
        Files.write(p, content);
        return p;
    }

    protected ParseResult parseSample() throws IOException {
        return parser().parse(write(sampleFileName(), sampleBytes()), parser().defaultSource());
    }

    @Test
    public void shouldBeListedInTheRegistry() {
        ResultParser found = ResultParsers.standard().byName(parser().name()).orElseThrow();
        assertSame(parser().getClass(), found.getClass());
        assertFalse(parser().description().isBlank());
        assertFalse(parser().detectionRule().isBlank());
    }

    @Test
    public void shouldDetectItsRealSample() throws IOException {
        Path sample = write(sampleFileName(), sampleBytes());
        assertEquals(parser().name(), ResultParsers.standard().detect(sample).orElseThrow().name());
    }

    @Test
    public void shouldDetectItsSampleByContentUnderAnyName() throws IOException {
        Path sample = write("output.txt", sampleBytes());
        assertEquals(parser().name(), ResultParsers.standard().detect(sample).map(ResultParser::name).orElse("none"));
    }

    @Test
    public void shouldReadItsRealSampleWithoutProblems() throws IOException {
        ParseResult r = parseSample();
        assertEquals(r.problems().toString(), 0, r.problemCount());
        assertFalse(r.metrics().isEmpty());
        r.metrics().forEach(m -> assertTrue(m.key(), m.key().startsWith(parser().defaultSource() + ".")));
    }

    @Test
    public void shouldReportEmptyFileNamingIt() throws IOException {
        Path empty = write("empty-" + sampleFileName(), new byte[0]);
        ParseResult r = parser().parse(empty, parser().defaultSource());
        assertTrue(r.metrics().isEmpty());
        assertTrue(r.problemCount() > 0);
        assertTrue(r.problems().get(0).toString(), r.problems().get(0).toString().contains(empty.toString()));
    }

    @Test
    public void shouldReportMalformedRecordWithFileAndLine() throws IOException {
        Path bad = write("malformed-" + sampleFileName(), malformedText().getBytes(StandardCharsets.UTF_8));
        ParseResult r = parser().parse(bad, parser().defaultSource());
        assertTrue("no problem reported", r.problemCount() > 0);
        ParseProblem p = r.problems().get(0);
        assertEquals(bad.toString(), p.origin().source());
        assertEquals(p.toString(), malformedLine(), p.origin().line());
    }

    @Test
    public void shouldSurviveTruncationAnywhere() throws IOException {
        byte[] sample = sampleBytes();
        for (int cut : new int[] {1, sample.length / 3, sample.length / 2, sample.length * 9 / 10, sample.length - 1}) {
            Path p = write("cut-" + cut + "-" + sampleFileName(), Arrays.copyOf(sample, cut));
            ParseResult r = parser().parse(p, parser().defaultSource());
            assertNotNull(r);
            r.problems().forEach(pr -> assertEquals(p.toString(), pr.origin().source()));
        }
    }

    @Test
    public void shouldReportUtf16FileAsWrongEncoding() throws IOException {
        String text = new String(sampleBytes(), StandardCharsets.UTF_8);
        Path p = write("utf16-" + sampleFileName(), text.getBytes(StandardCharsets.UTF_16));
        ParseResult r = parser().parse(p, parser().defaultSource());
        assertTrue(r.metrics().isEmpty());
        assertTrue(r.problems().toString(), r.problems().get(0).message().contains("UTF-16"));
    }

    @Test
    public void shouldSkipTenMegabyteLineInBoundedMemory() throws IOException {
        byte[] sample = sampleBytes();
        int nl = indexOf(sample, (byte) '\n') + 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(sample, 0, nl);
        byte[] line = new byte[10 << 20];
        Arrays.fill(line, (byte) '7');
        line[0] = 'x';
        out.write(line);
        out.write('\n');
        out.write(sample, nl, sample.length - nl);
        Path p = write("longline-" + sampleFileName(), out.toByteArray());
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        ParseResult r = parser().parse(p, parser().defaultSource());
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue("the long line is not reported", r.problemCount() > 0);
        assertEquals(2, r.problems().get(0).origin().line());
        assertTrue("allocated " + (allocated >> 20) + " MiB for a 10 MiB line", allocated < 64L << 20);
    }

    @Test
    public void shouldNeverThrowOnRandomBytes() throws IOException {
        Random random = new Random(42);
        for (int i = 0; i < 5; i++) {
            byte[] noise = new byte[2000 + random.nextInt(5000)];
            random.nextBytes(noise);
            ParseResult r = parser().parse(write("noise-" + i + "-" + sampleFileName(), noise), parser().defaultSource());
            assertTrue(r.problemCount() > 0);
        }
    }

    private static int indexOf(byte[] b, byte c) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return b.length - 1;
    }
}
