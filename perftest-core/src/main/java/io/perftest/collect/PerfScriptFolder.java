package io.perftest.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Folds the output of {@code perf script} (fed line by line) into {@code comm;root;...;leaf count}
 * stacks, as Brendan Gregg's stackcollapse-perf does: offsets are dropped, an unknown symbol
 * becomes its binary's name in brackets, kernel frames get the {@code _[k]} suffix that flame
 * graph renderers colour. Memory grows with the number of distinct stacks, not with samples.
 */
final class PerfScriptFolder {

    private static final Pattern HEADER = Pattern.compile("^(\\S.*?)\\s+(\\d+)(?:/\\d+)?\\s+.*:\\s*$|^(\\S.*?)\\s+(\\d+)(?:/\\d+)?\\s+\\[?\\d+.*");
    private static final Pattern FRAME = Pattern.compile("^\\s*([0-9a-fA-F]+)\\s+(.+?)\\s+\\((.*)\\)\\s*$");

    private final Map<String, Long> stacks = new TreeMap<>();
    private String comm;
    private final List<String> frames = new ArrayList<>();
    private long samples;

    /** Feeds one line of perf script output. */
    void accept(String line) {
        if (line.isBlank()) {
            flush();
            return;
        }
        if (!Character.isWhitespace(line.charAt(0))) {
            flush();
            Matcher m = HEADER.matcher(line);
            comm = m.matches() ? (m.group(1) != null ? m.group(1) : m.group(3)) : line.split("\\s+")[0];
            return;
        }
        Matcher f = FRAME.matcher(line);
        if (comm != null && f.matches()) {
            frames.add(frame(f.group(2), f.group(3)));
        }
    }

    private static String frame(String symbol, String dso) {
        String s = symbol;
        int plus = s.lastIndexOf("+0x");
        if (plus > 0) {
            s = s.substring(0, plus);
        }
        if (s.equals("[unknown]") && !dso.equals("[unknown]")) {
            String base = dso.substring(dso.lastIndexOf('/') + 1);
            s = "[" + base + "]";
        }
        if (dso.equals("[kernel.kallsyms]") || dso.startsWith("[kernel.")) {
            s = s + "_[k]";
        }
        return s.replace(';', ':');
    }

    /** Ends the input (a last sample without a blank line after it). */
    void flush() {
        if (comm != null) {
            StringBuilder b = new StringBuilder(comm.replace(';', ':'));
            for (int i = frames.size() - 1; i >= 0; i--) {
                b.append(';').append(frames.get(i));
            }
            stacks.merge(b.toString(), 1L, Long::sum);
            samples++;
        }
        comm = null;
        frames.clear();
    }

    long samples() {
        return samples;
    }

    /** The folded stacks, sorted, one {@code stack count} per line. */
    String folded() {
        StringBuilder b = new StringBuilder();
        stacks.forEach((s, n) -> b.append(s).append(' ').append(n).append('\n'));
        return b.toString();
    }
}
