package io.perftest.collect;

import io.perftest.model.ConfigException;
import io.perftest.model.Durations;
import io.perftest.model.SourcedText;
import io.perftest.model.TriggerFiring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Evaluates {@link Trigger}s on the live counters while the test runs: a trigger fires once its
 * condition has held on consecutive samples for its duration, runs its actions in order, and is
 * armed again only after the condition stopped holding. Every firing is kept for run.json. A
 * trigger whose counter no collector provides is reported once, so a typo does not go unnoticed.
 */
public final class Triggers implements CounterListener {

    /** Samples without the counter before saying so. */
    static final int MISSING_SAMPLES_BEFORE_WARNING = 3;

    private final List<State> states;
    private final List<TriggerFiring> firings = new ArrayList<>();

    /** The evaluation state of one trigger. */
    private static final class State {
        final Trigger trigger;
        long since = -1;
        boolean fired;
        int missing;
        boolean warned;

        State(Trigger trigger) {
            this.trigger = trigger;
        }
    }

    private Triggers(List<Trigger> triggers) {
        this.states = triggers.stream().map(State::new).toList();
    }

    public static Triggers of(List<Trigger> triggers) {
        return new Triggers(triggers);
    }

    /** Parses each text; throws {@link IllegalArgumentException} for the first bad one. */
    public static Triggers parse(List<String> texts) {
        return of(texts.stream().map(Trigger::parse).toList());
    }

    /**
     * The triggers of {@code framework.yaml}.
     *
     * @throws ConfigException naming the file and line of the first bad trigger
     */
    public static Triggers fromConfig(List<SourcedText> texts) {
        List<Trigger> out = new ArrayList<>();
        for (SourcedText t : texts) {
            try {
                out.add(Trigger.parse(t.text()));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(t.origin(), e.getMessage());
            }
        }
        return of(out);
    }

    /** Whether there is no trigger to evaluate. */
    public boolean isEmpty() {
        return states.isEmpty();
    }

    @Override
    public synchronized void sample(long atMillis, Map<String, Double> counters, TriggerActions actions) {
        for (State s : states) {
            Double value = counters.get(s.trigger.counter());
            if (value == null) {
                s.since = -1;
                s.fired = false;
                if (!counters.isEmpty() && ++s.missing == MISSING_SAMPLES_BEFORE_WARNING && !s.warned) {
                    s.warned = true;
                    actions.log("trigger '" + s.trigger.text() + "': no running collector provides counter '"
                            + s.trigger.counter() + "'" + similar(s.trigger.counter(), counters));
                }
                continue;
            }
            s.missing = 0;
            if (!s.trigger.holds(value)) {
                s.since = -1;
                s.fired = false;
                continue;
            }
            if (s.since < 0) {
                s.since = atMillis;
            }
            if (!s.fired && atMillis - s.since >= s.trigger.holdFor().toMillis()) {
                s.fired = true;
                fire(s.trigger, atMillis, value, atMillis - s.since, actions);
            }
        }
    }

    private void fire(Trigger t, long atMillis, double value, long heldMillis, TriggerActions actions) {
        String reason = "trigger '" + t.text() + "' fired: " + t.counter() + " = " + format(value)
                + (t.holdFor().isZero() ? "" : " for " + Durations.format(java.time.Duration.ofMillis(heldMillis)));
        List<String> done = new ArrayList<>();
        for (Trigger.Action a : t.actions()) {
            switch (a.kind()) {
                case LOG -> actions.log(reason);
                case UNSTABLE -> actions.markUnstable(reason);
                case ABORT -> actions.abort(reason);
                case RUN -> actions.runCommand(a.argv());
                default -> throw new IllegalStateException(a.kind().toString());
            }
            done.add(a.toString());
        }
        firings.add(new TriggerFiring(t.text(), atMillis, value, done));
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.3f", v);
    }

    private static String similar(String key, Map<String, Double> counters) {
        String source = key.contains(".") ? key.substring(0, key.indexOf('.') + 1) : key;
        List<String> near = counters.keySet().stream().filter(k -> k.startsWith(source)).sorted().limit(8).toList();
        return near.isEmpty() ? " (counters now: " + counters.keySet().stream().sorted().limit(8).collect(Collectors.joining(", ")) + ", ...)"
                : " (similar: " + String.join(", ", near) + (near.size() == 8 ? ", ..." : "") + ")";
    }

    @Override
    public synchronized List<TriggerFiring> firings() {
        return List.copyOf(firings);
    }
}
