package io.perftest.ingest;

import org.junit.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

public class FormatsTableTest {

    private static final Path COMMITTED = Path.of("..", "docs", "formats.md");

    @Test
    public void shouldMatchTheCommittedDocsFormatsPage() throws IOException {
        String generated = FormatsTable.markdown(ResultParsers.standard());
        if (Boolean.getBoolean("perftest.updateDocs")) {
            FormatsTable.main(new String[] {COMMITTED.toString()});
        }
        assertTrue("docs/formats.md is missing; run mvn -pl perftest-core test -Dtest=FormatsTableTest -Dperftest.updateDocs=true",
                Files.exists(COMMITTED));
        assertEquals("docs/formats.md is stale; run mvn -pl perftest-core test -Dtest=FormatsTableTest -Dperftest.updateDocs=true",
                generated, Files.readString(COMMITTED, StandardCharsets.UTF_8));
    }

    @Test
    public void shouldListEveryRegisteredFormat() {
        String md = FormatsTable.markdown(ResultParsers.standard());
        for (ResultParser p : ResultParsers.standard().all()) {
            assertTrue(p.name(), md.contains("| `" + p.name() + "` |"));
        }
    }
}
