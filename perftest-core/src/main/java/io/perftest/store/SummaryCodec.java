package io.perftest.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.MetricKey;
import io.perftest.model.RunSummary;
import io.perftest.model.Samples;
import io.perftest.model.Statistics;
import io.perftest.model.Unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code summary.json}: every metric with key, its parts (source, label, quantity, statistic,
 * host, client), unit, direction, value (the median), its statistics and its samples. Samples are kept up to {@value #MAX_SAMPLES} values so the file
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

    /**
     * The JSON form of one metric. The key is its identity; the parts beside it say what the key
     * is made of (the label verbatim), and where the label and the statistic are in it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MetricEntry(String key, String source, String label, List<String> quantity, String statistic,
                              String host, String client, String unit, String direction, Double value,
                              Statistics statistics, double[] samples) {
    }

    public static SummaryFile encode(RunSummary summary) {
        List<MetricEntry> out = new ArrayList<>();
        for (Metric m : summary.metrics()) {
            Samples s = m.samples();
            double[] values = s.size() <= MAX_SAMPLES && s.hasValues() ? s.values() : null;
            MetricKey k = m.id();
            out.add(new MetricEntry(k.text(), k.source(), k.label().orElse(null), k.quantity(), k.statistic().orElse(null),
                    k.host().orElse(null), k.client().orElse(null), m.unit().symbol(), m.direction().label(),
                    finite(m.value()), s.statistics(), values));
        }
        return new SummaryFile(1, out);
    }

    public static RunSummary decode(SummaryFile file) {
        List<Metric> metrics = new ArrayList<>();
        for (MetricEntry e : file.metrics()) {
            Samples samples = e.samples() != null && e.samples().length > 0 ? Samples.of(e.samples())
                    : Samples.summarized(e.statistics() == null ? Statistics.EMPTY : e.statistics());
            Direction d = e.direction() == null ? Direction.NEUTRAL : Direction.fromLabel(e.direction());
            MetricKey key = MetricKey.parse(e.key(), Optional.ofNullable(e.label()), Optional.ofNullable(e.statistic()));
            metrics.add(new Metric(key, Unit.parse(e.unit()), d, samples));
        }
        return RunSummary.of(metrics);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
