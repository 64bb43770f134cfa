package io.perftest.analysis;

import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.RunSummary;
import io.perftest.model.Unit;
import io.perftest.store.RunDirectory;
import io.perftest.store.TestHistory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The trends of a test: for every metric (or the chosen ones), its value over the COMPLETED runs
 * of the test's history, oldest first, with the change points the detector finds. Runs that
 * failed, were aborted or have no summary.json are left out; a metric missing from a run has no
 * point for it.
 */
public final class TrendAnalysis {

    private final ChangePointDetector detector;

    public TrendAnalysis(ChangePointDetector detector) {
        this.detector = detector;
    }

    /**
     * The trends of {@code keys} (every metric when empty), sorted by key, over the completed runs.
     * A run whose files cannot be read is left out and told to {@code skipped} (with the reason),
     * so that one damaged run does not hide a test's history.
     */
    public List<MetricTrend> trends(TestHistory history, Collection<String> keys, Consumer<String> skipped) throws IOException {
        Map<String, Builder> byKey = new TreeMap<>();
        for (RunDirectory dir : history.runs()) {
            Optional<RunSummary> summary;
            try {
                summary = dir.completedSummary();
            } catch (IOException e) {
                skipped.accept("run " + dir.number() + " left out: " + e.getMessage());
                continue;
            }
            if (summary.isEmpty()) {
                continue;
            }
            for (Metric m : summary.get().metrics()) {
                if ((keys.isEmpty() || keys.contains(m.key())) && !Double.isNaN(m.value())) {
                    byKey.computeIfAbsent(m.key(), k -> new Builder(m)).add(dir.number(), m.value());
                }
            }
        }
        List<MetricTrend> out = new ArrayList<>();
        for (Builder b : byKey.values()) {
            out.add(b.build(detector));
        }
        return out;
    }

    private static final class Builder {
        private final String key;
        private final Unit unit;
        private final Direction direction;
        private final List<Integer> runs = new ArrayList<>();
        private final List<Double> values = new ArrayList<>();

        Builder(Metric first) {
            key = first.key();
            unit = first.unit();
            direction = first.direction();
        }

        void add(int run, double value) {
            runs.add(run);
            values.add(value);
        }

        MetricTrend build(ChangePointDetector detector) {
            double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
            return new MetricTrend(key, unit, direction, runs.stream().mapToInt(Integer::intValue).toArray(), v,
                    detector.changePoints(v));
        }
    }
}
