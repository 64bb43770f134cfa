package io.perftest.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Whether a larger or a smaller value of a metric is better; comparisons and thresholds derive their verdicts from it. */
public enum Direction {
    HIGHER_IS_BETTER("higher"),
    LOWER_IS_BETTER("lower"),
    NEUTRAL("none");

    /** Parts of words that say a metric counts bad events; see {@link #namesBadEvents}. */
    private static final List<String> BAD_EVENT_STEMS = List.of("error", "fail", "drop", "retrans", "timeout", "timedout",
            "reject", "abort", "discard", "refused");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    /** The short name used in JSON and YAML: {@code higher}, {@code lower} or {@code none}. */
    public String label() {
        return label;
    }

    public static Direction fromLabel(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Direction d : values()) {
            if (d.label.equals(t) || d.name().toLowerCase(Locale.ROOT).equals(t)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown direction '" + text + "' (expected higher, lower or none)");
    }

    /**
     * Guesses the direction from a metric's name and unit, for formats that do not say it
     * (results.csv): a name that says it counts bad events ({@link #namesBadEvents}) is lower is
     * better, in any unit (a rising error rate is never an improvement); then rates and throughput
     * are better higher; times and latencies lower.
     */
    public static Direction guess(String name, Unit unit) {
        if (namesBadEvents(name)) {
            return LOWER_IS_BETTER;
        }
        String n = name.toLowerCase(Locale.ROOT);
        if (n.contains("throughput") || n.contains("ops") || n.contains("qps") || n.contains("rps")
                || n.contains("tps") || n.contains("bandwidth") || n.contains("iops") || n.contains("per_sec")
                || n.contains("persec") || n.contains("score") || n.contains("hit") || n.contains("speed")) {
            return HIGHER_IS_BETTER;
        }
        if (unit.isRate()) {
            return HIGHER_IS_BETTER;
        }
        if (n.contains("latency") || n.contains("time") || n.contains("duration") || n.contains("elapsed")
                || n.contains("miss") || n.contains("p50")
                || n.contains("p90") || n.contains("p95") || n.contains("p99") || n.contains("wait")
                || n.contains("response") || n.contains("rss") || n.contains("memory")) {
            return LOWER_IS_BETTER;
        }
        if (unit.dimension() == Unit.Dimension.TIME) {
            return LOWER_IS_BETTER;
        }
        return NEUTRAL;
    }

    /**
     * Whether a metric's name says it counts bad events: errors (also {@code err}, as in sar's
     * {@code rxerr/s}), failures, drops, retransmits, timeouts, rejections, aborts, discards,
     * losses, exceptions. Such a metric is lower is better whatever its unit. The name is read word
     * by word ({@code errors_per_sec}, {@code FailureRate}, {@code rx-drops}, {@code isegerr/s}), so
     * {@code interrupts} or {@code ferry} say nothing of errors.
     */
    public static boolean namesBadEvents(String name) {
        List<String> words = words(name);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            boolean timedOut = (w.equals("time") || w.equals("timed")) && i + 1 < words.size() && words.get(i + 1).equals("out");
            if (timedOut || w.startsWith("err") || w.endsWith("err") || w.endsWith("errs") || w.startsWith("loss")
                    || w.endsWith("loss") || w.equals("lost") || w.startsWith("exception")
                    || BAD_EVENT_STEMS.stream().anyMatch(w::contains)) {
                return true;
            }
        }
        return false;
    }

    /** The words of a name, lower case: split at every character other than a letter and at lower-to-upper case changes. */
    private static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean boundary = !Character.isLetter(c)
                    || Character.isUpperCase(c) && i > 0 && Character.isLowerCase(name.charAt(i - 1));
            if (boundary && w.length() > 0) {
                out.add(w.toString().toLowerCase(Locale.ROOT));
                w.setLength(0);
            }
            if (Character.isLetter(c)) {
                w.append(c);
            }
        }
        if (w.length() > 0) {
            out.add(w.toString().toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
