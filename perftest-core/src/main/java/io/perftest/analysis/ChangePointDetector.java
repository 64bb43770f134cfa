package io.perftest.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the points where the level of a series changes. The default method
 * ({@link ChangePointSettings.Method#ROBUST}, see {@code RobustSegmentation}) holds on trends,
 * random walks and heavy tails; {@link ChangePointSettings.Method#E_DIVISIVE} is Apache Otava's
 * (Hunter, Fleming et al. 2023), plus a minimum segment length:
 * <ol>
 *   <li>Split: E-divisive means with a Student t-test in sliding windows of
 *       {@link ChangePointSettings#windowLength()} points stepping by half a window (restarting
 *       at the last change point found), at the weak level {@link ChangePointSettings#weakPValue()};
 *       the union of what the windows find are the weak change points.</li>
 *   <li>Merge: each weak change point is tested against its neighbours' segments; the weakest
 *       (highest p-value above the level, else smallest magnitude below the minimum, else a
 *       segment shorter than the minimum) is removed and its neighbours re-tested, until every
 *       remaining one is significant, large enough and between long enough segments.</li>
 * </ol>
 * Time O(n w) for n points and window w, memory O(n + w). Stateless and thread-safe.
 */
public final class ChangePointDetector {

    private final ChangePointSettings settings;

    public ChangePointDetector(ChangePointSettings settings) {
        this.settings = settings;
    }

    public ChangePointSettings settings() {
        return settings;
    }

    /** The change points of {@code series}, ascending by index. */
    public List<ChangePoint> changePoints(double[] series) {
        return detect(series).changePoints();
    }

    /** The change points of {@code series} with the state {@link #update} needs. */
    public Detection detect(double[] series) {
        checkFinite(series);
        if (settings.method() == ChangePointSettings.Method.ROBUST) {
            return new RobustSegmentation(settings).detect(series);
        }
        SegmentMoments moments = new SegmentMoments(series);
        boolean[] weak = new boolean[series.length];
        split(series, moments, 0, weak);
        return merge(series.length, moments, weak);
    }

    /**
     * The change points of {@code series}, which extends the series {@code previous} was computed
     * on by one or more points: only the windows of the tail (about four windows back, or from the
     * last weak change point before that) are searched again; earlier weak change points are kept
     * and re-tested in the merge pass. As Otava's incremental mode, the result can differ from
     * {@link #detect} in the rare case a new point would have moved an old split.
     */
    public Detection update(Detection previous, double[] series) {
        checkFinite(series);
        int added = series.length - previous.length();
        if (added < 0) {
            throw new IllegalArgumentException("the series has " + series.length + " points, fewer than the "
                    + previous.length() + " it extends");
        }
        if (settings.method() == ChangePointSettings.Method.ROBUST) {
            return new RobustSegmentation(settings).update(previous, series);
        }
        int n = series.length;
        int window = settings.windowLength();
        int step = window / 2;
        double maxStart = n - ((double) added / window + 4) * window;
        int start = 0;
        boolean[] weak = new boolean[n];
        for (int index : previous.weakIndices()) {
            if (index < n) {
                weak[index] = true;
                if (index < maxStart) {
                    start = index;
                }
            }
        }
        for (int s = 0; s < n; s += step) {
            if (s < maxStart && start < s) {
                start = s;
            }
        }
        SegmentMoments moments = new SegmentMoments(series);
        split(series, moments, start, weak);
        return merge(n, moments, weak);
    }

    private void split(double[] series, SegmentMoments moments, int start, boolean[] weak) {
        int n = series.length;
        int window = settings.windowLength();
        int step = window / 2;
        double level = settings.weakPValue();
        EnergyDivisive divisive = new EnergyDivisive(series, moments, window);
        int[] last = new int[1];
        while (start < n) {
            int end = Math.min(start + window, n);
            last[0] = 0;
            divisive.changePoints(start, end, level, index -> {
                weak[index] = true;
                last[0] = index;
            });
            start = Math.max(last[0], start + step);
        }
    }

    private Detection merge(int n, SegmentMoments moments, boolean[] weak) {
        int count = 0;
        for (boolean w : weak) {
            if (w) {
                count++;
            }
        }
        int[] weakIndices = new int[count];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (weak[i]) {
                weakIndices[k++] = i;
            }
        }
        // the candidates as a list of indices with their change points, tested against their neighbours
        int[] index = weakIndices.clone();
        ChangePoint[] points = new ChangePoint[count];
        for (int i = 0; i < count; i++) {
            points[i] = test(moments, index, i, count, n);
        }
        int size = count;
        double maxP = settings.maxPValue();
        double minMagnitude = settings.minMagnitude();
        int minSegment = settings.minSegment();
        while (size > 0) {
            int weakest = 0;
            for (int i = 1; i < size; i++) {
                if (points[i].pValue() > points[weakest].pValue()) {
                    weakest = i;
                }
            }
            if (points[weakest].pValue() < maxP) {
                weakest = -1;
                if (minSegment > 1) {
                    weakest = shortestSegment(index, size, n, minSegment);
                }
                if (weakest < 0) {
                    weakest = 0;
                    for (int i = 1; i < size; i++) {
                        if (points[i].magnitude() < points[weakest].magnitude()) {
                            weakest = i;
                        }
                    }
                    if (points[weakest].magnitude() > minMagnitude) {
                        break;
                    }
                }
            }
            System.arraycopy(index, weakest + 1, index, weakest, size - weakest - 1);
            System.arraycopy(points, weakest + 1, points, weakest, size - weakest - 1);
            size--;
            // the neighbours of the removed point now span its segments: test them again
            // Otava re-tests the points now at positions weakest and weakest + 1 (leaving the left
            // neighbour's statistics stale); exact agreement with it needs the same
            int first = settings.otavaMerge() ? weakest : weakest - 1;
            for (int i = Math.max(0, first); i <= first + 1 && i < size; i++) {
                points[i] = test(moments, index, i, size, n);
            }
        }
        List<ChangePoint> result = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            result.add(points[i]);
        }
        return new Detection(n, result, weakIndices);
    }

    /** The position of the change point with the shortest segment beside it, if shorter than {@code minSegment}; else -1. */
    private static int shortestSegment(int[] index, int size, int n, int minSegment) {
        int found = -1;
        int shortest = minSegment;
        for (int i = 0; i < size; i++) {
            int before = index[i] - (i == 0 ? 0 : index[i - 1]);
            int after = (i + 1 < size ? index[i + 1] : n) - index[i];
            int segment = Math.min(before, after);
            if (segment < shortest) {
                shortest = segment;
                found = i;
            }
        }
        return found;
    }

    private static ChangePoint test(SegmentMoments moments, int[] index, int i, int size, int n) {
        int from = i == 0 ? 0 : index[i - 1];
        int to = i + 1 < size ? index[i + 1] : n;
        return moments.changePoint(from, index[i], to);
    }

    private static void checkFinite(double[] series) {
        for (int i = 0; i < series.length; i++) {
            if (!Double.isFinite(series[i])) {
                throw new IllegalArgumentException("point " + i + " of the series is " + series[i] + ", not a finite number");
            }
        }
    }
}
