package io.perftest.ingest;

import io.perftest.model.Metric;
import io.perftest.model.Series;

import java.util.ArrayList;
import java.util.List;

/**
 * What a parser has read so far: metrics, series and the file's {@link Problems}. Parsers add
 * to it as they go, so that a file cut short still yields what came before the cut.
 */
public final class ResultSink {

    private final List<Metric> metrics = new ArrayList<>();
    private final List<Series> series = new ArrayList<>();
    private final Problems problems;

    public ResultSink(Problems problems) {
        this.problems = problems;
    }

    public void add(Metric metric) {
        metrics.add(metric);
    }

    public void add(Series s) {
        series.add(s);
    }

    public Problems problems() {
        return problems;
    }

    public boolean isEmpty() {
        return metrics.isEmpty() && series.isEmpty();
    }

    public ParseResult result() {
        return new ParseResult(metrics, series, problems.kept(), problems.count());
    }
}
