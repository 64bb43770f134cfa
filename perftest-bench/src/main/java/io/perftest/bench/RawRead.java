package io.perftest.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The baseline the parsers are measured against: reading a file as they do, touching nothing. */
final class RawRead {

    private RawRead() {
    }

    /**
     * Reads {@code file} through a 64 KiB heap buffer, as the parsers' input streams do, and
     * returns a value that depends on every read (so the JIT cannot drop them): the I/O cost alone.
     */
    static long of(Path file) throws IOException {
        long sum = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                sum += n + buf[n - 1];
            }
        }
        return sum;
    }
}
