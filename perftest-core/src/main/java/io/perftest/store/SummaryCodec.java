package io.perftest.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.RunSummary;
import io.perftest.model.Samples;
import io.perftest.model.Statistics;
import io.perftest.model.Unit;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code summary.json}: every metric with key, unit, direction, value (the median), its
 * statistics and its samples. Samples are kept up to {@value #MAX_SAMPLES} values so the file
 * stays small; beyond that only the statistics are.
 */
public final class SummaryCodec {

    public static final int MAX_SAMPLES = 1000;

    private SummaryCodec() {
    }

    /** The JSON form of a summary. */
    public record SummaryFile(int formatVersion, List<MetricEntry> metrics) {
        public SummaryFile {
            metrics = metrics == null ? List.of() : List.copyOf(metrics);
        }
    }

    /** The JSON form of one metric. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MetricEntry(String key, String unit, String direction, Double value, Statistics statistics,
                              double[] samples) {
    }

    public static SummaryFile encode(RunSummary summary) {
        List<MetricEntry> out = new ArrayList<>();
        for (Metric m : summary.metrics()) {
            Samples s = m.samples();
            double[] values = s.size() <= MAX_SAMPLES && s.hasValues() ? s.values() : null;
            out.add(new MetricEntry(m.key(), m.unit().symbol(), m.direction().label(), finite(m.value()),
                    s.statistics(), values));
        }
        return new SummaryFile(1, out);
    }

    public static RunSummary decode(SummaryFile file) {
        List<Metric> metrics = new ArrayList<>();
        for (MetricEntry e : file.metrics()) {
            Samples samples = e.samples() != null && e.samples().length > 0 ? Samples.of(e.samples())
                    : Samples.summarized(e.statistics() == null ? Statistics.EMPTY : e.statistics());
            Direction d = e.direction() == null ? Direction.NEUTRAL : Direction.fromLabel(e.direction());
            metrics.add(new Metric(e.key(), Unit.parse(e.unit()), d, samples));
        }
        return RunSummary.of(metrics);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
