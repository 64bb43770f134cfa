package io.perftest.collect;

import io.perftest.model.Durations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A live counter with a threshold held for a duration, and the actions it fires, in order
 * (PyScaler's triggers). Written as text:
 * <pre>
 * sar.cpu.all.idle &lt; 5 for 30s: log, unstable
 * proc.mem.used_pct &gt;= 95 for 10s: run ./dump-heap.sh, abort
 * </pre>
 * Operators {@code < <= > >= == !=}; {@code for DURATION} is optional (fires on the first
 * sample that meets the condition); actions {@code abort}, {@code unstable}, {@code log} (the
 * default) and {@code run COMMAND ARGS...} (split on blanks, no shell; no commas).
 */
public final class Trigger {

    private static final Pattern SYNTAX = Pattern.compile(
            "^\\s*(\\S+?)\\s*(<=|>=|==|!=|<|>)\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(%)?"
                    + "(?:\\s+for\\s+(\\S+))?\\s*(?::\\s*(.*))?$");

    /** What a firing does. */
    public enum Kind { ABORT, UNSTABLE, LOG, RUN }

    /** One action: its kind and, for {@code run}, the command's argv. */
    public record Action(Kind kind, List<String> argv) {
        public Action {
            argv = List.copyOf(argv);
        }

        @Override
        public String toString() {
            return kind == Kind.RUN ? "run " + String.join(" ", argv) : kind.name().toLowerCase(Locale.ROOT);
        }
    }

    private final String text;
    private final String counter;
    private final String operator;
    private final double threshold;
    private final Duration holdFor;
    private final List<Action> actions;

    private Trigger(String text, String counter, String operator, double threshold, Duration holdFor, List<Action> actions) {
        this.text = text;
        this.counter = counter;
        this.operator = operator;
        this.threshold = threshold;
        this.holdFor = holdFor;
        this.actions = List.copyOf(actions);
    }

    /**
     * Parses a trigger.
     *
     * @throws IllegalArgumentException saying what is wrong and showing the expected form
     */
    public static Trigger parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("trigger '" + text + "' is not COUNTER OP NUMBER [for DURATION][: ACTION, ...]"
                    + " (e.g. 'sar.cpu.all.idle < 5 for 30s: log, abort')");
        }
        Duration hold = Duration.ZERO;
        if (m.group(5) != null) {
            try {
                hold = Durations.parse(m.group(5));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("trigger '" + text + "': " + e.getMessage());
            }
        }
        List<Action> actions = new ArrayList<>();
        String list = m.group(6);
        if (list == null || list.isBlank()) {
            actions.add(new Action(Kind.LOG, List.of()));
        } else {
            for (String item : list.split(",")) {
                actions.add(action(item.trim(), text));
            }
        }
        return new Trigger(text.trim(), m.group(1), m.group(2), Double.parseDouble(m.group(3)), hold, actions);
    }

    private static Action action(String item, String text) {
        String[] words = item.split("\\s+");
        switch (words[0].toLowerCase(Locale.ROOT)) {
            case "abort":
                return new Action(Kind.ABORT, List.of());
            case "unstable":
                return new Action(Kind.UNSTABLE, List.of());
            case "log":
                return new Action(Kind.LOG, List.of());
            case "run":
                if (words.length < 2) {
                    throw new IllegalArgumentException("trigger '" + text + "': 'run' needs a command (e.g. run ./collect-diagnostics.sh)");
                }
                return new Action(Kind.RUN, List.of(words).subList(1, words.length));
            default:
                throw new IllegalArgumentException("trigger '" + text + "': unknown action '" + item
                        + "' (expected abort, unstable, log or run COMMAND)");
        }
    }

    /** Whether {@code value} meets the condition. */
    public boolean holds(double value) {
        return switch (operator) {
            case "<" -> value < threshold;
            case "<=" -> value <= threshold;
            case ">" -> value > threshold;
            case ">=" -> value >= threshold;
            case "==" -> value == threshold;
            default -> value != threshold;
        };
    }

    /** The text as written. */
    public String text() {
        return text;
    }

    /** The key of the counter it watches ({@code sar.cpu.all.idle}, {@code proc.mem.used_pct@stats1}). */
    public String counter() {
        return counter;
    }

    public Duration holdFor() {
        return holdFor;
    }

    public List<Action> actions() {
        return actions;
    }

    @Override
    public String toString() {
        return text;
    }
}
