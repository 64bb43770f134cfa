package io.perftest.model;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and prints durations as users write them: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h30m}, {@code 90} (seconds). */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)");
    private static final Pattern PLAIN = Pattern.compile("\\d+(?:\\.\\d+)?");

    private Durations() {
    }

    /**
     * @throws IllegalArgumentException naming the expected forms when {@code text} is not a duration
     */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.trim();
        if (PLAIN.matcher(t).matches()) {
            return ofSeconds(Double.parseDouble(t), text);
        }
        Matcher m = PART.matcher(t);
        int at = 0;
        double seconds = 0;
        while (at < t.length() && m.find(at) && m.start() == at) {
            double n = Double.parseDouble(m.group(1));
            seconds += switch (m.group(2)) {
                case "ms" -> n / 1000;
                case "s" -> n;
                case "m" -> n * 60;
                case "h" -> n * 3600;
                default -> n * 86400;
            };
            at = m.end();
            while (at < t.length() && t.charAt(at) == ' ') {
                at++;
            }
        }
        if (t.isEmpty() || at != t.length()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (expected e.g. 500ms, 30s, 2m, 1h30m)");
        }
        return ofSeconds(seconds, text);
    }

    private static Duration ofSeconds(double seconds, String text) {
        if (seconds > 365L * 86400) {
            throw new IllegalArgumentException("'" + text + "' is longer than a year");
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    /** The shortest form {@link #parse} reads back: {@code 1h30m}, {@code 2m}, {@code 1.5s}, {@code 250ms}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms == 0 && !d.isZero()) {
            return d.toNanos() / 1_000_000.0 + "ms";
        }
        if (ms % 1000 != 0) {
            return ms < 1000 ? ms + "ms" : (ms / 1000.0) + "s";
        }
        long s = ms / 1000;
        StringBuilder b = new StringBuilder();
        if (s >= 3600) {
            b.append(s / 3600).append('h');
            s %= 3600;
        }
        if (s >= 60) {
            b.append(s / 60).append('m');
            s %= 60;
        }
        if (s > 0 || b.length() == 0) {
            b.append(s).append('s');
        }
        return b.toString();
    }
}
