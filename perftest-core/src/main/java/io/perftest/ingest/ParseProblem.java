package io.perftest.ingest;

import io.perftest.model.Origin;

/**
 * A line a parser could not use: where it is and why. The parser skips it and goes on. The
 * message quotes the file's text, so control and formatting characters in it are shown as
 * {@code \\uXXXX}: a hostile file must not reach a terminal's escape sequences or reorder the
 * text shown in a report (bidirectional overrides).
 */
public record ParseProblem(Origin origin, String message) {

    public ParseProblem {
        message = printable(message);
    }

    static String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean hidden = Character.isISOControl(c) || Character.getType(c) == Character.FORMAT;
            if (hidden && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (hidden) {
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    @Override
    public String toString() {
        return origin + ": " + message;
    }
}
