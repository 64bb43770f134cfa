package io.perftest.model;

/** The verdict of a completed run, from its thresholds: the worst severity that fired. */
public enum Verdict {
    PASSED,
    UNSTABLE,
    FAILED;

    public Verdict worst(Verdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
