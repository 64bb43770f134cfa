package io.perftest.report;

import io.perftest.chart.ChartImages;
import io.perftest.chart.ChartSize;
import io.perftest.chart.TimeSeriesChart;
import io.perftest.chart.TimeSeriesData;
import io.perftest.model.Metric;
import io.perftest.model.RunStatus;
import io.perftest.model.RunSummary;
import io.perftest.model.Series;
import io.perftest.model.Statistics;
import io.perftest.model.ThresholdOutcome;
import io.perftest.model.TriggerFiring;
import io.perftest.model.Verdict;
import io.perftest.store.AtomicFiles;
import io.perftest.store.RunDirectory;
import io.perftest.store.RunRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The page of one run: the verdict first, then the thresholds with their observed values, the
 * comparison with the baseline, the metrics, the charts of every host, the profiler outputs and
 * raw files (relative links), the console log's tail and the provenance. One self-contained HTML
 * file (charts inlined as PNG, CSS inline, no script). {@code perftest run} writes it as
 * {@code report.html} into the run directory with {@link #write(RunDirectory)}.
 */
public final class RunReport {

    public static final String FILE_NAME = "report.html";
    /** Charts of series beyond this many are listed, not drawn, to keep the page small. */
    public static final int MAX_SERIES_CHARTS = 16;
    static final int CONSOLE_TAIL_LINES = 60;

    private RunReport() {
    }

    /** Writes {@code report.html} into the run directory and returns its path. */
    public static Path write(RunDirectory run) throws IOException {
        Path out = run.path().resolve(FILE_NAME);
        write(run, out);
        return out;
    }

    /** Writes the report to {@code out}; links to the run's files are relative to {@code out}'s directory. */
    public static void write(RunDirectory run, Path out) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        String html = render(run, target.getParent());
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        AtomicFiles.write(target, html.getBytes(StandardCharsets.UTF_8));
    }

    /** The report's HTML, with links relative to {@code linkBase} (the directory the page will be in). */
    public static String render(RunDirectory run, Path linkBase) throws IOException {
        RunRecord r = run.readRecord();
        RunSummary summary = run.readSummary().orElse(RunSummary.empty());
        String name = r.framework() + " / " + r.test() + " #" + r.number();
        Html html = new Html("perftest: " + name);
        html.h1(name);
        html.nav(List.<String[]>of(new String[] {"thresholds", "Thresholds"}, new String[] {"baseline", "Baseline"},
                new String[] {"metrics", "Metrics"}, new String[] {"charts", "Charts"},
                new String[] {"profiles", "Profiler outputs"}, new String[] {"files", "Files"},
                new String[] {"console", "Console"}, new String[] {"provenance", "Provenance"}));
        banner(html, r);

        html.h2("Thresholds", "thresholds");
        thresholds(html, r.thresholds());

        html.h2("Comparison with the baseline", "baseline");
        baseline(html, run, r, summary);

        html.h2("Metrics", "metrics");
        metrics(html, summary);

        html.h2("Charts", "charts");
        charts(html, r, run.readSeries());

        List<Path> files = RunFiles.list(run.hostsDirectory());
        html.h2("Profiler outputs", "profiles");
        profiles(html, run, files, linkBase);

        html.h2("Files", "files");
        files(html, run, files, linkBase);

        html.h2("Console log (last " + CONSOLE_TAIL_LINES + " lines)", "console");
        String tail = RunFiles.tail(run.consoleLog(), CONSOLE_TAIL_LINES);
        if (tail.isEmpty()) {
            html.p("muted", "The console log is empty or missing.");
        } else {
            html.pre(tail);
        }

        html.h2("Provenance", "provenance");
        provenance(html, r);
        return html.finish("perftest report of run " + r.id() + ", written " + Instant.now());
    }

    static void banner(Html html, RunRecord r) {
        RunStatus status = r.status();
        String css;
        String headline;
        if (status == RunStatus.COMPLETED) {
            Verdict v = r.verdict() == null ? Verdict.PASSED : r.verdict();
            css = v.name().toLowerCase(java.util.Locale.ROOT);
            headline = v.name();
        } else if (status == RunStatus.FAILED || status == RunStatus.ABORTED) {
            css = status.name().toLowerCase(java.util.Locale.ROOT);
            headline = status.name();
        } else {
            css = "unknown";
            headline = status == null ? "UNKNOWN" : status.name();
        }
        StringBuilder detail = new StringBuilder();
        if (r.reason() != null) {
            detail.append(r.reason()).append(". ");
        }
        if (r.startedAt() != null) {
            detail.append("Started ").append(r.startedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            if (r.endedAt() != null) {
                detail.append(", took ").append(io.perftest.model.Durations.format(
                        Duration.between(r.startedAt(), r.endedAt()).truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
            }
            detail.append('.');
        }
        long failed = r.thresholds().stream().filter(t -> !t.passed()).count();
        if (!r.thresholds().isEmpty()) {
            detail.append(' ').append(r.thresholds().size() - failed).append(" of ").append(r.thresholds().size())
                    .append(" thresholds passed.");
        }
        html.banner(css, headline, detail.toString().trim());
        for (String p : r.problems()) {
            html.p("muted", "Problem: " + p);
        }
    }

    private static void thresholds(Html html, List<ThresholdOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            html.p("muted", "The test declares no thresholds.");
            return;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (ThresholdOutcome t : outcomes) {
            rows.add(List.of(t.expression(), new Html.Cell(t.passed() ? "pass" : "FAIL", t.passed() ? "pass" : "fail"),
                    t.severity() == null ? "" : t.severity().name().toLowerCase(java.util.Locale.ROOT),
                    Html.Cell.number(t.observed() == null ? "\u2013" : Figures.number(t.observed())),
                    t.message() == null ? "" : t.message()));
        }
        html.table(List.of("threshold", "result", "severity if failed", "observed", "message"), rows);
    }

    private static void baseline(Html html, RunDirectory run, RunRecord r, RunSummary summary) throws IOException {
        if (r.baseline() == null || r.baseline().runs().isEmpty()) {
            html.p("muted", "No baseline" + (r.baseline() != null && r.baseline().note() != null
                    ? ": " + r.baseline().note() : "") + ".");
            return;
        }
        List<Metric> merged = new ArrayList<>();
        List<Integer> found = new ArrayList<>();
        Path history = run.path().getParent();
        for (int n : r.baseline().runs()) {
            RunDirectory b = new RunDirectory(history.resolve(Integer.toString(n)));
            if (b.exists()) {
                b.readSummary().ifPresent(s -> merged.addAll(s.metrics()));
                found.add(n);
            }
        }
        if (found.isEmpty()) {
            html.p("muted", "The baseline run(s) " + r.baseline().runs() + " are no longer in " + history + ".");
            return;
        }
        String label = "baseline #" + (found.size() == 1 ? found.get(0).toString()
                : found.get(0) + "\u2013" + found.get(found.size() - 1));
        html.p("Baseline policy " + r.baseline().policy() + ": run(s) " + found
                + (r.baseline().note() != null ? " (" + r.baseline().note() + ")" : "") + ".");
        ComparisonSection.append(html, RunSummary.of(merged), summary, label, "this run #" + r.number());
    }

    static void metrics(Html html, RunSummary summary) {
        if (summary.isEmpty()) {
            html.p("muted", "The run has no metrics.");
            return;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Metric m : summary.metrics()) {
            Statistics s = m.samples().statistics();
            rows.add(List.of(m.key(), Html.Cell.number(Figures.number(m.value())), m.unit().symbol(),
                    Html.Cell.number(Long.toString(s.count())), Html.Cell.number(Figures.number(s.mean())),
                    Html.Cell.number(s.count() > 1 ? Figures.number(s.stddev()) : "\u2013"),
                    Html.Cell.number(Figures.number(s.min())), Html.Cell.number(Figures.number(s.max())),
                    m.direction().label()));
        }
        html.table(List.of("metric", "median", "unit", "n", "mean", "stddev", "min", "max", "better"), rows);
    }

    private static void charts(Html html, RunRecord r, List<Series> series) {
        for (TriggerFiring f : r.triggers()) {
            html.p("Trigger fired at " + Instant.ofEpochMilli(f.atMillis()) + ": " + f.condition() + " (value "
                    + Figures.number(f.value()) + ") \u2192 " + String.join(", ", f.actions()));
        }
        if (series.isEmpty()) {
            html.p("muted", "The run recorded no time series (add collectors such as sar, or write multicol.csv).");
            return;
        }
        List<TimeSeriesData> charts = RunCharts.timeSeries(r, series);
        int drawn = 0;
        List<String> skipped = new ArrayList<>();
        for (TimeSeriesData d : charts) {
            if (drawn >= MAX_SERIES_CHARTS) {
                skipped.add(d.metric());
                continue;
            }
            html.png(ChartImages.png(TimeSeriesChart.create(d), ChartSize.STANDARD), d.title(), ChartSize.WIDTH, ChartSize.HEIGHT);
            drawn++;
        }
        if (!skipped.isEmpty()) {
            html.p("muted", skipped.size() + " more series not drawn (the data is in series.json.gz): "
                    + String.join(", ", skipped));
        }
    }

    private static void profiles(Html html, RunDirectory run, List<Path> files, Path linkBase) throws IOException {
        boolean any = false;
        html.listStart();
        for (Path f : files) {
            Path rel = run.path().relativize(f);
            if (RunFiles.isFlameGraph(rel)) {
                html.link(segments(linkBase, f), "Flame graph of " + rel.getName(1), rel.toString());
                any = true;
            }
        }
        html.listEnd();
        for (Path f : files) {
            Path rel = run.path().relativize(f);
            if (RunFiles.isProfilerOutput(rel) && !RunFiles.isFlameGraph(rel) && RunFiles.isSmallText(f)) {
                html.details(rel.toString(), RunFiles.read(f));
                any = true;
            }
        }
        if (!any) {
            html.p("muted", "No profiler output (add the perf or strace collectors).");
        }
    }

    private static void files(Html html, RunDirectory run, List<Path> files, Path linkBase) throws IOException {
        html.listStart();
        for (String own : List.of(RunDirectory.RUN_JSON, RunDirectory.SUMMARY_JSON, RunDirectory.SERIES_JSON,
                RunDirectory.CONSOLE_LOG, RunDirectory.ARCHIVE)) {
            Path f = run.path().resolve(own);
            if (Files.isRegularFile(f)) {
                html.link(segments(linkBase, f), own, Figures.bytes(Files.size(f)));
            }
        }
        for (Path f : files) {
            html.link(segments(linkBase, f), run.path().relativize(f).toString(), Figures.bytes(Files.size(f)));
        }
        html.listEnd();
        if (files.size() >= RunFiles.MAX_FILES) {
            html.p("muted", "Only the first " + RunFiles.MAX_FILES + " files are listed.");
        }
    }

    /** The relative link from the page's directory to {@code file}, as path segments. */
    static List<String> segments(Path linkBase, Path file) {
        Path rel = linkBase == null ? file : linkBase.relativize(file.toAbsolutePath().normalize());
        List<String> out = new ArrayList<>();
        for (Path p : rel) {
            out.add(p.toString());
        }
        return out;
    }

    private static void provenance(Html html, RunRecord r) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("run id", r.id() == null ? "" : r.id()));
        if (r.spec() != null) {
            RunRecord.Spec s = r.spec();
            rows.add(List.of("script", s.script() + " " + String.join(" ", s.arguments())));
            if (s.parameters() != null) {
                for (Map.Entry<String, String> p : s.parameters().entrySet()) {
                    rows.add(List.of("parameter " + p.getKey(), p.getValue()));
                }
            }
            rows.add(List.of("timeout, repeat", s.timeout() + ", " + s.repeat()));
            if (s.collectors() != null && !s.collectors().isEmpty()) {
                rows.add(List.of("collectors", String.join(", ", s.collectors())));
            }
            if (s.testFile() != null) {
                rows.add(List.of("test file", s.testFile()));
            }
        }
        RunRecord.Provenance p = r.provenance();
        if (p != null) {
            rows.add(List.of("script sha-256", String.valueOf(p.scriptSha256())));
            rows.add(List.of("perftest, Java, user", p.perftestVersion() + ", " + p.javaVersion() + ", " + p.user()));
            if (p.hosts() != null) {
                for (Map.Entry<String, Map<String, String>> h : p.hosts().entrySet()) {
                    rows.add(List.of("host " + h.getKey(), h.getValue().toString()));
                }
            }
            if (p.tools() != null) {
                for (Map.Entry<String, String> t : p.tools().entrySet()) {
                    rows.add(List.of("tool " + t.getKey(), t.getValue()));
                }
            }
        }
        for (RunRecord.StageTiming s : r.stages()) {
            rows.add(List.of("stage " + s.stage(), s.durationMillis() + " ms" + (s.error() != null ? ", failed: " + s.error() : "")));
        }
        for (RunRecord.Iteration it : r.iterations()) {
            rows.add(List.of("iteration " + it.index(), it.outcome() + (it.exitCode() != null ? ", exit code " + it.exitCode() : "")
                    + ", " + it.durationMillis() + " ms"));
        }
        html.table(List.of("what", "value"), rows);
    }
}
