package io.perftest.model;

import java.util.List;

/**
 * The baseline a run was compared with: the policy ({@code previous}, {@code pinned},
 * {@code median-of-last:N}), the run numbers it used (empty when none qualified) and why.
 */
public record BaselineChoice(String policy, List<Integer> runs, String note) {

    public BaselineChoice {
        runs = List.copyOf(runs);
    }

    public static BaselineChoice none(String policy, String note) {
        return new BaselineChoice(policy, List.of(), note);
    }
}
