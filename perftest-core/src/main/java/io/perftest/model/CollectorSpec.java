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
     * Parses {@code TYPE[:KEY=VALUE[,KEY=VALUE]...]}. A value that holds a comma is written in
     * double quotes ({@code attributes="Catalina:type=X,name=Y/requestCount"}), with {@code \"} and
     * {@code \\} for a quote and a backslash inside.
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
        int i = colon + 1;
        while (colon >= 0 && i < t.length()) {
            int comma = t.indexOf(',', i);
            int eq = t.indexOf('=', i);
            int pairEnd = comma < 0 ? t.length() : comma;
            if (eq < 0 || eq > pairEnd || t.substring(i, eq).isBlank()) {
                throw new IllegalArgumentException("collector option '" + t.substring(i, pairEnd) + "' in '" + text + "' is not KEY=VALUE");
            }
            String key = t.substring(i, eq).trim();
            int v = eq + 1;
            while (v < t.length() && t.charAt(v) == ' ') {
                v++;
            }
            if (v < t.length() && t.charAt(v) == '"') {
                StringBuilder value = new StringBuilder();
                int j = v + 1;
                for (; j < t.length() && t.charAt(j) != '"'; j++) {
                    char c = t.charAt(j);
                    if (c == '\\' && j + 1 < t.length() && (t.charAt(j + 1) == '"' || t.charAt(j + 1) == '\\')) {
                        c = t.charAt(++j);
                    }
                    value.append(c);
                }
                int after = j + 1;
                while (after < t.length() && t.charAt(after) == ' ') {
                    after++;
                }
                if (j >= t.length() || (after < t.length() && t.charAt(after) != ',')) {
                    throw new IllegalArgumentException("collector option " + key + " in '" + text + "': a value in double quotes "
                            + "runs to its closing quote, then ',' or the end (write \\\" for a quote inside)");
                }
                options.put(key, value.toString());
                i = after + 1;
            } else {
                options.put(key, t.substring(eq + 1, pairEnd).trim());
                i = pairEnd + 1;
            }
        }
        return new CollectorSpec(type, options);
    }

    /**
     * What makes two collectors of a run the same one: the type and, for those that take one
     * ({@code command} counters), the {@code name} option. A run has at most one collector of each
     * identity, since the identity names its files ({@code sar/}, {@code command/<name>.csv}).
     */
    public String identity() {
        String name = options.get("name");
        return name == null ? type : type + " named '" + name + "'";
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
        options.forEach((k, v) -> b.append(k).append('=').append(v.contains(",") || v.startsWith("\"")
                ? '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"' : v).append(','));
        b.setLength(b.length() - 1);
        return b.toString();
    }
}
