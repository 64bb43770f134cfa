package io.jenkins.plugins.perftest;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.FilePath;
import hudson.model.Api;
import hudson.model.DirectoryBrowserSupport;
import hudson.model.Item;
import hudson.model.Run;
import hudson.util.Graph;
import io.perftest.analysis.MetricPriority;
import io.perftest.chart.TimeSeriesChart;
import io.perftest.chart.TimeSeriesData;
import io.perftest.model.Metric;
import io.perftest.model.RunSummary;
import io.perftest.report.RunCharts;
import io.perftest.report.RunReport;
import io.perftest.run.RunOutcome;
import io.perftest.store.RunDirectory;
import io.perftest.store.RunRecord;
import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;
import org.jfree.chart.JFreeChart;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * The results of one {@code perfTest} of a build ({@code <build>/perftest/}, REST:
 * {@code <build>/perftest/api/json}). It keeps only a small summary in {@code build.xml}
 * (status, verdict, threshold outcomes, a few headline metrics); every metric, the host
 * series and the raw files are read lazily from {@code <build dir>/perftest/<test>/}.
 */
@ExportedBean(defaultVisibility = 2)
public final class PerfTestBuildAction implements RunAction2 {

    static final String URL_NAME = "perftest";
    static final String ICON = "/plugin/perftest/images/perftest.svg";
    private static final int HEADLINE_METRICS = 8;
    private static final int SERIES_WIDTH = 800;
    private static final int SERIES_HEIGHT = 300;
    private static final Logger LOGGER = Logger.getLogger(PerfTestBuildAction.class.getName());

    private final String urlName;
    private final String test;
    private final String runPath;
    private final String status;
    private final String verdict;
    private final String reason;
    private final String baseline;
    private final List<ThresholdRow> thresholds;
    private final List<MetricRow> headline;
    /** Other builds found running on the run's nodes at its start or end; null in builds before 0.2. */
    private final List<String> otherBuilds;

    private transient Run<?, ?> run;
    private transient SoftReference<RunSummary> summary;

    private PerfTestBuildAction(String urlName, String test, String runPath, RunRecord record, RunSummary summary,
                                List<String> otherBuilds) {
        this.urlName = urlName;
        this.test = test;
        this.runPath = runPath;
        this.status = record.status() == null ? null : record.status().name();
        this.verdict = record.verdict() == null ? null : record.verdict().name();
        this.reason = record.reason();
        this.baseline = record.baseline() == null ? null : record.baseline().note();
        this.thresholds = new ArrayList<>();
        record.thresholds().forEach(t -> thresholds.add(new ThresholdRow(t)));
        this.headline = new ArrayList<>();
        List<String> keys = summary.metrics().stream().map(Metric::key).toList();
        for (String key : MetricPriority.forRun(record).top(keys, HEADLINE_METRICS)) {
            summary.metric(key).ifPresent(m -> headline.add(MetricRow.of(m)));
        }
        this.otherBuilds = new ArrayList<>(otherBuilds);
    }

