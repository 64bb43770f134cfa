package io.perftest.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every metric of a run, by key, sorted by key. Immutable. Metrics of equal keys given to
 * {@link #of} are one metric whose samples are theirs (iterations); {@link Builder} also knows
 * where each came from, and keeps two origins of one key apart.
 */
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

    public static Builder builder() {
        return new Builder();
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

    /**
     * The metric that {@code key}, not in this run, was probably meant to name: the same parts
     * written otherwise, or the key as perftest wrote it before labels were kept verbatim
     * ({@code jmeter.GET_api_users.count} for {@code jmeter."GET /api/users".count}). For hints.
     */
    public Optional<Metric> resembling(String key) {
        MetricKey wanted = MetricKey.parse(key);
        return metrics.values().stream().filter(m -> wanted.resembles(m.id())).findFirst();
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

    /**
     * Assembles a run's metrics from their origins: a result file of an iteration, a collector on
     * a host. The same key in several iterations is one metric with a sample per iteration. The
     * same key from two origins of one iteration (two result files, two collectors, a collector and
     * a result file) is a collision, never a silent merge: the metric of the origin added first is
     * kept, and {@link #problems()} names both origins.
     */
    public static final class Builder {

        /** The iteration of metrics that belong to the whole run (those of collectors). */
        public static final int WHOLE_RUN = 0;
        private static final int KEYS_SHOWN = 3;

        private final List<Metric> kept = new ArrayList<>();
        private final Map<String, Map<Integer, String>> origins = new HashMap<>();
        private final Map<List<String>, List<String>> collisions = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds the metrics that {@code origin} gave in {@code iteration} (1, 2, ... or {@link #WHOLE_RUN}). */
        public Builder add(String origin, int iteration, Collection<Metric> metrics) {
            for (Metric m : metrics) {
                Map<Integer, String> byIteration = origins.computeIfAbsent(m.key(), k -> new HashMap<>());
                String first = iteration == WHOLE_RUN
                        ? byIteration.values().stream().filter(o -> !o.equals(origin)).findFirst().orElse(null)
                        : other(origin, byIteration.get(iteration), byIteration.get(WHOLE_RUN));
                if (first != null) {
                    collisions.computeIfAbsent(List.of(first, origin), k -> new ArrayList<>()).add(m.key());
                } else {
                    byIteration.putIfAbsent(iteration, origin);
                    kept.add(m);
                }
            }
            return this;
        }

        private static String other(String origin, String inIteration, String inWholeRun) {
            if (inIteration != null && !inIteration.equals(origin)) {
                return inIteration;
            }
            return inWholeRun != null && !inWholeRun.equals(origin) ? inWholeRun : null;
        }

        /** One line per pair of origins that gave the same keys: both origins, the keys, which was kept. */
        public List<String> problems() {
            List<String> out = new ArrayList<>();
            collisions.forEach((pair, keys) -> {
                String shown = String.join(", ", keys.subList(0, Math.min(KEYS_SHOWN, keys.size())))
                        + (keys.size() > KEYS_SHOWN ? " and " + (keys.size() - KEYS_SHOWN) + " more" : "");
                out.add(pair.get(0) + " and " + pair.get(1) + " both give " + (keys.size() == 1 ? "the metric " : keys.size() + " metrics: ")
                        + shown + "; kept those of " + pair.get(0) + " (give them different labels or sources to keep both)");
            });
            return out;
        }

        public RunSummary build() {
            return RunSummary.of(kept);
        }
    }
}
