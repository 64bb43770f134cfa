package io.perftest.model;

import java.util.List;

/** A trigger that fired during a run: its condition, when (epoch milliseconds), the value seen and the actions taken. */
public record TriggerFiring(String condition, long atMillis, double value, List<String> actions) {

    public TriggerFiring {
        actions = List.copyOf(actions);
    }
}
