package io.perftest.analysis;

import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.RunSummary;
import io.perftest.model.Statistics;
import io.perftest.stats.BenjaminiHochberg;
import io.perftest.stats.BootstrapInterval;
import io.perftest.stats.MannWhitneyTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Compares two runs metric by metric. For each metric with at least two samples on each side:
 * the ratio of medians with a seeded bootstrap confidence interval and a Mann-Whitney U p-value,
 * adjusted by Benjamini-Hochberg across the run's metrics. A metric is regressed (or improved)
 * only when both hold: its q-value is at most the false-discovery rate, and the whole interval
 * lies beyond the noise band on the worse (better) side of its {@link Direction}. With a
 * single sample on a side (or only summary statistics) the plain change is judged against the
 * noise band, and the note says so. The band ({@link NoiseBand}) is learned from the metric's
 * history when it has enough runs, else the configured noise threshold; never below that.
 * Which change is a regression is {@link ChangeVerdict#of}'s rule, the one rule for every
 * caller. Metrics without a direction are never judged.
 */
public final class RunComparator {

    private final ComparisonSettings settings;
    private final BootstrapInterval bootstrap;
    private final ChangePointDetector detector = new ChangePointDetector(ChangePointSettings.DEFAULT);

    public RunComparator(ComparisonSettings settings) {
        this.settings = settings;
        this.bootstrap = BootstrapInterval.of(settings.resamples(), settings.confidence());
    }

    public ComparisonSettings settings() {
        return settings;
    }

    /** Compares {@code candidate} (B) with {@code baseline} (A) with the configured noise floors; metrics of either side are listed. */
    public RunComparison compare(RunSummary baseline, RunSummary candidate) {
        return compare(baseline, candidate, MetricHistory.NONE);
    }

    /**
     * Compares {@code candidate} (B) with {@code baseline} (A); each metric's noise band is learned
     * from {@code history} (its values in the test's completed runs before B) where it has at least
     * {@link NoiseBand#MIN_RUNS} of them, else the configured floor.
     */
    public RunComparison compare(RunSummary baseline, RunSummary candidate, MetricHistory history) {
        TreeSet<String> keys = new TreeSet<>();
        baseline.metrics().forEach(m -> keys.add(m.key()));
        candidate.metrics().forEach(m -> keys.add(m.key()));
        List<Draft> drafts = new ArrayList<>();
        for (String key : keys) {
            NoiseBand band = NoiseBand.of(history.values(key), settings.noiseOf(key), detector);
            drafts.add(draft(key, baseline.metric(key), candidate.metric(key), band));
        }
        double[] p = drafts.stream().mapToDouble(d -> d.pValue).toArray();
        double[] q = BenjaminiHochberg.adjust(p);
        List<MetricComparison> out = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            out.add(drafts.get(i).finish(q[i]));
        }
        return new RunComparison(out);
    }

    /** A metric's comparison before the run-wide correction. */
    private final class Draft {
        Metric reference;
        Statistics a = Statistics.EMPTY;
        Statistics b = Statistics.EMPTY;
        double ratio = Double.NaN;
        double low = Double.NaN;
        double high = Double.NaN;
        double pValue = Double.NaN;
        NoiseBand band;
        ChangeVerdict fixed;
        String note = "";

        MetricComparison finish(double qValue) {
            ChangeVerdict verdict = fixed;
            if (verdict == null) {
                verdict = judge(qValue);
            }
            return new MetricComparison(reference.key(), reference.unit(), reference.direction(), a, b, ratio, low, high,
                    pValue, qValue, band, verdict, note);
        }

        private ChangeVerdict judge(double qValue) {
            boolean significant = qValue <= settings.falseDiscoveryRate();
            boolean above = low > 1 + band.share();
            boolean below = high < 1 - band.share();
            if (!significant || !(above || below)) {
                return ChangeVerdict.UNCHANGED;
            }
            return ChangeVerdict.of(reference.direction(), above ? 1 : -1);
        }
    }

    private Draft draft(String key, Optional<Metric> baseline, Optional<Metric> candidate, NoiseBand band) {
        Draft d = new Draft();
        d.reference = candidate.orElseGet(baseline::orElseThrow);
        d.band = band;
        if (baseline.isEmpty() || candidate.isEmpty()) {
            d.a = baseline.map(m -> m.samples().statistics()).orElse(Statistics.EMPTY);
            d.b = candidate.map(m -> m.samples().statistics()).orElse(Statistics.EMPTY);
            d.fixed = ChangeVerdict.UNKNOWN;
            d.note = baseline.isEmpty() ? "not in the baseline" : "not in this run";
            return d;
        }
        Metric a = baseline.get();
        Metric b = candidate.get();
        d.a = a.samples().statistics();
        d.b = b.samples().statistics();
        double ma = a.value();
        double mb = b.value();
        if (Double.isNaN(ma) || Double.isNaN(mb)) {
            d.fixed = ChangeVerdict.UNKNOWN;
            d.note = "no value";
            return d;
        }
        if (ma == 0) {
            d.fixed = ChangeVerdict.UNKNOWN;
            d.note = "baseline is 0";
            return d;
        }
        d.ratio = mb / ma;
        if (a.samples().size() >= 2 && b.samples().size() >= 2) {
            double[] va = a.samples().values();
            double[] vb = b.samples().values();
            d.pValue = MannWhitneyTest.pValue(va, vb);
            BootstrapInterval.Interval ci = bootstrap.ratioOfMedians(va, vb, settings.seed() ^ key.hashCode());
            d.low = ci.low();
            d.high = ci.high();
            if (Double.isNaN(d.low)) {
                d.fixed = ChangeVerdict.UNKNOWN;
                d.note = "baseline resamples of 0";
            } else if (b.direction() == Direction.NEUTRAL) {
                d.fixed = ChangeVerdict.UNCHANGED;
                d.note = "no direction";
            }
            return d;
        }
        // one sample on a side (or statistics only): the plain change against the noise band; with a
        // history, against the history's current level when the baseline sits at it (a single
        // baseline run carries its own noise, the level of many runs hardly any)
        String sides = a.samples().size() <= 1 && b.samples().size() <= 1 ? "one sample per side" : "one sample on a side";
        double change = d.ratio - 1;
        String against = "";
        if (band.fromHistory() && Math.abs(ma / band.level() - 1) <= band.share()) {
            change = mb / band.level() - 1;
            against = String.format(Locale.ROOT, " %s against the history's level %s,", RunComparison.percent(change),
                    RunComparison.number(band.level()));
        }
        d.note = sides + ":" + against + " noise band " + band.describe();
        if (b.direction() == Direction.NEUTRAL || Math.abs(change) <= band.share()) {
            d.fixed = ChangeVerdict.UNCHANGED;
        } else {
            d.fixed = ChangeVerdict.of(b.direction(), change);
        }
        return d;
    }
}
