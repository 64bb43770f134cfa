package io.jenkins.plugins.perftest;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Action;
import hudson.model.Api;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import hudson.util.Graph;
import io.perftest.analysis.ChangePointDetector;
import io.perftest.analysis.ChangePointSettings;
import io.perftest.analysis.MetricPriority;
import io.perftest.analysis.MetricTrend;
import io.perftest.chart.RunMark;
import io.perftest.chart.TrendChange;
import io.perftest.chart.TrendChart;
import io.perftest.chart.TrendData;
import io.perftest.chart.TrendPoint;
import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.Unit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jenkins.security.stapler.StaplerAccessibleType;
import org.jfree.chart.JFreeChart;
import org.kohsuke.stapler.Stapler;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The job page's perftest view ({@code <job>/perftest-trend/}): a trend chart per metric that
 * matters (the core's {@link MetricPriority}: the thresholds' metrics, the {@code trendMetrics},
 * the script's own results) across the latest builds, drawn by the core's {@link TrendChart}
 * with the change points of the core's {@link ChangePointDetector} marked and linked, and
 * {@code compare?a=N&b=M} between any two builds. REST: {@code api/json?depth=2} gives the
 * charted trends (builds, values, change points). Added by {@link PerfTestJobActionFactory} to
 * every job with perftest results, whatever the result of its last build.
 */
@ExportedBean(defaultVisibility = 2)
public final class PerfTestJobAction implements Action {

    static final String URL_NAME = "perftest-trend";
    private static final int MAX_CHARTS = 12;
    /** The core's detector with its default settings, as {@code perftest detect} uses it. */
    private static final ChangePointDetector DETECTOR = new ChangePointDetector(ChangePointSettings.DEFAULT);

    private final Job<?, ?> job;

    PerfTestJobAction(Job<?, ?> job) {
        this.job = job;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    @Override
    public String getIconFileName() {
        return PerfTestBuildAction.ICON;
    }

    @Override
    public String getDisplayName() {
        return Messages.PerfTestJobAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /** The perftest results of the latest builds (newest first), bounded by the global setting. */
    List<PerfTestBuildAction> recentResults() {
        job.checkPermission(Item.READ);
        List<PerfTestBuildAction> out = new ArrayList<>();
        int limit = PerfTestGlobalConfiguration.get().getTrendBuilds();
        for (Run<?, ?> r : job.getBuilds().limit(limit)) {
            out.addAll(r.getActions(PerfTestBuildAction.class));
        }
        return out;
    }

    /** {@code <job>/perftest-trend/api/json}: the trends, for users who may read the job. */
    public Api getApi() {
        job.checkPermission(Item.READ);
        return new Api(this);
    }

    /** Every test's charted trends, as the page shows them. */
    @Exported(name = "tests")
    public List<TestTrend> getTrends() {
        List<TestTrend> out = new ArrayList<>();
        for (String test : getTests()) {
            List<Trend> trends = new ArrayList<>();
            for (String key : getKeys(test)) {
                trends.add(trend(test, key));
            }
            out.add(new TestTrend(test, trends));
        }
        return out;
    }

    /** Test names with results, in order of first appearance. */
    public List<String> getTests() {
        Set<String> tests = new LinkedHashSet<>();
        recentResults().forEach(a -> tests.add(a.getTest()));
        return new ArrayList<>(tests);
    }

    /**
     * The metric keys charted for a test: of its latest run's metrics, the {@link #MAX_CHARTS}
     * that matter most by the core's rule ({@link MetricPriority#forRun}: that run's thresholds'
     * metrics, its {@code trendMetrics}, the script's own results, then collector series).
     */
    public List<String> getKeys(String test) {
        for (PerfTestBuildAction a : recentResults()) {
            if (a.getTest().equals(test)) {
                List<String> keys = a.summary().metrics().stream().map(Metric::key).toList();
                return MetricPriority.forRun(a.record()).top(keys, MAX_CHARTS);
            }
        }
        return List.of();
    }

    /** The trend of one metric of one test, oldest build first, with the core's change points. */
    Trend trend(String test, String key) {
        List<TrendPoint> points = new ArrayList<>();
        Unit unit = Unit.NONE;
        Direction direction = Direction.NEUTRAL;
        List<PerfTestBuildAction> results = recentResults();
        for (int i = results.size() - 1; i >= 0; i--) {
            PerfTestBuildAction a = results.get(i);
            if (!a.getTest().equals(test)) {
                continue;
            }
            Metric m = a.metric(key);
            if (m != null && Double.isFinite(m.value())) {
                double[] samples = m.samples().hasValues() ? m.samples().values() : new double[0];
                points.add(new TrendPoint(a.getRun().getNumber(), m.value(), samples, Double.NaN, Double.NaN, mark(a)));
                unit = m.unit();
                direction = m.direction();
            }
        }
        int[] runs = new int[points.size()];
        double[] values = new double[points.size()];
        for (int i = 0; i < runs.length; i++) {
            runs[i] = points.get(i).run();
            values[i] = points.get(i).value();
        }
        MetricTrend metricTrend = new MetricTrend(key, unit, direction, runs, values, DETECTOR.changePoints(values));
        return new Trend(test, key, unit.symbol(), points, TrendChange.of(metricTrend));
    }

    private static RunMark mark(PerfTestBuildAction a) {
        if ("FAILED".equals(a.getVerdict())) {
            return RunMark.FAILED;
        }
        return "UNSTABLE".equals(a.getVerdict()) ? RunMark.UNSTABLE : RunMark.PASSED;
    }

    /**
     * The changes of every charted metric of a test, by the build where each began (newest first):
     * build number to {@code "<metric> +12.3%"} texts.
     */
    public Map<Integer, String> getChangePoints(String test) {
        List<Change> all = new ArrayList<>();
        for (String key : getKeys(test)) {
            for (TrendChange c : trend(test, key).changes()) {
                all.add(new Change(c.run(), key, c.relativeChange(), c.regression()));
            }
        }
        all.sort((x, y) -> Integer.compare(y.build(), x.build()));
        Map<Integer, String> out = new LinkedHashMap<>();
        for (Change c : all) {
            out.merge(c.build(), c.describe(), (x, y) -> x + ", " + y);
        }
        return out;
    }

    /**
     * A metric key as one URL path segment: base64url of its UTF-8 bytes. A key may hold any
     * character of its label ({@code jmeter."GET /api/users".count}), and Jetty 12 refuses an
     * encoded '/' ({@code %2F}) in a path with 400.
     */
    public String keyToken(String key) {
        return tokenOf(key);
    }

    /** {@link #keyToken} for code (the pages call the instance method). */
    static String tokenOf(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The key of a {@link #keyToken}, or null when {@code token} is not one. */
    @CheckForNull
    static String keyOf(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code trend/<test>/metric/<key token>/png}: a path, not query parameters, so browsers cache each chart. */
    public TrendRoute getTrend(String test) {
        job.checkPermission(Item.READ);
        return new TrendRoute(test);
    }

    /**
     * {@code compare?a=12&b=15} (or {@code a=web/tcp:12}, a build of another job of the
     * framework): two builds side by side; {@code compare/api/json?a=..&b=..} as JSON. Null (404)
     * when a build is missing or not readable.
     */
    @CheckForNull
    public BuildComparison getCompare() {
        job.checkPermission(Item.READ);
        StaplerRequest2 req = Stapler.getCurrentRequest2();
        if (req == null) {
            return null;
        }
        Run<?, ?> runA = BuildRef.resolve(job, req.getParameter("a"));
        Run<?, ?> runB = BuildRef.resolve(job, req.getParameter("b"));
        return runA == null || runB == null ? null : BuildComparison.of(job, runA, runB);
    }

    /** The charted trends of one test. */
    @ExportedBean(defaultVisibility = 999)
    public static final class TestTrend {
        private final String test;
        private final List<Trend> metrics;

        TestTrend(String test, List<Trend> metrics) {
            this.test = test;
            this.metrics = List.copyOf(metrics);
        }

        @Exported
        public String getTest() {
            return test;
        }

        @Exported
        public List<Trend> getMetrics() {
            return metrics;
        }
    }

    /** A trend: its points, oldest first, and the changes the core's detector found in it. */
    @ExportedBean(defaultVisibility = 999)
    public record Trend(String test, String key, String unit, List<TrendPoint> points, List<TrendChange> changes) {

        @Exported(name = "key")
        public String getKey() {
            return key;
        }

        @Exported(name = "unit")
        public String getUnit() {
            return unit;
        }

        /** Build and value of every point, oldest first. */
        @Exported(name = "points")
        public List<Point> getPoints() {
            return points.stream().map(p -> new Point(p.run(), p.value())).toList();
        }

        /** Where the level changed: the first build of the new level, the relative change, whether worse. */
        @Exported(name = "changePoints")
        public List<ChangeRow> getChangePoints() {
            return changes.stream().map(c -> new ChangeRow(c.run(), c.relativeChange(), c.regression())).toList();
        }

        /** The builds where a change began. */
        List<Integer> changePoints() {
            return changes.stream().map(TrendChange::run).toList();
        }

        TrendData data() {
            TrendData.Builder b = TrendData.builder(key, unit).title(test + ": " + key);
            points.forEach(b::point);
            changes.forEach(b::change);
            return b.build();
        }
    }

    /** A change of level of one metric, beginning at {@code build}; {@code relativeChange} is after/before - 1. */
    record Change(int build, String key, double relativeChange, boolean regression) {

        String describe() {
            return key + " " + String.format(Locale.ROOT, "%+.1f%%", relativeChange * 100)
                    + (regression ? " (" + Messages.PerfTestJobAction_Regression() + ")" : "");
        }
    }

    /** One point of a trend, for the REST API. */
    @ExportedBean(defaultVisibility = 999)
    public static final class Point {
        private final int build;
        private final double value;

        Point(int build, double value) {
            this.build = build;
            this.value = value;
        }

        @Exported
        public int getBuild() {
            return build;
        }

        @Exported
        public double getValue() {
            return value;
        }
    }

    /** A change point of a trend, for the REST API. */
    @ExportedBean(defaultVisibility = 999)
    public static final class ChangeRow {
        private final int build;
        private final double relativeChange;
        private final boolean regression;

        ChangeRow(int build, double relativeChange, boolean regression) {
            this.build = build;
            this.relativeChange = relativeChange;
            this.regression = regression;
        }

        @Exported
        public int getBuild() {
            return build;
        }

        @Exported
        public double getRelativeChange() {
            return relativeChange;
        }

        @Exported
        public boolean isRegression() {
            return regression;
        }
    }

    /**
     * The charts of one test: {@code trend/<test>/metric/<key token>/png}. {@code @StaplerAccessibleType}:
     * it has no web method of its own, and Jenkins' getter routing (TypedFilter) would otherwise
     * refuse {@code getTrend(String)} and answer 404.
     */
    @StaplerAccessibleType
    public final class TrendRoute {
        private final String test;

        TrendRoute(String test) {
            this.test = test;
        }

        @CheckForNull
        public Graph getMetric(String token) {
            String key = keyOf(token);
            if (key == null || !getKeys(test).contains(key)) {
                return null;
            }
            TrendData data = trend(test, key).data();
            Run<?, ?> last = job.getLastBuild();
            long timestamp = last == null ? -1 : last.getTimeInMillis();
            return new Graph(timestamp, TREND_WIDTH, TREND_HEIGHT) {
                @Override
                protected JFreeChart createGraph() {
                    return TrendChart.create(data);
                }
            };
        }
    }

    /** The default size of a trend chart on the page; {@code ?width=&height=} ask for another. */
    static final int TREND_WIDTH = 600;
    static final int TREND_HEIGHT = 300;
}
