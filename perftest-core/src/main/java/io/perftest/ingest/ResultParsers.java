package io.perftest.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The registry of result formats: the built-in parsers plus any found through
 * {@link ServiceLoader}. Finds a file's format by its content.
 */
public final class ResultParsers {

    /** How many bytes of a file detection looks at. */
    public static final int HEAD_BYTES = 8192;

    private final List<ResultParser> parsers;

    private ResultParsers(List<ResultParser> parsers) {
        this.parsers = List.copyOf(parsers);
    }

    /** The built-in formats and those registered as services. */
    public static ResultParsers standard() {
        List<ResultParser> all = new ArrayList<>(builtIn());
        for (ResultParser p : ServiceLoader.load(ResultParser.class)) {
            if (all.stream().noneMatch(q -> q.name().equals(p.name()))) {
                all.add(p);
            }
        }
        return new ResultParsers(all);
    }

    static List<ResultParser> builtIn() {
        return List.of(new ResultsCsvParser(), new MulticolCsvParser(), new JmeterCsvParser(),
                new JmeterXmlParser(), new GatlingLogParser(), new JmhJsonParser(), new HyperfineJsonParser(),
                new WrkTextParser(), new FioJsonParser(), new DatapointsJsonParser());
    }

    public List<ResultParser> all() {
        return parsers;
    }

    public Optional<ResultParser> byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return parsers.stream().filter(p -> p.name().equals(n)).findFirst();
    }

    public List<String> names() {
        return parsers.stream().map(ResultParser::name).toList();
    }

    /** The parser most sure about {@code file}, if any is at all. */
    public Optional<ResultParser> detect(Path file) throws IOException {
        byte[] head = head(file);
        String name = file.getFileName().toString();
        return parsers.stream()
                .filter(p -> p.detect(name, head) > 0)
                .max(Comparator.comparingInt(p -> p.detect(name, head)));
    }

    /** Why {@link #detect} found no parser for {@code file}: the known formats, and a hint where the content suggests one. */
    public String unrecognised(Path file) throws IOException {
        String hint = GatlingLogParser.unrecognisedHint(file.getFileName().toString(), head(file));
        return "format not recognised" + (hint.isEmpty() ? "" : " (" + hint + ")") + "; known formats: " + String.join(", ", names());
    }

    /** The first {@value #HEAD_BYTES} bytes of {@code file}, for detection. */
    public static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD_BYTES);
        }
    }
}
