package io.perftest.model;

/**
 * Where a piece of configuration came from: a file with its 1-based line and column, or a
 * description such as {@code "command line"} (line 0). Printed {@code file:line:column}.
 */
public record Origin(String source, int line, int column) {

    public static Origin of(String description) {
        return new Origin(description, 0, 0);
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return source;
        }
        return column > 0 ? source + ":" + line + ":" + column : source + ":" + line;
    }
}
