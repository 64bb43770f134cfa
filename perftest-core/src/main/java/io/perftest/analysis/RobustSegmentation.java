package io.perftest.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * perftest's default change-point search, made to hold on real series (trends, autocorrelation,
 * heavy tails) with one setting:
 * <ol>
 *   <li><b>Despike</b>: a lone point far from both neighbours on the same side (more than 4 noise
 *       deviations of successive differences) is replaced by their mean; it cannot start a level.</li>
 *   <li><b>Candidates</b>: binary segmentation of the levels and of the successive differences (a
 *       change of slope) by the CUSUM statistic against the noise scale of successive differences
 *       (insensitive to level shifts and drift), down to a low threshold: many candidates, few missed.</li>
 *   <li><b>Significance against the neighbours</b>, as Apache Otava's merge pass: each candidate is
 *       tested on the data between its neighbours (at most {@link #REACH} points each side) by
 *       {@link QuasiDifferencedTest} (a jump, or a jump and a change of slope, against one line with
 *       AR(1) noise); the weakest above the level is removed and its neighbours re-tested, until all
 *       hold. A candidate closer than the minimum segment to a neighbour is removed first.</li>
 *   <li><b>Transients</b>: two change points fewer than {@link #TRANSIENT} points apart whose outer
 *       levels do not differ significantly are a burst, not a change of level: both are removed.</li>
 * </ol>
 * Cost: O(n log n) for the candidates, O(R) per test with R = {@link #REACH}; memory O(n).
 */
final class RobustSegmentation {

    /** The most points each side of a change point its test looks at. */
    static final int REACH = 200;
    /** Two change points closer than this with the same level outside them are a burst. */
    static final int TRANSIENT = 6;
    /** The most points each side the rank check looks at. */
    static final int RANK_REACH = 100;
    /** Candidates closer than this compete for the same change. */
    static final int RIVALS = 10;
    private static final double SPIKE = 4.0;
    private static final double CLIP = 3.0;
    /** A level shorter than TRANSIENT points must differ from its neighbour by at least this many noise deviations. */
    static final double SHORT_LEVEL_JUMP = 5.0;

    private final ChangePointSettings settings;
    private final QuasiDifferencedTest test = new QuasiDifferencedTest();
    /** The noise deviation of the series being searched (successive differences). */
    private double noise;
    /** The series being searched, despiked and clipped. */
    private double[] searched;

    RobustSegmentation(ChangePointSettings settings) {
        this.settings = settings;
    }

    Detection detect(double[] series) {
        double[] y = despiked(series);
        noise = NoiseScale.ofDifferences(y);
        searched = y;
        TreeSet<Integer> candidates = new TreeSet<>();
        candidates(y, 0, candidates);
        return finish(series, y, candidates);
    }

    /**
     * The change points of {@code series}, which extends the one {@code previous} was found on: a
     * fresh search, then every earlier change point that the fresh search did not report (nor one
     * within {@link #RIVALS} points of it) is put back when it is still significant against its new
     * neighbours, so that a new run never makes an established change disappear.
     */
    Detection update(Detection previous, double[] series) {
        Detection fresh = detect(series);
        double[] y = searched;
        List<Integer> points = new ArrayList<>();
        for (int index : fresh.indices()) {
            points.add(index);
        }
        boolean added = false;
        for (ChangePoint old : previous.changePoints()) {
            int at = old.index();
            if (at >= series.length || points.stream().anyMatch(p -> Math.abs(p - at) < RIVALS)) {
                continue;
            }
            List<Integer> with = new ArrayList<>(points);
            with.add(at);
            java.util.Collections.sort(with);
            if (strength(y, with, with.indexOf(at)) <= settings.maxPValue()) {
                points = with;
                added = true;
            }
        }
        if (!added) {
            return fresh;
        }
        return describe(series, y, points, fresh.weakIndices());
    }

    private Detection finish(double[] series, double[] y, TreeSet<Integer> candidates) {
        int[] weak = candidates.stream().mapToInt(Integer::intValue).toArray();
        List<Integer> kept = prune(y, new ArrayList<>(candidates));
        kept = removeTransients(y, kept);
        return describe(series, y, kept, weak);
    }

    /** The change points at {@code kept} with the means of the segments beside them and their p-values. */
    private Detection describe(double[] series, double[] y, List<Integer> kept, int[] weak) {
        SegmentMoments moments = new SegmentMoments(series);
        List<ChangePoint> out = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            int from = i == 0 ? 0 : kept.get(i - 1);
            int to = i + 1 < kept.size() ? kept.get(i + 1) : series.length;
            ChangePoint means = moments.changePoint(from, kept.get(i), to);
            out.add(new ChangePoint(means.index(), means.meanBefore(), means.meanAfter(), means.stddevBefore(),
                    means.stddevAfter(), pValue(y, kept, i)));
        }
        return new Detection(series.length, out, weak);
    }

    /** The candidates of y[from, n): binary segmentation of the levels and of the differences. */
    private void candidates(double[] y, int from, TreeSet<Integer> out) {
        int n = y.length - from;
        if (n < 2 * settings.minSegment()) {
            return;
        }
        double[] levels = Arrays.copyOfRange(y, from, y.length);
        double[] differences = new double[n - 1];
        for (int i = 0; i < n - 1; i++) {
            differences[i] = levels[i + 1] - levels[i];
        }
        double threshold = Math.sqrt(2 * Math.log(Math.max(n, 3)));
        BinarySegmentation.split(levels, from == 0 ? noise : NoiseScale.ofDifferences(levels), threshold, settings.minSegment(),
                index -> out.add(from + index));
        if (n > 3) {
            BinarySegmentation.split(differences, NoiseScale.ofDifferences(differences), threshold,
                    settings.minSegment(), index -> out.add(from + index));
        }
        out.removeIf(i -> i < settings.minSegment() || i > y.length - settings.minSegment());
    }

    /** Otava's merge pass with the robust test: remove the weakest until every change point holds. */
    private List<Integer> prune(double[] y, List<Integer> points) {
        double level = settings.maxPValue();
        double[] p = new double[points.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = strength(y, points, i);
        }
        int size = points.size();
        while (size > 0) {
            int weakest = 0;
            for (int i = 1; i < size; i++) {
                if (p[i] > p[weakest]) {
                    weakest = i;
                }
            }
            if (p[weakest] <= level) {
                break;
            }
            weakest = rival(y, points, weakest);
            points.remove(weakest);
            System.arraycopy(p, weakest + 1, p, weakest, size - weakest - 1);
            size--;
            for (int i = Math.max(0, weakest - 1); i <= weakest && i < size; i++) {
                p[i] = strength(y, points, i);
            }
        }
        return points;
    }

    /**
     * Candidates a few points apart compete for one change: of the weakest ({@code i}) and a
     * neighbour closer than {@link #RIVALS}, the one that explains less when tested without any
     * candidate that close is the one to remove.
     */
    private int rival(double[] y, List<Integer> points, int i) {
        for (int j : new int[] {i - 1, i + 1}) {
            if (j >= 0 && j < points.size() && Math.abs(points.get(j) - points.get(i)) < RIVALS
                    && alone(y, points, j) > alone(y, points, i)) {
                return j;
            }
        }
        return i;
    }

    /** The p-value of change point j with every other candidate closer than {@link #RIVALS} left out. */
    private double alone(double[] y, List<Integer> points, int j) {
        int at = points.get(j);
        List<Integer> others = new ArrayList<>();
        for (int p : points) {
            if (p == at || Math.abs(p - at) >= RIVALS) {
                others.add(p);
            }
        }
        return strength(y, others, others.indexOf(at));
    }

    /** The p-value of change point i against its neighbours; 2 when a segment beside it is too short or the change too small. */
    private double strength(double[] y, List<Integer> points, int i) {
        int at = points.get(i);
        int before = i == 0 ? 0 : points.get(i - 1);
        int after = i + 1 < points.size() ? points.get(i + 1) : y.length;
        if (at - before < settings.minSegment() || after - at < settings.minSegment()) {
            return 2;
        }
        if (settings.minMagnitude() > 0 && magnitude(y, before, at, after) <= settings.minMagnitude()) {
            return 2;
        }
        if (Math.min(at - before, after - at) < TRANSIENT
                && Math.abs(mean(y, at, after) - mean(y, before, at)) < SHORT_LEVEL_JUMP * noise) {
            return 2;
        }
        double p = pValue(y, points, i);
        if (p <= settings.maxPValue() && Math.min(at - before, after - at) >= TRANSIENT) {
            // heavy tails: the ranks must agree that the levels differ
            int from = Math.max(before, at - RANK_REACH);
            int to = Math.min(after, at + RANK_REACH);
            double ranks = io.perftest.stats.MannWhitneyTest.pValue(Arrays.copyOfRange(y, from, at), Arrays.copyOfRange(y, at, to));
            if (ranks > settings.maxPValue() && smallestRankPValue(at - from, to - at) <= settings.maxPValue() / 10) {
                return Math.max(p, ranks);
            }
        }
        return p;
    }

    /**
     * The smallest two-sided p-value ranks can give two groups of these sizes (complete separation,
     * 2 / C(m + n, m)): with fewer points than that needs, the ranks cannot agree and are not asked.
     */
    static double smallestRankPValue(int m, int n) {
        double logChoose = 0;
        for (int k = 1; k <= Math.min(m, n); k++) {
            logChoose += Math.log((double) (Math.max(m, n) + k) / k);
        }
        return Math.min(1, 2 * Math.exp(-logChoose));
    }

    private double pValue(double[] y, List<Integer> points, int i) {
        int at = points.get(i);
        int before = i == 0 ? 0 : points.get(i - 1);
        int after = i + 1 < points.size() ? points.get(i + 1) : y.length;
        return test.pValue(y, Math.max(before, at - REACH), at, Math.min(after, at + REACH));
    }

    private static double magnitude(double[] y, int from, int at, int to) {
        double before = mean(y, from, at);
        double after = mean(y, at, to);
        return new ChangePoint(at, before, after, 0, 0, 0).magnitude();
    }

    /** Drops both change points of a burst: closer than TRANSIENT, with no significant change between the levels outside them. */
    private List<Integer> removeTransients(double[] y, List<Integer> points) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i + 1 < points.size(); i++) {
                int first = points.get(i);
                int second = points.get(i + 1);
                if (second - first >= TRANSIENT) {
                    continue;
                }
                int from = Math.max(i == 0 ? 0 : points.get(i - 1), first - REACH);
                int to = Math.min(i + 2 < points.size() ? points.get(i + 2) : y.length, second + REACH);
                double[] outside = new double[(first - from) + (to - second)];
                System.arraycopy(y, from, outside, 0, first - from);
                System.arraycopy(y, second, outside, first - from, to - second);
                if (test.pValue(outside, 0, first - from, outside.length) > settings.maxPValue()) {
                    points.remove(i + 1);
                    points.remove(i);
                    points = prune(y, points);
                    changed = true;
                    break;
                }
            }
        }
        return points;
    }

    /** The series with lone spikes replaced by the mean of their neighbours. */
    static double[] despiked(double[] series) {
        double[] y = series.clone();
        int n = series.length;
        if (n < 3) {
            return y;
        }
        double scale = NoiseScale.ofDifferences(series) * Math.sqrt(2);
        if (!(scale > 0)) {
            return y;
        }
        double limit = SPIKE * scale;
        for (int t = 1; t < n - 1; t++) {
            double left = series[t] - series[t - 1];
            double right = series[t] - series[t + 1];
            if (left * right > 0 && Math.min(Math.abs(left), Math.abs(right)) > limit) {
                y[t] = (series[t - 1] + series[t + 1]) / 2;
            }
        }
        // heavy tails: a value further than CLIP noise deviations from the median of the five
        // around it is pulled back to that distance (a Hampel filter that clips); the median of
        // five follows a shift of level or a trend, so only outlying values move
        double sigma = scale / Math.sqrt(2);
        double[] window = new double[5];
        double[] source = y.clone();
        for (int t = 2; t < n - 2; t++) {
            System.arraycopy(source, t - 2, window, 0, 5);
            double median = NoiseScale.median(window);
            double deviation = source[t] - median;
            if (Math.abs(deviation) > CLIP * sigma) {
                y[t] = median + Math.copySign(CLIP * sigma, deviation);
            }
        }
        return y;
    }

    private static double mean(double[] y, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += y[i];
        }
        return to > from ? s / (to - from) : Double.NaN;
    }
}
