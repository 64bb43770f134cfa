package io.perftest.analysis;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.IntConsumer;

/**
 * Binary segmentation by the CUSUM statistic of a change in mean: a segment is split at the point
 * maximising {@code sqrt(l r / L) |mean(left) - mean(right)| / sigma}, and its halves in turn, while
 * that maximum is at least the threshold. O(n log n) with prefix sums.
 */
final class BinarySegmentation {

    private BinarySegmentation() {
    }

    static void split(double[] x, double sigma, double threshold, int minSegment, IntConsumer sink) {
        int n = x.length;
        if (!(sigma > 0)) {
            double spread = 0;
            for (double v : x) {
                spread = Math.max(spread, Math.abs(v - x[0]));
            }
            if (spread == 0) {
                return;
            }
            sigma = spread * 1e-9;
        }
        double[] sum = new double[n + 1];
        for (int i = 0; i < n; i++) {
            sum[i + 1] = sum[i] + (x[i] - x[0]);
        }
        int min = Math.max(1, minSegment);
        Deque<int[]> todo = new ArrayDeque<>();
        todo.push(new int[] {0, n});
        while (!todo.isEmpty()) {
            int[] s = todo.pop();
            int from = s[0];
            int to = s[1];
            int length = to - from;
            if (length < 2 * min) {
                continue;
            }
            double total = sum[to] - sum[from];
            double best = -1;
            int at = -1;
            for (int k = from + min; k <= to - min; k++) {
                int left = k - from;
                int right = to - k;
                double diff = (sum[k] - sum[from]) / left - (total - (sum[k] - sum[from])) / right;
                double stat = Math.sqrt((double) left * right / length) * Math.abs(diff);
                if (stat > best) {
                    best = stat;
                    at = k;
                }
            }
            if (at < 0 || best / sigma < threshold) {
                continue;
            }
            sink.accept(at);
            todo.push(new int[] {from, at});
            todo.push(new int[] {at, to});
        }
    }
}
