package io.perftest.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The files a run collected under {@code hosts/}, found for linking (bounded in depth and number), and text tails. */
final class RunFiles {

    static final int MAX_FILES = 500;
    private static final int MAX_DEPTH = 8;

    private RunFiles() {
    }

    /** Regular files under {@code dir}, sorted, at most {@link #MAX_FILES}; symbolic links are not followed. */
    static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir, MAX_DEPTH)) {
            return s.filter(Files::isRegularFile).sorted().limit(MAX_FILES).toList();
        }
    }

    /** A flame graph: an HTML page under a host's {@code perf/} directory. */
    static boolean isFlameGraph(Path relative) {
        String name = relative.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return relative.getNameCount() >= 3 && relative.getName(2).toString().equals("perf")
                && (name.endsWith(".html") || name.endsWith(".svg"));
    }

    /** Profiler output: anything a host's collectors produced outside {@code results/}. */
    static boolean isProfilerOutput(Path relative) {
        return relative.getNameCount() >= 4 && !relative.getName(2).toString().equals("results");
    }

    /** Small text files of profiler output are shown inline. */
    static boolean isSmallText(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return (name.endsWith(".txt") || name.endsWith(".csv") || name.endsWith(".log") || name.endsWith(".out"))
                && Files.size(file) <= 16 * 1024;
    }

    static String read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(16 * 1024), StandardCharsets.UTF_8);
        }
    }

    /** The last {@code lines} lines of a text file, read from its last 64 KiB at most. */
    static String tail(Path file, int lines) throws IOException {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long len = f.length();
            long from = Math.max(0, len - 64 * 1024);
            byte[] b = new byte[(int) (len - from)];
            f.seek(from);
            f.readFully(b);
            String text = new String(b, StandardCharsets.UTF_8);
            List<String> all = new ArrayList<>(List.of(text.split("\r?\n", -1)));
            if (!all.isEmpty() && all.get(all.size() - 1).isEmpty()) {
                all.remove(all.size() - 1);
            }
            if (from > 0 && !all.isEmpty()) {
                all.remove(0); // a partial first line
            }
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
    }
}