    /**
     * The action of a finished run. Its headline: the metrics the core's {@link MetricPriority}
     * puts first (the thresholds' metrics, the {@code trendMetrics}, the script's own results).
     */
    static PerfTestBuildAction of(String urlName, String test, String runPath, RunOutcome outcome, List<String> otherBuilds) {
        return new PerfTestBuildAction(urlName, test, runPath, outcome.record(), outcome.summary(), otherBuilds);
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public String getIconFileName() {
        return ICON;
    }

    @Override
    public String getDisplayName() {
        return Messages.PerfTestBuildAction_DisplayName(test);
    }

    @Override
    public String getUrlName() {
        return urlName;
    }

    /** {@code <build>/perftest/api/json}: the exported properties, for users who may read the job. */
    public Api getApi() {
        run.checkPermission(Item.READ);
        return new Api(this);
    }

    @Exported
    public String getTest() {
        return test;
    }

    /** {@code COMPLETED}, {@code FAILED} or {@code ABORTED}. */
    @Exported
    public String getStatus() {
        return status;
    }

    /** {@code PASSED}, {@code UNSTABLE}, {@code FAILED}; null unless the run completed. */
    @Exported
    public String getVerdict() {
        return verdict;
    }

    @Exported
    public String getReason() {
        return reason;
    }

    /** How the baseline was chosen (the core's note), or null. */
    @Exported
    public String getBaseline() {
        return baseline;
    }

    /** Whether this run is its test's pinned baseline (the core's {@code pinned-baseline.json} names it). */
    @Exported
    public boolean isPinned() {
        try {
            return BaselinePins.read(run, test).map(p -> p.run() == run.getNumber()).orElse(false);
        } catch (IOException e) {
            LOGGER.log(Level.FINE, "cannot read the pinned baseline of " + test, e);
            return false;
        }
    }

    @Exported
    public List<ThresholdRow> getThresholds() {
        return thresholds == null ? List.of() : List.copyOf(thresholds);
    }

    /**
     * Other builds that ran on the run's nodes when it started or ended ({@code job #3 runs on node1}):
     * an unquiet run, shown on its page. Empty for an exclusive run, which waited for its nodes.
     */
    @Exported
    public List<String> getOtherBuilds() {
        return otherBuilds == null ? List.of() : List.copyOf(otherBuilds);
    }

    /** Whether the run wrote its report ({@code report.html}, served at {@code report/}). */
    public boolean isReport() {
        return Files.isRegularFile(directory().path().resolve(RunReport.FILE_NAME));
    }

    /**
     * {@code report/}: the run's {@code report.html}, and every page the core wrote into the run
     * directory (flame graphs under {@code hosts/}) at {@code report/<path>}, under a
     * Content-Security-Policy that lets only the page's own inline scripts run; other files go
     * to {@code files/}. Needs {@link Item#READ}.
     */
    public void doReport(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        run.checkPermission(Item.READ);
        RunPages.serve(directory().path(), req, rsp, req.getContextPath() + "/" + run.getUrl() + urlName + "/files/");
    }

    /** Builds of this job and of the other jobs of its framework, to compare this run with (newest first). */
    public List<ComparisonCandidate> getComparisonCandidates() {
        run.checkPermission(Item.READ);
        return ComparisonCandidate.around(run, test);
    }

    /** A few of the run's own metrics (not host series), kept in {@code build.xml} for the summary box. */
    public List<MetricRow> getHeadline() {
        return headline == null ? List.of() : List.copyOf(headline);
    }

    /** Every metric of the run, read from {@code summary.json}. */
    @Exported(visibility = 2)
    public List<MetricRow> getMetrics() {
        run.checkPermission(Item.READ);
        List<MetricRow> rows = new ArrayList<>();
        for (Metric m : summary().metrics()) {
            rows.add(MetricRow.of(m));
        }
        return rows;
    }

    /** The run's metrics, loaded on first use and kept while memory allows. */
    @NonNull
    RunSummary summary() {
        RunSummary s = summary == null ? null : summary.get();
        if (s == null) {
            try {
                s = directory().readSummary().orElse(RunSummary.empty());
            } catch (IOException e) {
                LOGGER.log(Level.WARNING, "cannot read the summary of " + directory(), e);
                s = RunSummary.empty();
            }
            summary = new SoftReference<>(s);
        }
        return s;
    }

    /** The run's {@code run.json}, or null when it cannot be read. */
    @CheckForNull
    RunRecord record() {
        try {
            return directory().readRecord();
        } catch (IOException e) {
            LOGGER.log(Level.FINE, "cannot read the record of " + test, e);
            return null;
        }
    }

    @CheckForNull
    Metric metric(String key) {
        return summary().metric(key).orElse(null);
    }

    RunDirectory directory() {
        return new RunDirectory(run.getRootDir().toPath().resolve(runPath), run.getNumber());
    }

    /** The run's host charts (one per series key, every host on it), for the results page. */
    public List<ChartInfo> getSeries() {
        run.checkPermission(Item.READ);
        List<ChartInfo> out = new ArrayList<>();
        List<TimeSeriesData> charts = readCharts();
        for (int i = 0; i < charts.size(); i++) {
            TimeSeriesData c = charts.get(i);
            List<String> hosts = new ArrayList<>();
            c.hosts().forEach(h -> hosts.add(h.host()));
            out.add(new ChartInfo(i, c.metric(), c.unit(), String.join(", ", hosts)));
        }
        return out;
    }

    /** {@code chart/<index>/png}: a host chart of the run, drawn by the core's {@link TimeSeriesChart}. */
    @CheckForNull
    public Graph getChart(String index) {
        run.checkPermission(Item.READ);
        int i;
        try {
            i = Integer.parseInt(index);
        } catch (NumberFormatException e) {
            return null;
        }
        List<TimeSeriesData> charts = readCharts();
        if (i < 0 || i >= charts.size()) {
            return null;
        }
        TimeSeriesData data = charts.get(i);
        return new Graph(run.getTimeInMillis(), SERIES_WIDTH, SERIES_HEIGHT) {
            @Override
            protected JFreeChart createGraph() {
                return TimeSeriesChart.create(data);
            }
        };
    }

    /** The time-series charts of the run as the CLI's report draws them ({@link RunCharts}). */
    private List<TimeSeriesData> readCharts() {
        RunDirectory dir = directory();
        try {
            if (!dir.exists()) {
                return List.of();
            }
            return RunCharts.timeSeries(dir.readRecord(), dir.readSeries());
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "cannot read the series of " + dir, e);
            return List.of();
        }
    }

    /** The run's files: {@code run.json}, {@code summary.json}, {@code console.log}, {@code hosts/}, {@code raw.tar.gz}. */
    public DirectoryBrowserSupport doFiles() {
        run.checkPermission(Item.READ);
        return new DirectoryBrowserSupport(this, new FilePath(directory().path().toFile()),
                Messages.PerfTestBuildAction_Files(test), "folder.png", false);
    }

    /**
     * Pins this run as its test's baseline for the {@code pinned} policy (replacing any earlier
     * pin of the test). POST only, with {@link Run#UPDATE} on the build.
     */
    @RequirePOST
    public HttpResponse doPin() throws IOException {
        run.checkPermission(Run.UPDATE);
        try {
            BaselinePins.pin(run, test, directory());
        } catch (IllegalArgumentException e) {
            return HttpResponses.errorWithoutStack(409, e.getMessage());
        }
        return HttpResponses.redirectTo(".");
    }

    /** Removes the pin if it names this run. POST only, with {@link Run#UPDATE}. */
    @RequirePOST
    public HttpResponse doUnpin() throws IOException {
        run.checkPermission(Run.UPDATE);
        BaselinePins.unpin(run, test);
        return HttpResponses.redirectTo(".");
    }

    /** A host chart of the run, as the results page lists it. */
    public record ChartInfo(int index, String key, String unit, String hosts) {
    }
}
