package io.jenkins.plugins.perftest;

import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import io.perftest.model.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Two builds side by side ({@code <job>/perftest-trend/compare?a=N&b=M}): for every test both
 * ran, every metric of either with its value in each and the relative change.
 *
 * <p>INTEGRATION POINT: the significance of a change comes from the core's comparison
 * ({@code io.perftest.analysis}, written in parallel); until then the page shows the change only.
 */
public final class BuildComparison {

    private final Job<?, ?> job;
    private final Run<?, ?> a;
    private final Run<?, ?> b;
    private final List<Row> rows;

    private BuildComparison(Job<?, ?> job, Run<?, ?> a, Run<?, ?> b, List<Row> rows) {
        this.job = job;
        this.a = a;
        this.b = b;
        this.rows = rows;
    }

    static BuildComparison of(Job<?, ?> job, Run<?, ?> a, Run<?, ?> b) {
        a.checkPermission(Item.READ);
        b.checkPermission(Item.READ);
        List<Row> rows = new ArrayList<>();
        for (PerfTestBuildAction left : a.getActions(PerfTestBuildAction.class)) {
            for (PerfTestBuildAction right : b.getActions(PerfTestBuildAction.class)) {
                if (!left.getTest().equals(right.getTest())) {
                    continue;
                }
                for (Metric m : left.summary().metrics()) {
                    Metric other = right.metric(m.key());
                    rows.add(new Row(left.getTest(), m.key(), m.unit().symbol(), m.value(),
                            other == null ? Double.NaN : other.value()));
                }
                for (Metric m : right.summary().metrics()) {
                    if (left.metric(m.key()) == null) {
                        rows.add(new Row(left.getTest(), m.key(), m.unit().symbol(), Double.NaN, m.value()));
                    }
                }
            }
        }
        return new BuildComparison(job, a, b, rows);
    }

    public Job<?, ?> getJob() {
        return job;
    }

    public Run<?, ?> getA() {
        return a;
    }

    public Run<?, ?> getB() {
        return b;
    }

    public List<Row> getRows() {
        return List.copyOf(rows);
    }

    public String getDisplayName() {
        return Messages.BuildComparison_DisplayName(a.getDisplayName(), b.getDisplayName());
    }

    /** One metric in both builds. */
    public static final class Row {
        private final String test;
        private final String key;
        private final String unit;
        private final double valueA;
        private final double valueB;

        Row(String test, String key, String unit, double valueA, double valueB) {
            this.test = test;
            this.key = key;
            this.unit = unit;
            this.valueA = valueA;
            this.valueB = valueB;
        }

        public String getTest() {
            return test;
        }

        public String getKey() {
            return key;
        }

        public String getUnit() {
            return unit;
        }

        public String getA() {
            return format(valueA);
        }

        public String getB() {
            return format(valueB);
        }

        /** The change from A to B in percent of A, or empty when either is missing or A is 0. */
        public String getChange() {
            if (Double.isNaN(valueA) || Double.isNaN(valueB) || valueA == 0) {
                return "";
            }
            return String.format(Locale.ROOT, "%+.1f%%", (valueB - valueA) / Math.abs(valueA) * 100);
        }

        private static String format(double v) {
            return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4g", v);
        }
    }
}
