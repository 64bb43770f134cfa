package io.perftest.model;

import java.util.Objects;

/** A piece of text from configuration (a threshold expression) with where it was written, so errors can point at it. */
public record SourcedText(String text, Origin origin) {

    public SourcedText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(origin, "origin");
    }

    public static SourcedText of(String text) {
        return new SourcedText(text, Origin.of("(inline)"));
    }

    @Override
    public String toString() {
        return text;
    }
}
