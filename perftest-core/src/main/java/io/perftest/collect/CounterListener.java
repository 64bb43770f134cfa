package io.perftest.collect;

import io.perftest.model.TriggerFiring;

import java.util.List;
import java.util.Map;

/**
 * Watches live counters while the test runs (PyScaler's counters with thresholds): the engine
 * calls {@link #sample} about once a second with the latest value of every counter the running
 * collectors expose, and records {@link #firings()} in run.json.
 */
public interface CounterListener {

    /** Listens to nothing. */
    CounterListener NONE = new CounterListener() {
        @Override
        public void sample(long atMillis, Map<String, Double> counters, TriggerActions actions) {
        }

        @Override
        public List<TriggerFiring> firings() {
            return List.of();
        }
    };

    void sample(long atMillis, Map<String, Double> counters, TriggerActions actions);

    List<TriggerFiring> firings();
}
