package io.perftest.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The runs of one test: {@code <results>/<framework>/<test>/<number>/}, numbered 1, 2, 3 ...
 * like builds. New numbers are taken with an atomic directory creation, so two runs started at
 * once never share a number.
 */
public final class TestHistory {

    private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,8}");

    private final Path directory;

    public TestHistory(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /** The history of {@code framework}/{@code test} under a results root. */
    public static TestHistory of(Path resultsRoot, String framework, String test) {
        return new TestHistory(resultsRoot.resolve(framework).resolve(test));
    }

    public Path directory() {
        return directory;
    }

    /** Creates the directory of the next run and returns it. */
    public RunDirectory createNextRun() throws IOException {
        Files.createDirectories(directory);
        int next = lastNumber() + 1;
        for (int attempt = 0; attempt < 1000; attempt++) {
            Path candidate = directory.resolve(Integer.toString(next + attempt));
            try {
                Files.createDirectory(candidate);
                return new RunDirectory(candidate);
            } catch (FileAlreadyExistsException e) {
                // another run took this number first: try the next
            }
        }
        throw new IOException(directory + ": could not take a new run number after 1000 attempts");
    }

    /** The runs, oldest (lowest number) first. */
    public List<RunDirectory> runs() throws IOException {
        List<RunDirectory> out = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(directory)) {
            for (Path p : s) {
                if (NUMBER.matcher(p.getFileName().toString()).matches() && Files.isDirectory(p)) {
                    out.add(new RunDirectory(p));
                }
            }
        }
        out.sort(Comparator.comparingInt(RunDirectory::number));
        return out;
    }

    public int lastNumber() throws IOException {
        List<RunDirectory> runs = runs();
        return runs.isEmpty() ? 0 : runs.get(runs.size() - 1).number();
    }
}
