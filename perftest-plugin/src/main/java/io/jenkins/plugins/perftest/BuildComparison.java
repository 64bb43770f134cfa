package io.jenkins.plugins.perftest;

import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import io.perftest.analysis.ComparisonSettings;
import io.perftest.analysis.MetricComparison;
import io.perftest.analysis.RunComparator;
import io.perftest.analysis.RunComparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Two builds side by side ({@code <job>/perftest-trend/compare?a=N&b=M}): for every test both
 * ran, the core's comparison ({@link RunComparator}, as {@code perftest compare} does it) of
 * build B against build A: medians, change, confidence interval, q-value and verdict per metric.
 */
public final class BuildComparison {

    private static final RunComparator COMPARATOR = new RunComparator(ComparisonSettings.DEFAULT);

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
                RunComparison comparison = COMPARATOR.compare(left.summary(), right.summary());
                for (MetricComparison m : comparison.metrics()) {
                    rows.add(new Row(left.getTest(), m));
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

    /** One metric of one test compared: A is the baseline, B the candidate. */
    public static final class Row {
        private final String test;
        private final MetricComparison comparison;

        Row(String test, MetricComparison comparison) {
            this.test = test;
            this.comparison = comparison;
        }

        public String getTest() {
            return test;
        }

        public String getKey() {
            return comparison.key();
        }

        public String getUnit() {
            return comparison.unit().symbol();
        }

        /** The median of build A. */
        public String getA() {
            return number(comparison.baseline().median());
        }

        /** The median of build B. */
        public String getB() {
            return number(comparison.candidate().median());
        }

        /** The relative change of the medians, or empty when undefined. */
        public String getChange() {
            return percent(comparison.change());
        }

        /** The bootstrap confidence interval of the change, or empty without one. */
        public String getInterval() {
            return comparison.hasInterval()
                    ? "[" + percent(comparison.low() - 1) + ", " + percent(comparison.high() - 1) + "]" : "";
        }

        /** The Benjamini-Hochberg adjusted p-value, or empty. */
        public String getQ() {
            return Double.isNaN(comparison.qValue()) ? "" : String.format(Locale.ROOT, "%.3g", comparison.qValue());
        }

        /** {@code improved}, {@code unchanged}, {@code regressed} or {@code unknown}. */
        public String getVerdict() {
            return comparison.verdict().label();
        }

        /** Why the verdict is what it is, or empty. */
        public String getNote() {
            return comparison.note();
        }

        private static String number(double v) {
            return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4g", v);
        }

        private static String percent(double share) {
            return Double.isNaN(share) || Double.isInfinite(share) ? "" : String.format(Locale.ROOT, "%+.1f%%", share * 100);
        }
    }
}
