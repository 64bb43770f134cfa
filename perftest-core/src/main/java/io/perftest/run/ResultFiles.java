package io.perftest.run;

import io.perftest.ingest.MulticolCsvParser;
import io.perftest.ingest.ParseResult;
import io.perftest.ingest.ResultParser;
import io.perftest.ingest.ResultParsers;
import io.perftest.ingest.ResultsCsvParser;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds and parses the result files of one iteration: {@code results.csv}, {@code multicol.csv}
 * and the framework's declared globs (format found by content).
 */
final class ResultFiles {

    private final ResultParsers parsers;
    private final List<String> globs;

    ResultFiles(ResultParsers parsers, List<String> globs) {
        this.parsers = parsers;
        this.globs = List.copyOf(globs);
    }

    /** The files of {@code directory} that will be parsed. */
    List<Path> find(Path directory) throws IOException {
        Set<Path> files = new LinkedHashSet<>();
        for (String name : List.of(ResultsCsvParser.FILE_NAME, MulticolCsvParser.FILE_NAME)) {
            Path f = directory.resolve(name);
            if (Files.isRegularFile(f)) {
                files.add(f);
            }
        }
        if (!globs.isEmpty() && Files.isDirectory(directory)) {
            List<PathMatcher> matchers = globs.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
            try (Stream<Path> all = Files.walk(directory)) {
                all.filter(Files::isRegularFile)
                        .filter(p -> matchers.stream().anyMatch(m -> m.matches(directory.relativize(p))))
                        .sorted()
                        .forEach(files::add);
            }
        }
        return new ArrayList<>(files);
    }

    /** Parses one file; an unknown format yields a result with one problem. */
    ParseResult parse(Path file) throws IOException {
        Optional<ResultParser> parser = parsers.detect(file);
        if (parser.isEmpty()) {
            return new ParseResult(List.of(), List.of(),
                    List.of(new io.perftest.ingest.ParseProblem(io.perftest.model.Origin.of(file.toString()),
                            parsers.unrecognised(file))), 1);
        }
        return parser.get().parse(file, parser.get().defaultSource());
    }
}
