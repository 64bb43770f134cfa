package io.perftest.collect;

import io.perftest.model.CollectorSpec;
import io.perftest.model.Durations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The options of one configured collector, checked against the keys its type knows. Every
 * accessor throws {@link IllegalArgumentException} with a message that names the collector, the
 * option and what is allowed, so a typo in {@code framework.yaml} fails at load time.
 */
final class CollectorOptions {

    private final CollectorSpec spec;

    private CollectorOptions(CollectorSpec spec) {
        this.spec = spec;
    }

    /** Checks that {@code spec} uses only {@code known} option keys. */
    static CollectorOptions of(CollectorSpec spec, Set<String> known) {
        for (String key : spec.options().keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("collector " + spec.type() + " has no option '" + key + "'"
                        + (known.isEmpty() ? " (it takes none)" : " (known: " + String.join(", ", new TreeSet<>(known)) + ")"));
            }
        }
        return new CollectorOptions(spec);
    }

    String type() {
        return spec.type();
    }

    boolean has(String key) {
        return spec.options().containsKey(key) && !spec.options().get(key).isBlank();
    }

    String text(String key, String fallback) {
        String v = spec.options().get(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    String required(String key, String example) {
        String v = text(key, null);
        if (v == null) {
            throw new IllegalArgumentException("collector " + spec.type() + " needs option '" + key + "' (e.g. " + example + ")");
        }
        return v;
    }

    /** A duration of at least {@code min}. */
    Duration duration(String key, Duration fallback, Duration min) {
        String v = text(key, null);
        if (v == null) {
            return fallback;
        }
        Duration d;
        try {
            d = Durations.parse(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("collector " + spec.type() + " option " + key + ": " + e.getMessage());
        }
        if (d.compareTo(min) < 0) {
            throw new IllegalArgumentException("collector " + spec.type() + " option " + key + "=" + v
                    + " is shorter than the smallest allowed, " + Durations.format(min));
        }
        return d;
    }

    boolean flag(String key, boolean fallback) {
        String v = text(key, null);
        if (v == null) {
            return fallback;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("collector " + spec.type() + " option " + key + "=" + v
                    + " is not a yes/no value (expected true or false)");
        };
    }

    /** One of {@code allowed}. */
    String choice(String key, String fallback, String... allowed) {
        String v = text(key, fallback).toLowerCase(Locale.ROOT);
        if (!Arrays.asList(allowed).contains(v)) {
            throw new IllegalArgumentException("collector " + spec.type() + " option " + key + "=" + v
                    + " is not one of " + String.join(", ", allowed));
        }
        return v;
    }

    /** A list written with ';' between items (',' separates options on the command line). */
    List<String> list(String key) {
        String v = text(key, null);
        List<String> out = new ArrayList<>();
        if (v != null) {
            for (String item : v.split(";")) {
                if (!item.isBlank()) {
                    out.add(item.trim());
                }
            }
        }
        return out;
    }

    /** Process ids written {@code 123;456}. */
    List<Long> pids(String key) {
        List<Long> out = new ArrayList<>();
        for (String item : list(key)) {
            try {
                long pid = Long.parseLong(item);
                if (pid <= 0) {
                    throw new NumberFormatException();
                }
                out.add(pid);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("collector " + spec.type() + " option " + key + ": '" + item
                        + "' is not a process id (write pids=123;456)");
            }
        }
        return out;
    }

    /**
     * A command line split into argv words, never run through a shell: blanks separate words,
     * {@code '...'} quotes literally, {@code "..."} quotes with {@code \"} and {@code \\} escapes,
     * and a backslash outside quotes takes the next character as is.
     */
    List<String> argv(String key, String example) {
        String v = required(key, example);
        try {
            return words(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("collector " + spec.type() + " option " + key + "=" + v + ": " + e.getMessage());
        }
    }

    /** The words of a command line (see {@link #argv}). */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                continue;
            }
            inWord = true;
            if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
            } else if (c == '\'') {
                int close = line.indexOf('\'', i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("the quote ' at character " + (i + 1) + " is not closed");
                }
                word.append(line, i + 1, close);
                i = close;
            } else if (c == '"') {
                int j = i + 1;
                while (j < line.length() && line.charAt(j) != '"') {
                    if (line.charAt(j) == '\\' && j + 1 < line.length()
                            && (line.charAt(j + 1) == '"' || line.charAt(j + 1) == '\\')) {
                        j++;
                    }
                    word.append(line.charAt(j));
                    j++;
                }
                if (j >= line.length()) {
                    throw new IllegalArgumentException("the quote \" at character " + (i + 1) + " is not closed");
                }
                i = j;
            } else {
                word.append(c);
            }
        }
        if (inWord) {
            out.add(word.toString());
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the command is empty");
        }
        return out;
    }
}
