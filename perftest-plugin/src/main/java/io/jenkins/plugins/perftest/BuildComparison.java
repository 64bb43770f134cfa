package io.jenkins.plugins.perftest;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Api;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import hudson.util.Graph;
import io.perftest.analysis.ComparisonSettings;
import io.perftest.analysis.MetricComparison;
import io.perftest.analysis.RunComparator;
import io.perftest.analysis.RunComparison;
import io.perftest.chart.ComparisonChart;
import io.perftest.chart.ComparisonRow;
import io.perftest.report.MetricChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jenkins.security.stapler.StaplerAccessibleType;
import org.jfree.chart.JFreeChart;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * Two builds side by side ({@code <job>/perftest-trend/compare?a=12&b=15}, or across the jobs of
 * one framework folder: {@code ?a=web/tcp:12&b=15}; JSON: {@code compare/api/json?a=..&b=..}):
 * for every test both ran, the core's comparison ({@link RunComparator}, as {@code perftest
 * compare} does it) of B against A: medians, change, 95% bootstrap interval, q-value, noise band
 * and verdict per metric, and the comparison chart {@code perftest compare --html} draws.
 * Builds of different jobs are paired by test name, or, when each ran one test, those two.
 */
@ExportedBean(defaultVisibility = 2)
@StaplerAccessibleType
public final class BuildComparison {

    private static final ComparisonSettings SETTINGS = ComparisonSettings.DEFAULT;
    private static final RunComparator COMPARATOR = new RunComparator(SETTINGS);
    static final int CHART_WIDTH = 900;
    static final int CHART_ROW_HEIGHT = 34;

    private final Job<?, ?> job;
    private final Run<?, ?> a;
    private final Run<?, ?> b;
    private final List<Row> rows;
    private final List<ComparisonRow> chartRows;

    private BuildComparison(Job<?, ?> job, Run<?, ?> a, Run<?, ?> b, List<Row> rows, List<ComparisonRow> chartRows) {
        this.job = job;
        this.a = a;
        this.b = b;
        this.rows = List.copyOf(rows);
        this.chartRows = List.copyOf(chartRows);
    }

    /** Both builds must be readable by the current user. */
    static BuildComparison of(Job<?, ?> job, Run<?, ?> a, Run<?, ?> b) {
        a.checkPermission(Item.READ);
        b.checkPermission(Item.READ);
        List<Row> rows = new ArrayList<>();
        List<ComparisonRow> chartRows = new ArrayList<>();
        for (PerfTestBuildAction[] pair : pairs(a.getActions(PerfTestBuildAction.class), b.getActions(PerfTestBuildAction.class))) {
            PerfTestBuildAction left = pair[0];
            PerfTestBuildAction right = pair[1];
            RunComparison comparison = COMPARATOR.compare(left.summary(), right.summary());
            String test = left.getTest().equals(right.getTest()) ? left.getTest() : left.getTest() + " / " + right.getTest();
            for (MetricComparison m : comparison.metrics()) {
                rows.add(new Row(test, m, SETTINGS.noiseOf(m.key())));
            }
            chartRows.addAll(MetricChange.chartRows(MetricChange.compare(left.summary(), right.summary())));
        }
        return new BuildComparison(job, a, b, rows, chartRows);
    }

    /** The tests to compare: equal names; else, when each build ran exactly one test, those two. */
    private static List<PerfTestBuildAction[]> pairs(List<PerfTestBuildAction> left, List<PerfTestBuildAction> right) {
        List<PerfTestBuildAction[]> out = new ArrayList<>();
        for (PerfTestBuildAction l : left) {
            for (PerfTestBuildAction r : right) {
                if (l.getTest().equals(r.getTest())) {
                    out.add(new PerfTestBuildAction[] {l, r});
                }
            }
        }
        if (out.isEmpty() && left.size() == 1 && right.size() == 1) {
            out.add(new PerfTestBuildAction[] {left.get(0), right.get(0)});
        }
        return out;
    }

