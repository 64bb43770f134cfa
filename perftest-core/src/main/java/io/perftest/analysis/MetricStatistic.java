package io.perftest.analysis;

import io.perftest.model.Metric;
import io.perftest.model.Statistics;

import java.util.Locale;
import java.util.Optional;

/** Which statistic of a metric's samples a threshold looks at; {@link #VALUE} (the median) unless written. */
public enum MetricStatistic {
    VALUE,
    MEDIAN,
    MEAN,
    MIN,
    MAX,
    STDDEV;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MetricStatistic> fromLabel(String text) {
        for (MetricStatistic s : values()) {
            if (s.label().equals(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public double of(Metric metric) {
        Statistics s = metric.samples().statistics();
        return switch (this) {
            case VALUE, MEDIAN -> metric.value();
            case MEAN -> s.mean();
            case MIN -> s.min();
            case MAX -> s.max();
            case STDDEV -> s.stddev();
        };
    }
}
