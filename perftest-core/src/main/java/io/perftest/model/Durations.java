package io.perftest.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and prints durations as users write them: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h30m}, {@code 90} (seconds). */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)");
    private static final Pattern PLAIN = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(365L * 86400);

    private Durations() {
    }

    /**
     * @throws IllegalArgumentException naming the expected forms when {@code text} is not a duration
     */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.trim();
        if (PLAIN.matcher(t).matches()) {
            return ofSeconds(new BigDecimal(t), text);
        }
        Matcher m = PART.matcher(t);
        int at = 0;
        BigDecimal seconds = BigDecimal.ZERO;
        while (at < t.length() && m.find(at) && m.start() == at) {
            BigDecimal n = new BigDecimal(m.group(1));
            seconds = seconds.add(switch (m.group(2)) {
                case "ms" -> n.movePointLeft(3);
                case "s" -> n;
                case "m" -> n.multiply(BigDecimal.valueOf(60));
                case "h" -> n.multiply(BigDecimal.valueOf(3600));
                default -> n.multiply(BigDecimal.valueOf(86400));
            });
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

    private static Duration ofSeconds(BigDecimal seconds, String text) {
        if (seconds.compareTo(MAX_SECONDS) > 0) {
            throw new IllegalArgumentException("'" + text + "' is longer than a year");
        }
        return Duration.ofNanos(seconds.movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    /** The shortest form {@link #parse} reads back: {@code 1h30m}, {@code 2m}, {@code 1.5s}, {@code 250ms}. */
    public static String format(Duration d) {
        if (d.getNano() != 0) {
            // exact decimals, never the scientific notation of Double.toString that parse cannot read
            return d.getSeconds() == 0
                    ? BigDecimal.valueOf(d.getNano(), 6).stripTrailingZeros().toPlainString() + "ms"
                    : BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9)).stripTrailingZeros().toPlainString() + "s";
        }
        long s = d.getSeconds();
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
