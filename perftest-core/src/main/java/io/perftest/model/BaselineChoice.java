package io.perftest.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The baseline a run was compared with: the policy ({@code previous}, {@code pinned},
 * {@code median-of-last:N}), the run numbers it used (empty when none qualified), why, and the
 * noise band each metric's change had to exceed with where it came from ("±6.1 % (3 x 2.0 %
 * run-to-run noise of 20 runs)", "±2.0 % (configured floor)").
 */
public record BaselineChoice(String policy, List<Integer> runs, String note, Map<String, String> noiseBands) {

    public BaselineChoice {
        runs = List.copyOf(runs);
        noiseBands = noiseBands == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(noiseBands));
    }

    public BaselineChoice(String policy, List<Integer> runs, String note) {
        this(policy, runs, note, Map.of());
    }

    public static BaselineChoice none(String policy, String note) {
        return new BaselineChoice(policy, List.of(), note);
    }

    /** This choice with the noise bands of its comparison. */
    public BaselineChoice withNoiseBands(Map<String, String> bands) {
        return new BaselineChoice(policy, runs, note, bands);
    }
}
