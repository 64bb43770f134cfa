package io.perftest.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;

/**
 * Streaming JSON for the result parsers: a Jackson {@link JsonParser} walks the file and only
 * one element of its big array at a time (a benchmark, a job, a datapoint) becomes a tree, so
 * memory follows the largest element, not the file. Strings are capped at {@value #MAX_STRING}
 * characters and nesting at {@value #MAX_DEPTH} levels.
 */
public final class JsonInput {

    public static final int MAX_STRING = 1 << 20;
    public static final int MAX_DEPTH = 64;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(MAX_STRING).maxNestingDepth(MAX_DEPTH).maxNumberLength(100).build())
            .build());

    private JsonInput() {
    }

    public static JsonParser parser(InputStream in) throws IOException {
        return MAPPER.getFactory().createParser(in);
    }

    public static JsonParser parser(byte[] bytes) throws IOException {
        return MAPPER.getFactory().createParser(bytes);
    }

    /** Reads the value at the parser's current token (an object or array) into a tree. */
    public static JsonNode tree(JsonParser p) throws IOException {
        return MAPPER.readTree(p);
    }

    /**
     * Advances {@code p}, which is inside an object, to the value of field {@code name} at that
     * level, skipping the other fields' values; false if the object ends first.
     */
    public static boolean toField(JsonParser p, String name) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != null && t != JsonToken.END_OBJECT) {
            if (t == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals(name)) {
                    return true;
                }
                p.skipChildren();
            }
        }
        return false;
    }

    /** The line of the parser's current token, for problems. */
    /** Takes one element of a streamed array: its tree and the line it starts on. */
    @FunctionalInterface
    public interface ElementHandler {
        void accept(JsonNode element, long line);
    }

    /**
     * Streams the objects of an array, one tree at a time: the top-level array when
     * {@code field} is null, else the array under the top-level object's {@code field}. A
     * document of another shape is one problem saying what was {@code expected}.
     */
    public static void eachElement(InputStream in, String field, String expected, ResultSink sink, ElementHandler handler)
            throws IOException {
        try (JsonParser p = parser(in)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return;
            }
            boolean shaped = field == null ? first == JsonToken.START_ARRAY
                    : first == JsonToken.START_OBJECT && toField(p, field) && p.currentToken() == JsonToken.START_ARRAY;
            if (!shaped) {
                sink.problems().add(line(p), "expected " + expected + ", found " + p.currentToken());
                return;
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                long line = line(p);
                handler.accept(tree(p), line);
            }
        }
    }

    /**
     * {@code in} with the lines before the first one that starts with '{' turned into blanks
     * (line ends kept, so the parser's line numbers stay the file's): tools such as fio print job
     * descriptions and notes on standard output ahead of their JSON.
     */
    public static InputStream fromFirstObjectLine(InputStream in) {
        return new java.io.FilterInputStream(in) {
            private final ObjectLineStart start = new ObjectLineStart();
            private boolean inJson;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                for (int i = off; i < off + n && !inJson; i++) {
                    inJson = start.isAt(b[i]);
                    if (!inJson && b[i] != '\n') {
                        b[i] = ' ';
                    }
                }
                return n;
            }
        };
    }

    /** The offset in {@code head} of the first line that starts with '{' (after blanks), or -1. */
    public static int firstObjectLine(byte[] head) {
        ObjectLineStart start = new ObjectLineStart();
        for (int i = 0; i < head.length; i++) {
            if (start.isAt(head[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Finds the '{' that begins a line (after blanks), fed a byte at a time. */
    private static final class ObjectLineStart {
        private boolean lineStart = true;

        /** Whether {@code c} is that '{'. */
        boolean isAt(byte c) {
            if (c == '{' && lineStart) {
                return true;
            }
            lineStart = c == '\n' || lineStart && (c == ' ' || c == '\t' || c == '\r');
            return false;
        }
    }

    public static long line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    /** A number field of {@code node}, or NaN when it is missing or not a number. */
    public static double number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isNumber() ? v.doubleValue() : Double.NaN;
    }
}
