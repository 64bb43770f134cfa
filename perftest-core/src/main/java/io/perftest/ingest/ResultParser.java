package io.perftest.ingest;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one result format into metrics and series. Implementations are stateless, stream their
 * input (memory does not grow with the file), and report bad lines as {@link ParseProblem}s
 * instead of failing; only an unreadable file is an {@link IOException}.
 */
public interface ResultParser {

    /** The format's name, as given to {@code --format}: {@code results-csv}, {@code jmeter-csv}, ... */
    String name();

    /** One line for {@code docs/formats.md} and {@code --help}: what the format is and its metrics. */
    String description();

    /** How the format is recognised, in words, for {@code docs/formats.md}. */
    String detectionRule();

    /**
     * How sure this parser is that a file is in its format, from its name and its first bytes:
     * 0 (not mine) to 100 (certain). The registry picks the highest score.
     */
    int detect(String fileName, byte[] head);

    /**
     * Parses {@code file}. Metric keys start with {@code source} (e.g. {@code results},
     * {@code jmeter}) unless the format defines its own.
     */
    ParseResult parse(Path file, String source) throws IOException;

    /** The default metric source prefix of this format. */
    String defaultSource();
}
