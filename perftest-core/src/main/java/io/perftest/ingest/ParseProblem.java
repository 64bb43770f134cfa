package io.perftest.ingest;

import io.perftest.model.Origin;

/** A line a parser could not use: where it is and why. The parser skips it and goes on. */
public record ParseProblem(Origin origin, String message) {

    @Override
    public String toString() {
        return origin + ": " + message;
    }
}
