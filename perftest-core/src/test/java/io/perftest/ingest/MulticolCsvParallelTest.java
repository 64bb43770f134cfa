package io.perftest.ingest;

import io.perftest.model.Metric;
import io.perftest.model.Series;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

/** A large multicol.csv read in parts on several threads gives exactly what one pass gives. */
public class MulticolCsvParallelTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path file(String header, boolean timeColumn, int rows, Map<Integer, String> special) throws Exception {
        Path f = tmp.newFile("multicol.csv").toPath();
        SplittableRandom r = new SplittableRandom(3);
        try (BufferedWriter w = Files.newBufferedWriter(f)) {
            w.write(header + "\n");
            for (int i = 0; i < rows; i++) {
                if (special.containsKey(i)) {
                    w.write(special.get(i) + "\n");
                    continue;
                }
                w.write((timeColumn ? (1_700_000_000L + i) + "," : "") + String.format(Locale.ROOT, "%.2f,%d,%.3f%%",
                        r.nextDouble(100), r.nextInt(1000), r.nextDouble(5)) + "\n");
            }
        }
        return f;
    }

    private static void assertSame(ParseResult a, ParseResult b) {
        Map<String, Double> am = new TreeMap<>();
        Map<String, Double> bm = new TreeMap<>();
        a.metrics().forEach(m -> am.put(m.key() + " " + m.unit(), m.value()));
        b.metrics().forEach(m -> bm.put(m.key() + " " + m.unit(), m.value()));
        assertEquals(am, bm);
        assertEquals(a.series().size(), b.series().size());
        for (int i = 0; i < a.series().size(); i++) {
            Series x = a.series().get(i);
            Series y = b.series().get(i);
            assertEquals(x.key(), y.key());
            assertArrayEquals(x.key(), x.times(), y.times(), 0);
            assertArrayEquals(x.key(), x.values(), y.values(), 0);
        }
        assertEquals(a.problemCount(), b.problemCount());
        assertEquals(a.problems(), b.problems());
    }

    @Test
    public void shouldReadEpochRowsInPartsAsInOnePassWithProblemsAtTheirLines() throws Exception {
        Path f = file("time,cpu (%),requests,share", true, 30_000, Map.of(10, "1700000010,x,1,2%", 25_000, "1700025000,1,2"));

        ParseResult onePass = new MulticolCsvParser(Long.MAX_VALUE, 1).parse(f, "multicol");
        ParseResult inParts = new MulticolCsvParser(64 * 1024, 4).parse(f, "multicol");

        assertSame(onePass, inParts);
        assertEquals(12, inParts.problems().get(0).origin().line());
        assertEquals(25_002, inParts.problems().get(1).origin().line());
        assertEquals("%", inParts.series().stream().filter(s -> s.key().equals("multicol.share")).findFirst().orElseThrow()
                .unit().symbol());
    }

    @Test
    public void shouldNumberRowsAcrossPartsWhenThereIsNoTimeColumn() throws Exception {
        Path f = file("Col1,Col2,Col3", false, 30_000, Map.of());

        ParseResult inParts = new MulticolCsvParser(64 * 1024, 4).parse(f, "multicol");

        assertSame(new MulticolCsvParser(Long.MAX_VALUE, 1).parse(f, "multicol"), inParts);
        Series first = inParts.series().get(0);
        assertEquals(30_000, first.size());
        assertEquals(30_000, first.time(29_999), 0);
        for (Metric m : inParts.metrics()) {
            assertEquals(m.key(), 1, m.samples().size());
        }
    }
}
