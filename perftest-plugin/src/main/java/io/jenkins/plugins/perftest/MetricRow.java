package io.jenkins.plugins.perftest;

import io.perftest.model.Metric;
import io.perftest.model.MetricKey;
import io.perftest.model.Statistics;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * One metric of a run as pages and the REST API show it: key, its parts (source, the label as
 * the user wrote it, quantity, statistic, host), unit, direction, value and spread.
 */
@ExportedBean(defaultVisibility = 2)
public final class MetricRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final String source;
    private final String label;
    private final List<String> quantity;
    private final String statistic;
    private final String host;
    private final String unit;
    private final String direction;
    private final double value;
    private final long samples;
    private final double stddev;

    MetricRow(MetricKey key, String unit, String direction, double value, long samples, double stddev) {
        this.key = key.text();
        this.source = key.source();
        this.label = key.label().orElse(null);
        this.quantity = new ArrayList<>(key.quantity()); // a plain ArrayList: build.xml (XStream) keeps it
        this.statistic = key.statistic().orElse(null);
        this.host = key.host().orElse(null);
        this.unit = unit;
        this.direction = direction;
        this.value = value;
        this.samples = samples;
        this.stddev = stddev;
    }

    static MetricRow of(Metric metric) {
        Statistics s = metric.samples().statistics();
        return new MetricRow(metric.id(), metric.unit().symbol(), metric.direction().label(), metric.value(),
                s.count(), s.stddev());
    }

    @Exported
    public String getKey() {
        return key;
    }

    /** The parser or collector that measured it. */
    @Exported
    public String getSource() {
        return source;
    }

    /** The user's own label (request, command, job name) verbatim, or null. */
    @Exported
    public String getLabel() {
        return label;
    }

    /** What is measured: the key's parts that are neither the label nor the statistic. */
    @Exported
    public List<String> getQuantity() {
        return Collections.unmodifiableList(quantity);
    }

    /** {@code mean}, {@code p95}, ... or null. */
    @Exported
    public String getStatistic() {
        return statistic;
    }

    /** The statistics host it was measured on, or null (the execution host). */
    @Exported
    public String getHost() {
        return host;
    }

    @Exported
    public String getUnit() {
        return unit;
    }

    /** {@code lower} or {@code higher} is better. */
    @Exported
    public String getDirection() {
        return direction;
    }

    @Exported
    public double getValue() {
        return value;
    }

    @Exported
    public long getSamples() {
        return samples;
    }

    @Exported
    public double getStddev() {
        return stddev;
    }

    /** The value with its unit, for pages. */
    public String getFormatted() {
        String number = Math.abs(value) >= 1000 || value == Math.rint(value)
                ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.3g", value);
        return unit.isEmpty() ? number : number + " " + unit;
    }
}
