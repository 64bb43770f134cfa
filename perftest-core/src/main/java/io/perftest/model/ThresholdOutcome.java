package io.perftest.model;

/**
 * How one threshold came out in a run: its expression, its severity if it fails, whether it
 * passed, the observed value it was judged on and a sentence for people.
 */
public record ThresholdOutcome(String expression, Verdict severity, boolean passed, Double observed, String message) {
}
