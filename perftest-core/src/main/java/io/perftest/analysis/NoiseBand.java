package io.perftest.analysis;

import java.util.Arrays;
import java.util.Locale;

/**
 * How far a metric moves from run to run without anything having changed: the noise band a
 * change must exceed to count. With at least {@link #MIN_RUNS} completed runs of the metric it is
 * learned from that history, else it is the configured floor, and it is never below the floor.
 *
 * <p>From history: the run-to-run noise is the deviation of successive differences, clipped to 3
 * robust deviations ({@link #runToRun}: unmoved by an earlier change of level or a slow drift),
 * relative to the current level; the band is {@link #DEVIATIONS} times that. The current
 * level is the median of the last (at most {@link #LEVEL_RUNS}) runs since the history's last
 * change point, the reference a single-sample comparison is judged against when the baseline sits
 * at that level.
 *
 * @param share  the band as a share of the level (0.06 = 6 %)
 * @param source where it comes from
 * @param runs   the completed runs of the history it was learned from (0 for the floor alone)
 * @param noise  the relative run-to-run noise of the history (NaN without history)
 * @param level  the history's current level (NaN without history)
 */
public record NoiseBand(double share, Source source, int runs, double noise, double level) {

    /** Fewest completed runs of a metric for its history to set the band. */
    public static final int MIN_RUNS = 5;
    /** The band in deviations of the run-to-run noise. */
    public static final double DEVIATIONS = 3.0;
    /** Most runs the current level is the median of. */
    public static final int LEVEL_RUNS = 10;

    /** Where a band comes from. */
    public enum Source {
        /** The configured noise threshold ({@code --noise}, default 2 %). */
        FLOOR,
        /** The history's run-to-run variation (at least the floor). */
        HISTORY
    }

    /** The configured floor alone. */
    public static NoiseBand floor(double share) {
        return new NoiseBand(share, Source.FLOOR, 0, Double.NaN, Double.NaN);
    }

    /**
     * The band of a metric whose completed runs had {@code values} (oldest first, this run not
     * among them), at least {@code floor}; the floor alone with fewer than {@link #MIN_RUNS} values.
     */
    public static NoiseBand of(double[] values, double floor, ChangePointDetector detector) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).toArray();
        if (v.length < MIN_RUNS) {
            return new NoiseBand(floor, Source.FLOOR, v.length, Double.NaN, Double.NaN);
        }
        int[] changes = detector.detect(v).indices();
        int since = changes.length == 0 ? 0 : changes[changes.length - 1];
        if (v.length - since < MIN_RUNS) {
            since = 0; // too few runs at the newest level to know it: the last runs, whatever they mix
        }
        double[] recent = Arrays.copyOfRange(v, Math.max(since, v.length - LEVEL_RUNS), v.length);
        double level = NoiseScale.median(recent.clone());
        if (level == 0) {
            return new NoiseBand(floor, Source.FLOOR, v.length, Double.NaN, Double.NaN);
        }
        double noise = runToRun(v) / Math.abs(level);
        return new NoiseBand(Math.max(floor, DEVIATIONS * noise), Source.HISTORY, v.length, noise, level);
    }

    /**
     * The run-to-run standard deviation: the root mean square of successive differences over
     * sqrt 2, each difference first clipped to 3 robust deviations (1.4826 MAD) of the differences,
     * so that a change of level (one large difference) does not count. Steadier than the MAD alone
     * on the 5 to 50 runs a history has.
     */
    static double runToRun(double[] v) {
        double[] d = new double[v.length - 1];
        for (int i = 0; i < d.length; i++) {
            d[i] = v[i + 1] - v[i];
        }
        double median = NoiseScale.median(d.clone());
        double limit = 3 * NoiseScale.MAD_TO_SD * NoiseScale.medianAbsoluteDeviation(d);
        double sum = 0;
        for (double x : d) {
            double c = Math.max(median - limit, Math.min(median + limit, x)) - median;
            sum += c * c;
        }
        return Math.sqrt(sum / d.length / 2);
    }

    public boolean fromHistory() {
        return source == Source.HISTORY;
    }

    /** For people: "±6.1 % (3 x 2.0 % run-to-run noise of 20 runs)" or "±2.0 % (configured floor; 3 runs of history, 5 needed)". */
    public String describe() {
        String band = String.format(Locale.ROOT, "±%.1f%%", share * 100);
        if (source == Source.HISTORY) {
            return band + String.format(Locale.ROOT, " (%.0f x %.1f%% run-to-run noise of %d runs%s)", DEVIATIONS, noise * 100, runs,
                    DEVIATIONS * noise < share ? ", raised to the configured floor" : "");
        }
        return band + " (configured floor" + (runs > 0 ? "; " + runs + " run(s) of history, " + MIN_RUNS + " needed" : "") + ")";
    }
}