    /** {@code compare/api/json?a=..&b=..}: the table below as JSON. */
    public Api getApi() {
        return new Api(this);
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

    /** Build A, the baseline, as {@code job #N}. */
    @Exported
    public String getBaseline() {
        return a.getFullDisplayName();
    }

    /** Build B, the candidate, as {@code job #N}. */
    @Exported
    public String getCandidate() {
        return b.getFullDisplayName();
    }

    /** The query naming both builds, for the chart's URL. */
    public String getQuery() {
        return "a=" + hudson.Util.rawEncode(BuildRef.of(job, a)) + "&b=" + hudson.Util.rawEncode(BuildRef.of(job, b));
    }

    @Exported
    public List<Row> getRows() {
        return rows;
    }

    public boolean isChart() {
        return !chartRows.isEmpty();
    }

    /** {@code compare/chart/png?a=..&b=..}: the core's comparison chart, as {@code perftest compare --html} draws it. */
    @CheckForNull
    public Graph getChart() {
        if (chartRows.isEmpty()) {
            return null;
        }
        String title = b.getFullDisplayName() + " against " + a.getFullDisplayName();
        return new Graph(Math.max(a.getTimeInMillis(), b.getTimeInMillis()), CHART_WIDTH, getChartHeight()) {
            @Override
            protected JFreeChart createGraph() {
                return ComparisonChart.create(title, a.getDisplayName(), b.getDisplayName(), chartRows);
            }
        };
    }

    public int getChartWidth() {
        return CHART_WIDTH;
    }

    public int getChartHeight() {
        return Math.min(1400, 160 + CHART_ROW_HEIGHT * chartRows.size());
    }

    public String getDisplayName() {
        return Messages.BuildComparison_DisplayName(b.getFullDisplayName(), a.getFullDisplayName());
    }

    /** One metric of one test compared: A is the baseline, B the candidate. Numbers are null where undefined. */
    @ExportedBean(defaultVisibility = 2)
    public static final class Row {
        private final String test;
        private final MetricComparison comparison;
        private final double noise;

        Row(String test, MetricComparison comparison, double noise) {
            this.test = test;
            this.comparison = comparison;
            this.noise = noise;
        }

        @Exported
        public String getTest() {
            return test;
        }

        @Exported
        public String getKey() {
            return comparison.key();
        }

        @Exported
        public String getUnit() {
            return comparison.unit().symbol();
        }

        /** The median of build A. */
        @Exported(name = "a")
        public Double getMedianA() {
            return finite(comparison.baseline().median());
        }

        /** The median of build B. */
        @Exported(name = "b")
        public Double getMedianB() {
            return finite(comparison.candidate().median());
        }

        /** B / A - 1. */
        @Exported
        public Double getChange() {
            return finite(comparison.change());
        }

        /** The 95% bootstrap interval of the change, low end. */
        @Exported
        public Double getLow() {
            return comparison.hasInterval() ? finite(comparison.low() - 1) : null;
        }

        @Exported
        public Double getHigh() {
            return comparison.hasInterval() ? finite(comparison.high() - 1) : null;
        }

        /** The Benjamini-Hochberg adjusted p-value of the Mann-Whitney U test. */
        @Exported
        public Double getQ() {
            return finite(comparison.qValue());
        }

        /** The noise band: a change within {@code ±noise} is {@code unchanged}. */
        @Exported
        public double getNoise() {
            return noise;
        }

        /** {@code improved}, {@code unchanged}, {@code regressed} or {@code unknown}. */
        @Exported
        public String getVerdict() {
            return comparison.verdict().label();
        }

        /** Why the verdict is what it is, or empty. */
        @Exported
        public String getNote() {
            return comparison.note();
        }

        public String getFormattedA() {
            return number(comparison.baseline().median());
        }

        public String getFormattedB() {
            return number(comparison.candidate().median());
        }

        public String getFormattedChange() {
            return percent(comparison.change());
        }

        public String getFormattedInterval() {
            return comparison.hasInterval()
                    ? "[" + percent(comparison.low() - 1) + ", " + percent(comparison.high() - 1) + "]" : "";
        }

        public String getFormattedQ() {
            return Double.isNaN(comparison.qValue()) ? "" : String.format(Locale.ROOT, "%.3g", comparison.qValue());
        }

        public String getFormattedNoise() {
            return String.format(Locale.ROOT, "±%.1f%%", noise * 100);
        }

        @CheckForNull
        private static Double finite(double v) {
            return Double.isFinite(v) ? v : null;
        }

        private static String number(double v) {
            return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4g", v);
        }

        private static String percent(double share) {
            return Double.isNaN(share) || Double.isInfinite(share) ? "" : String.format(Locale.ROOT, "%+.1f%%", share * 100);
        }
    }
}
