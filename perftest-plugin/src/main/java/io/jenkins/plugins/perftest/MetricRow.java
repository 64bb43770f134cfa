package io.jenkins.plugins.perftest;

import io.perftest.model.Metric;
import io.perftest.model.Statistics;
import java.io.Serializable;
import java.util.Locale;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** One metric of a run as pages and the REST API show it: key, unit, direction, value and spread. */
@ExportedBean(defaultVisibility = 2)
public final class MetricRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final String unit;
    private final String direction;
    private final double value;
    private final long samples;
    private final double stddev;

    MetricRow(String key, String unit, String direction, double value, long samples, double stddev) {
        this.key = key;
        this.unit = unit;
        this.direction = direction;
        this.value = value;
        this.samples = samples;
        this.stddev = stddev;
    }

    static MetricRow of(Metric metric) {
        Statistics s = metric.samples().statistics();
        return new MetricRow(metric.key(), metric.unit().symbol(), metric.direction().label(), metric.value(),
                s.count(), s.stddev());
    }

    @Exported
    public String getKey() {
        return key;
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
