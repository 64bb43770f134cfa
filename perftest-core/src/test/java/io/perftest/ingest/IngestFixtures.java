package io.perftest.ingest;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The fixture files of the ingest tests, under {@code src/test/resources/io/perftest/ingest/}. */
final class IngestFixtures {

    private IngestFixtures() {
    }

    static Path fixture(String name) {
        try {
            return Path.of(IngestFixtures.class.getResource(name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no fixture " + name, e);
        }
    }
}
