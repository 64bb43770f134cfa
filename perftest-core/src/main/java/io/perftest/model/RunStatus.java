package io.perftest.model;

/** The stages of a run the engine owns, and how it ended. */
public enum RunStatus {
    RUNNING,
    COLLATING,
    COMPLETED,
    FAILED,
    ABORTED;

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == ABORTED;
    }
}
