package io.perftest.collect;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The recorded tool outputs under {@code src/test/resources/io/perftest/collect/}. */
final class Fixtures {

    private Fixtures() {
    }

    static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource(name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no fixture " + name, e);
        }
    }

    static String text(String name) throws IOException {
        return Files.readString(path(name));
    }

    /** A copy of {@code name} in {@code dir} holding only its first {@code fraction} of bytes (a truncated file). */
    static Path truncatedCopy(String name, double fraction, Path dir, String as) throws IOException {
        byte[] all = Files.readAllBytes(path(name));
        Path out = dir.resolve(as);
        Files.write(out, java.util.Arrays.copyOf(all, (int) (all.length * fraction)));
        return out;
    }
}
