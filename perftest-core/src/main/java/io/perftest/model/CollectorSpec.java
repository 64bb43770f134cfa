package io.perftest.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A collector as configured: its type ({@code sar}, {@code proc}, ...) and options
 * ({@code interval=500ms}). Written {@code sar:interval=500ms,devices=all} on the command line.
 */
public record CollectorSpec(String type, Map<String, String> options) {

    public CollectorSpec {
        Objects.requireNonNull(type, "type");
        if (type.isBlank()) {
            throw new IllegalArgumentException("collector type is empty");
        }
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    public static CollectorSpec of(String type) {
        return new CollectorSpec(type, Map.of());
    }

    /**
     * Parses {@code TYPE[:KEY=VALUE[,KEY=VALUE]...]}.
     *
     * @throws IllegalArgumentException with a message that says what is wrong
     */
    public static CollectorSpec parse(String text) {
        String t = text.trim();
        int colon = t.indexOf(':');
        String type = colon < 0 ? t : t.substring(0, colon).trim();
        if (type.isEmpty()) {
            throw new IllegalArgumentException("collector '" + text + "' has no type (expected TYPE[:KEY=VALUE,...], e.g. sar:interval=1s)");
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (colon >= 0 && colon < t.length() - 1) {
            for (String pair : t.substring(colon + 1).split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("collector option '" + pair + "' in '" + text + "' is not KEY=VALUE");
                }
                options.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return new CollectorSpec(type, options);
    }

    public String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    @Override
    public String toString() {
        if (options.isEmpty()) {
            return type;
        }
        StringBuilder b = new StringBuilder(type).append(':');
        options.forEach((k, v) -> b.append(k).append('=').append(v).append(','));
        b.setLength(b.length() - 1);
        return b.toString();
    }
}
