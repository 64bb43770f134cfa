package io.perftest.ingest;

import io.perftest.model.Origin;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one file: all are counted, the first {@value #MAX_KEPT} are kept with their line. */
public final class Problems {

    public static final int MAX_KEPT = 20;

    private final String file;
    private final List<ParseProblem> kept = new ArrayList<>();
    private long count;

    public Problems(String file) {
        this.file = file;
    }

    public void add(long line, String message) {
        count++;
        if (kept.size() < MAX_KEPT) {
            kept.add(new ParseProblem(new Origin(file, (int) Math.min(Integer.MAX_VALUE, line), 0), message));
        }
    }

    public void addFileProblem(String message) {
        count++;
        if (kept.size() < MAX_KEPT) {
            kept.add(new ParseProblem(Origin.of(file), message));
        }
    }

    public List<ParseProblem> kept() {
        return List.copyOf(kept);
    }

    public long count() {
        return count;
    }
}
