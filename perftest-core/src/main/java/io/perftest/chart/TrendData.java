package io.perftest.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * What a trend chart shows: one metric across the runs of a test, with change points and
 * threshold lines. Build it with {@link #builder(String, String)}.
 */
public record TrendData(String title, String metric, String unit, List<TrendPoint> points, List<TrendChange> changes,
                        List<ThresholdLine> thresholds) {

    public TrendData {
        points = List.copyOf(points);
        changes = List.copyOf(changes);
        thresholds = List.copyOf(thresholds);
        unit = unit == null ? "" : unit;
    }

    public static Builder builder(String metric, String unit) {
        return new Builder(metric, unit);
    }

    /** Builds {@link TrendData}; the title defaults to "Trend of METRIC". */
    public static final class Builder {
        private final String metric;
        private final String unit;
        private String title;
        private final List<TrendPoint> points = new ArrayList<>();
        private final List<TrendChange> changes = new ArrayList<>();
        private final List<ThresholdLine> thresholds = new ArrayList<>();

        private Builder(String metric, String unit) {
            this.metric = metric;
            this.unit = unit;
        }

        public Builder title(String v) {
            title = v;
            return this;
        }

        public Builder point(TrendPoint p) {
            points.add(p);
            return this;
        }

        public Builder change(TrendChange c) {
            changes.add(c);
            return this;
        }

        public Builder threshold(ThresholdLine t) {
            thresholds.add(t);
            return this;
        }

        public TrendData build() {
            return new TrendData(title == null ? "Trend of " + metric : title, metric, unit, points, changes, thresholds);
        }
    }
}
