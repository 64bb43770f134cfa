package io.perftest.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The first complete, non-blank lines of a file's head, for format detection. */
public final class HeadLines {

    private HeadLines() {
    }

    public static List<String> of(byte[] head, int max) {
        String text = new String(head, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        int usable = head.length == ResultParsers.HEAD_BYTES ? lines.length - 1 : lines.length;
        for (int i = 0; i < usable && out.size() < max; i++) {
            if (!lines[i].isBlank()) {
                out.add(lines[i]);
            }
        }
        return out;
    }
}
