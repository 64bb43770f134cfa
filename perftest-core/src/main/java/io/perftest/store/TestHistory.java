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
    private final String runSubpath;
    private final int currentNumber;

    public TestHistory(Path directory) {
        this(directory, null, 0);
    }

    private TestHistory(Path directory, String runSubpath, int currentNumber) {
        this.directory = directory.toAbsolutePath().normalize();
        this.runSubpath = runSubpath;
        this.currentNumber = currentNumber;
    }

    /**
     * The history of a test whose runs live inside numbered build directories, as in Jenkins:
     * run N is {@code <buildsDirectory>/<N>/<runSubpath>/}, and the next run is the current
     * build's, number {@code currentBuild}.
     */
    public static TestHistory inBuilds(Path buildsDirectory, String runSubpath, int currentBuild) {
        if (currentBuild < 1 || runSubpath.isBlank()) {
            throw new IllegalArgumentException("build number " + currentBuild + " and run subpath '" + runSubpath + "'");
        }
        return new TestHistory(buildsDirectory, runSubpath, currentBuild);
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
        if (runSubpath != null) {
            Path run = directory.resolve(Integer.toString(currentNumber)).resolve(runSubpath);
            if (Files.exists(run.resolve(RunDirectory.RUN_JSON))) {
                throw new FileAlreadyExistsException(run.toString(), null, "this build already made a run of this test");
            }
            Files.createDirectories(run);
            return new RunDirectory(run, currentNumber);
        }
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
                String name = p.getFileName().toString();
                if (!NUMBER.matcher(name).matches() || !Files.isDirectory(p)) {
                    continue;
                }
                if (runSubpath == null) {
                    out.add(new RunDirectory(p));
                } else if (Files.isDirectory(p.resolve(runSubpath))) {
                    out.add(new RunDirectory(p.resolve(runSubpath), Integer.parseInt(name)));
                }
            }
        }
        out.sort(Comparator.comparingInt(RunDirectory::number));
        return out;
    }

    /** The directory of run {@code number} (it may not exist), in either layout. */
    public RunDirectory run(int number) {
        Path numbered = directory.resolve(Integer.toString(number));
        return runSubpath == null ? new RunDirectory(numbered) : new RunDirectory(numbered.resolve(runSubpath), number);
    }

    /**
     * A file of the test's own beside its runs (the pinned baseline): {@code <directory>/<name>};
     * in the builds layout, where the directory holds every test of a job, the test's subpath is
     * part of the name ({@code pinned-baseline.perftest_small.json}) so each test has its own.
     */
    public Path file(String name) {
        if (runSubpath == null) {
            return directory.resolve(name);
        }
        int dot = name.lastIndexOf('.');
        String tag = runSubpath.replaceAll("[^A-Za-z0-9_.-]", "_");
        return directory.resolve(dot > 0 ? name.substring(0, dot) + "." + tag + name.substring(dot) : name + "." + tag);
    }

    public int lastNumber() throws IOException {
        List<RunDirectory> runs = runs();
        return runs.isEmpty() ? 0 : runs.get(runs.size() - 1).number();
    }
}
