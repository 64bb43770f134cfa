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

    /**
     * Takes over the problems of a part of the same file read on its own, whose line 1 is line
     * {@code lineOffset + 1} of the file.
     */
    public void absorb(Problems part, long lineOffset) {
        for (ParseProblem p : part.kept) {
            if (kept.size() < MAX_KEPT) {
                Origin o = p.origin();
                kept.add(new ParseProblem(o.line() > 0 ? new Origin(file, (int) Math.min(Integer.MAX_VALUE, o.line() + lineOffset), 0)
                        : Origin.of(file), p.message()));
            }
        }
        count += part.count;
    }

    public List<ParseProblem> kept() {
        return List.copyOf(kept);
    }

    public long count() {
        return count;
    }
}
