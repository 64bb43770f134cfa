package io.perftest.analysis;

import java.util.Map;
import java.util.TreeMap;

/**
 * How {@link RunComparator} judges a change.
 *
 * @param noise             the default noise threshold: a change smaller than this share (0.02 = 2 %) is
 *                          never a regression, however significant
 * @param noiseByMetric     noise thresholds of single metrics, by key
 * @param falseDiscoveryRate the Benjamini-Hochberg level across the metrics of a run (0.05)
 * @param resamples         bootstrap resamples per side for the confidence interval
 * @param confidence        the confidence of the interval (0.95)
 * @param seed              the bootstrap's seed, combined with each metric's key, so results repeat
 */
public record ComparisonSettings(double noise, Map<String, Double> noiseByMetric, double falseDiscoveryRate,
                                 int resamples, double confidence, long seed) {

    public static final ComparisonSettings DEFAULT = new ComparisonSettings(0.02, Map.of(), 0.05, 2000, 0.95, 20240917L);

    public ComparisonSettings {
        noiseByMetric = Map.copyOf(new TreeMap<>(noiseByMetric));
        checkNoise(noise, "noise threshold");
        noiseByMetric.forEach((k, v) -> checkNoise(v, "noise threshold of " + k));
        if (!(falseDiscoveryRate > 0 && falseDiscoveryRate < 1)) {
            throw new IllegalArgumentException("false-discovery rate must be in (0, 1), was " + falseDiscoveryRate);
        }
    }

    private static void checkNoise(double value, String what) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1), was " + value);
        }
    }

    /** The noise threshold of {@code key}. */
    public double noiseOf(String key) {
        return noiseByMetric.getOrDefault(key, noise);
    }

    public ComparisonSettings withNoise(double value) {
        return new ComparisonSettings(value, noiseByMetric, falseDiscoveryRate, resamples, confidence, seed);
    }

    public ComparisonSettings withNoise(String key, double value) {
        Map<String, Double> m = new TreeMap<>(noiseByMetric);
        m.put(key, value);
        return new ComparisonSettings(noise, m, falseDiscoveryRate, resamples, confidence, seed);
    }

    public ComparisonSettings withSeed(long value) {
        return new ComparisonSettings(noise, noiseByMetric, falseDiscoveryRate, resamples, confidence, value);
    }
}
