package io.perftest.report;

import io.perftest.chart.PercentileCurve;
import io.perftest.model.Metric;
import io.perftest.model.RunSummary;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds latency percentiles among a run's metrics by their names ({@code results.latency_p95},
 * {@code jmeter.login.p99.9}, {@code ...p999}) and turns the largest family into a percentile curve.
 */
final class PercentileMetrics {

    private static final Pattern PERCENTILE = Pattern.compile("^(.*?)[._-]?p(\\d{2})(?:[._]?(\\d{1,2}))?$");

    private PercentileMetrics() {
    }

    /** The percentile families of a run: name prefix to (percentile to metric). */
    static Map<String, TreeMap<Double, Metric>> families(RunSummary summary) {
        Map<String, TreeMap<Double, Metric>> out = new LinkedHashMap<>();
        for (Metric m : summary.metrics()) {
            Matcher x = PERCENTILE.matcher(m.key());
            if (x.matches()) {
                double p = Double.parseDouble(x.group(2) + (x.group(3) == null ? "" : "." + x.group(3)));
                if (p >= 50 && p < 100) {
                    out.computeIfAbsent(x.group(1), k -> new TreeMap<>()).put(p, m);
                }
            }
        }
        return out;
    }

    /** The family with the most percentiles that both runs have (at least two), if any. */
    static Optional<String> commonFamily(RunSummary a, RunSummary b) {
        Map<String, TreeMap<Double, Metric>> fa = families(a);
        Map<String, TreeMap<Double, Metric>> fb = families(b);
        String best = null;
        int most = 1;
        for (Map.Entry<String, TreeMap<Double, Metric>> e : fa.entrySet()) {
            TreeMap<Double, Metric> other = fb.get(e.getKey());
            if (other != null) {
                int common = (int) e.getValue().keySet().stream().filter(other::containsKey).count();
                if (common > most) {
                    most = common;
                    best = e.getKey();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    static PercentileCurve curve(String label, TreeMap<Double, Metric> family, io.perftest.model.Unit unit) {
        double[] ps = new double[family.size()];
        double[] vs = new double[family.size()];
        int i = 0;
        for (Map.Entry<Double, Metric> e : family.entrySet()) {
            ps[i] = e.getKey();
            Metric m = e.getValue();
            vs[i] = m.unit().isCompatibleWith(unit) ? m.unit().convert(m.value(), unit) : Double.NaN;
            i++;
        }
        return new PercentileCurve(label, ps, vs);
    }
}
