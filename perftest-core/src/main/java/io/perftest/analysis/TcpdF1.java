package io.perftest.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The F1 score of predicted change points against human annotations, as TCPDBench defines it
 * (van den Burg and Williams 2020, {@code metrics.py}): index 0 is added to every annotator's set
 * and to the predictions; a prediction within {@code margin} points of a true change point matches
 * it, each prediction at most once (the closest first); precision is taken against the union of
 * all annotations, recall is averaged over the annotators, and F1 = 2PR / (P + R).
 */
public final class TcpdF1 {

    /** TCPDBench's margin. */
    public static final int DEFAULT_MARGIN = 5;

    private final int margin;

    private TcpdF1(int margin) {
        if (margin < 0) {
            throw new IllegalArgumentException("margin must be >= 0, was " + margin);
        }
        this.margin = margin;
    }

    public static TcpdF1 withMargin(int margin) {
        return new TcpdF1(margin);
    }

    /** Precision, recall and their F1. */
    public record Score(double precision, double recall, double f1) {
    }

    /** The score of {@code predictions} against the annotators' change points (one collection each). */
    public Score score(Collection<? extends Collection<Integer>> annotators, Collection<Integer> predictions) {
        if (annotators.isEmpty()) {
            throw new IllegalArgumentException("at least one annotator is needed");
        }
        List<TreeSet<Integer>> truths = new ArrayList<>();
        TreeSet<Integer> union = new TreeSet<>();
        for (Collection<Integer> a : annotators) {
            TreeSet<Integer> t = new TreeSet<>(a);
            t.add(0);
            truths.add(t);
            union.addAll(t);
        }
        TreeSet<Integer> predicted = new TreeSet<>(predictions);
        predicted.add(0);
        double precision = (double) truePositives(union, predicted) / predicted.size();
        double recall = 0;
        for (TreeSet<Integer> t : truths) {
            recall += (double) truePositives(t, predicted) / t.size();
        }
        recall /= truths.size();
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Score(precision, recall, f1);
    }

    /** The number of true change points matched by a distinct prediction within the margin. */
    int truePositives(TreeSet<Integer> truth, TreeSet<Integer> predictions) {
        TreeSet<Integer> left = new TreeSet<>(predictions);
        int count = 0;
        for (int tau : truth) {
            Integer best = null;
            for (Integer x : left.subSet(tau - margin, true, tau + margin, true)) {
                if (best == null || Math.abs(tau - x) < Math.abs(tau - best)) {
                    best = x;
                }
            }
            if (best != null) {
                left.remove(best);
                count++;
            }
        }
        return count;
    }
}
