package io.perftest.analysis;

import io.perftest.model.CollectorSpec;
import io.perftest.model.Metric;
import io.perftest.store.RunRecord;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Which metrics matter most, for every view that cannot show them all (the Jenkins job page's
 * trend charts, the build page's headline, {@code perftest trend}): first the metrics the
 * thresholds name, in the thresholds' order; then those the user lists ({@code trend:} in
 * framework.yaml, {@code trendMetrics} in Jenkins: keys or globs such as {@code results.*}, in
 * the list's order); then the script's own results (every metric no collector produced); then
 * the collectors' series. Within a group, and for a glob's matches, keys sort by name, so the
 * order is stable from run to run.
 */
public final class MetricPriority {

    /** No thresholds, no list: the script's results, then the collectors' series. */
    public static final MetricPriority DEFAULT = new MetricPriority(List.of(), List.of(), Set.of());

    private final List<Predicate<String>> thresholds;
    private final List<Predicate<String>> listed;
    private final Set<String> collectorSources;

    private MetricPriority(List<Predicate<String>> thresholds, List<Predicate<String>> listed, Set<String> collectorSources) {
        this.thresholds = List.copyOf(thresholds);
        this.listed = List.copyOf(listed);
        this.collectorSources = Set.copyOf(collectorSources);
    }

    /**
     * @param thresholdExpressions the thresholds as written; the metric each names (a key, or the
     *                             glob of {@code no regression in results.*}) comes first;
     *                             expressions that do not parse are left out
     * @param trend                the user's keys or globs
     * @param collectorSources     the collector types of the run ({@code sar}, {@code proc}, ...):
     *                             metrics of these sources are series, the others the script's results
     */
    public static MetricPriority of(Collection<String> thresholdExpressions, Collection<String> trend,
                                    Collection<String> collectorSources) {
        List<Predicate<String>> named = new ArrayList<>();
        for (String expression : thresholdExpressions) {
            metricOf(expression).map(NoRegressionThreshold::matcher).ifPresent(named::add);
        }
        List<Predicate<String>> globs = trend.stream().filter(t -> t != null && !t.isBlank())
                .map(t -> NoRegressionThreshold.matcher(t.trim())).toList();
        return new MetricPriority(named, globs, new LinkedHashSet<>(collectorSources));
    }

    /** The priority a run's own spec gives (run.json: its thresholds, {@code trend} list and collectors). */
    public static MetricPriority forRun(RunRecord record) {
        RunRecord.Spec spec = record == null ? null : record.spec();
        if (spec == null) {
            return DEFAULT;
        }
        List<String> sources = new ArrayList<>();
        for (String collector : orEmpty(spec.collectors())) {
            try {
                sources.add(CollectorSpec.parse(collector).type());
            } catch (IllegalArgumentException e) {
                // a collector run.json cannot name again: its series sort with the results
            }
        }
        return of(orEmpty(spec.thresholds()), orEmpty(spec.trend()), sources);
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    /** The metric (or glob) a threshold names, if it names one. */
    static Optional<String> metricOf(String expression) {
        try {
            Threshold t = ThresholdParser.parse(expression);
            if (t instanceof MetricThreshold m) {
                return Optional.of(m.key());
            }
            if (t instanceof NoRegressionThreshold n) {
                return n.key();
            }
        } catch (IllegalArgumentException e) {
            // not a threshold this version reads: it names nothing
        }
        return Optional.empty();
    }

    /** Every key of {@code keys} once, most important first. */
    public List<String> order(Collection<String> keys) {
        Set<String> sorted = new TreeSet<>(keys);
        Set<String> out = new LinkedHashSet<>();
        for (Predicate<String> p : thresholds) {
            sorted.stream().filter(p).forEach(out::add);
        }
        for (Predicate<String> p : listed) {
            sorted.stream().filter(p).forEach(out::add);
        }
        sorted.stream().filter(k -> !collectorSources.contains(Metric.sourceOf(k))).forEach(out::add);
        out.addAll(sorted);
        return List.copyOf(out);
    }

    /** The {@code n} most important of {@code keys}. */
    public List<String> top(Collection<String> keys, int n) {
        List<String> ordered = order(keys);
        return ordered.subList(0, Math.min(n, ordered.size()));
    }
}
