package io.perftest.ingest;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static io.perftest.ingest.IngestFixtures.fixture;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

public class ResultParsersTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final ResultParsers registry = ResultParsers.standard();

    /** The fixture under a name that says nothing, so only its content can tell the format. */
    private Path anonymous(String fixture) throws IOException {
        Path copy = tmp.newFolder().toPath().resolve("data.txt");
        Files.copy(fixture(fixture), copy);
        return copy;
    }

    private Optional<String> detected(Path file) throws IOException {
        return registry.detect(file).map(ResultParser::name);
    }

    @Test
    public void shouldListTheBuiltInFormatsByName() {
        assertTrue(registry.names().containsAll(java.util.List.of("results-csv", "multicol-csv")));
        assertEquals("results-csv", registry.byName("Results-CSV").orElseThrow().name());
        assertTrue(registry.byName("nope").isEmpty());
    }

    @Test
    public void shouldDetectFilesByTheirConventionalNames() throws IOException {
        assertEquals(Optional.of("results-csv"), detected(fixture("daytona/results.csv")));
        assertEquals(Optional.of("multicol-csv"), detected(fixture("daytona/multicol.csv")));
    }

    @Test
    public void shouldDetectKeyValueRowsAsResultsByContent() throws IOException {
        assertEquals(Optional.of("results-csv"), detected(anonymous("daytona/results.csv")));
        assertEquals(Optional.of("results-csv"), detected(anonymous("results-units.csv")));
    }

    @Test
    public void shouldDetectTimeSeriesAsMulticolByContent() throws IOException {
        assertEquals(Optional.of("multicol-csv"), detected(anonymous("daytona/sar_cpu.plt")));
        assertEquals(Optional.of("multicol-csv"), detected(anonymous("daytona/sar_docker_cpu.plt")));
        assertEquals(Optional.of("multicol-csv"), detected(anonymous("multicol-epoch-crlf.csv")));
    }

    @Test
    public void shouldDetectAThreeColumnTimeSeriesAsMulticolNotAsResultsWithUnits() throws IOException {
        assertEquals(Optional.of("multicol-csv"), detected(anonymous("daytona/sar_task.plt")));
    }

    @Test
    public void shouldDetectNothingInProse() throws IOException {
        Path file = tmp.newFile("notes.txt").toPath();
        Files.writeString(file, "This is not a result file.\nIt has words, and commas, but no numbers.\n");
        assertEquals(Optional.empty(), detected(file));
    }
}
