package io.perftest.ingest;

import io.perftest.model.Metric;
import io.perftest.model.Series;

import java.util.ArrayList;
import java.util.List;

/**
 * What a parser read from a file: metrics, series, and the problems it skipped over
 * ({@link #problemCount()} may exceed the problems listed, which are capped).
 */
public record ParseResult(List<Metric> metrics, List<Series> series, List<ParseProblem> problems, long problemCount) {

    public ParseResult {
        metrics = List.copyOf(metrics);
        series = List.copyOf(series);
        problems = List.copyOf(problems);
    }

    public static ParseResult empty() {
        return new ParseResult(List.of(), List.of(), List.of(), 0);
    }

    /** Everything of this result and of {@code other}. */
    public ParseResult plus(ParseResult other) {
        List<Metric> m = new ArrayList<>(metrics);
        m.addAll(other.metrics);
        List<Series> s = new ArrayList<>(series);
        s.addAll(other.series);
        List<ParseProblem> p = new ArrayList<>(problems);
        p.addAll(other.problems);
        return new ParseResult(m, s, p, problemCount + other.problemCount);
    }
}
