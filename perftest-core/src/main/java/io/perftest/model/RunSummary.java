package io.perftest.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every metric of a run, by key, sorted by key. Immutable. */
public final class RunSummary {

    private final Map<String, Metric> metrics;

    private RunSummary(Map<String, Metric> metrics) {
        this.metrics = metrics;
    }

    public static RunSummary of(Collection<Metric> metrics) {
        List<Metric> sorted = new ArrayList<>(metrics);
        sorted.sort(Comparator.comparing(Metric::key));
        Map<String, Metric> byKey = new LinkedHashMap<>();
        for (Metric m : sorted) {
            byKey.merge(m.key(), m, (a, b) -> a.withMoreSamples(b.samples()));
        }
        return new RunSummary(java.util.Collections.unmodifiableMap(byKey));
    }

    public static RunSummary empty() {
        return of(List.of());
    }

    public List<Metric> metrics() {
        return List.copyOf(metrics.values());
    }

    public Optional<Metric> metric(String key) {
        return Optional.ofNullable(metrics.get(key));
    }

    public int size() {
        return metrics.size();
    }

    public boolean isEmpty() {
        return metrics.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunSummary s && s.metrics.equals(metrics);
    }

    @Override
    public int hashCode() {
        return metrics.hashCode();
    }

    @Override
    public String toString() {
        return "RunSummary" + metrics.keySet();
    }
}
