package io.perftest.report;

import io.perftest.analysis.MetricTrend;
import io.perftest.chart.ChartImages;
import io.perftest.chart.ChartSize;
import io.perftest.chart.Percentages;
import io.perftest.chart.RunMark;
import io.perftest.chart.ThresholdLine;
import io.perftest.chart.TrendChange;
import io.perftest.chart.TrendChart;
import io.perftest.chart.TrendData;
import io.perftest.chart.TrendPoint;
import io.perftest.model.Metric;
import io.perftest.model.RunStatus;
import io.perftest.model.RunSummary;
import io.perftest.model.ThresholdOutcome;
import io.perftest.model.Unit;
import io.perftest.model.Verdict;
import io.perftest.store.AtomicFiles;
import io.perftest.store.RunDirectory;
import io.perftest.store.RunRecord;
import io.perftest.store.TestHistory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page of a test's history ({@code perftest trend DIR --html FILE}): the runs, and for each
 * metric a trend chart (samples, medians, confidence band, change points with the run and the
 * relative change, threshold lines, unstable and failed runs marked) and the change points as a
 * table. One self-contained HTML file. It renders the {@link MetricTrend}s it is given (the
 * analysis found their change points once); it reads the runs only for what they show (samples,
 * marks, the runs table).
 */
public final class TrendReport {

    /** Metrics beyond this many (when none are chosen) are listed, not charted. */
    public static final int MAX_CHARTS = 30;
    private static final Pattern CONSTANT_THRESHOLD =
            Pattern.compile("^\\s*(\\S+)\\s*(<=|>=|<|>)\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*(\\S*)\\s*$");

    private TrendReport() {
    }

    /** One run of the history as the trend needs it. */
    record RunEntry(int number, RunRecord record, RunSummary summary) {
    }

    /** Writes the page of {@code trends} (in their order) across the runs of {@code history} to {@code out}. */
    public static void write(TestHistory history, List<MetricTrend> trends, Path out) throws IOException {
        String html = render(history, trends);
        Path target = out.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        AtomicFiles.write(target, html.getBytes(StandardCharsets.UTF_8));
    }

    public static String render(TestHistory history, List<MetricTrend> trends) throws IOException {
        List<String> unreadable = new ArrayList<>();
        List<RunEntry> runs = readableRuns(history, unreadable::add);
        String name = runs.isEmpty() ? history.directory().getFileName().toString()
                : runs.get(runs.size() - 1).record().framework() + " / " + runs.get(runs.size() - 1).record().test();
        Html html = new Html("perftest trend: " + name);
        html.h1("Trend of " + name);
        if (runs.isEmpty()) {
            html.p("muted", "No runs in " + history.directory() + ".");
            return html.finish("perftest trend, written " + Instant.now());
        }
        for (String u : unreadable) {
            html.p("muted", "Run skipped, unreadable: " + u);
        }
        html.p(runs.size() + " runs, #" + runs.get(0).number() + " to #" + runs.get(runs.size() - 1).number()
                + ". Points: each run's samples; line: each run's median; band: 95% confidence interval of the mean"
                + " where a run has two or more samples; dashed vertical lines: change points.");
        html.h2("Metrics", "metrics");
        List<String> notCharted = new ArrayList<>();
        int charted = 0;
        for (MetricTrend t : trends) {
            String key = t.key();
            if (charted >= MAX_CHARTS) {
                notCharted.add(key);
                continue;
            }
            Optional<TrendData> data = trend(t, runs);
            if (data.isEmpty()) {
                html.h3(key);
                html.p("muted", "No run has this metric.");
                continue;
            }
            html.h3(key);
            html.png(ChartImages.png(TrendChart.create(data.get()), ChartSize.STANDARD), data.get().title(),
                    ChartSize.WIDTH, ChartSize.HEIGHT);
            changeTable(html, data.get());
            charted++;
        }
        if (!notCharted.isEmpty()) {
            html.p("muted", notCharted.size() + " more metrics not charted (choose them with --metric): "
                    + String.join(", ", notCharted));
        }
        html.h2("Runs", "runs");
        List<List<Object>> rows = new ArrayList<>();
        for (RunEntry r : runs) {
            RunRecord rec = r.record();
            rows.add(List.of(Html.Cell.number("#" + r.number()),
                    rec.status() == null ? "" : rec.status().name().toLowerCase(Locale.ROOT),
                    rec.verdict() == null ? "" : rec.verdict().name().toLowerCase(Locale.ROOT),
                    rec.startedAt() == null ? "" : rec.startedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                    rec.spec() == null || rec.spec().parameters() == null ? "" : rec.spec().parameters().toString(),
                    rec.reason() == null ? "" : rec.reason()));
        }
        html.table(List.of("run", "status", "verdict", "started", "parameters", "reason"), rows);
        return html.finish("perftest trend of " + history.directory() + ", written " + Instant.now());
    }

    /** The chart data of one metric's trend across a test's runs; empty when no run has it. */
    public static Optional<TrendData> trend(MetricTrend trend, TestHistory history) throws IOException {
        List<RunEntry> runs = readableRuns(history, unreadable -> { });
        return runs.isEmpty() ? Optional.empty() : trend(trend, runs);
    }

    /** The runs of {@code history} with a run.json; each run whose files cannot be read goes to {@code unreadable} instead. */
    private static List<RunEntry> readableRuns(TestHistory history, java.util.function.Consumer<String> unreadable) throws IOException {
        List<RunEntry> runs = new ArrayList<>();
        for (RunDirectory d : history.runs()) {
            if (!d.exists()) {
                continue;
            }
            try {
                runs.add(new RunEntry(d.number(), d.readRecord(), d.readSummary().orElse(RunSummary.empty())));
            } catch (IOException e) {
                unreadable.accept(d.number() + ": " + e.getMessage());
            }
        }
        return runs;
    }

    private static void changeTable(Html html, TrendData data) {
        if (data.changes().isEmpty()) {
            html.p("muted", "No change point.");
            return;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (TrendChange c : data.changes()) {
            rows.add(List.of(Html.Cell.number("#" + c.run()), Html.Cell.number(Percentages.signed(c.relativeChange())),
                    new Html.Cell(c.regression() ? "regression" : "change", c.regression() ? "worse" : "")));
        }
        html.table(List.of("first run of the new level", "change of the level", ""), rows);
    }

    /** The chart data of one metric's trend: every run's samples, the trend's change points; empty when no run has it. */
    static Optional<TrendData> trend(MetricTrend trend, List<RunEntry> runs) {
        String key = trend.key();
        Unit unit = null;
        List<TrendPoint> points = new ArrayList<>();
        for (RunEntry r : runs) {
            Optional<Metric> m = r.summary().metric(key);
            if (m.isEmpty()) {
                continue;
            }
            Metric metric = m.get();
            if (unit == null) {
                unit = metric.unit();
            }
            if (!metric.unit().isCompatibleWith(unit)) {
                continue;
            }
            double[] samples = metric.samples().values();
            for (int i = 0; i < samples.length; i++) {
                samples[i] = metric.unit().convert(samples[i], unit);
            }
            double[] ci = MetricChange.interval(samples);
            points.add(new TrendPoint(r.number(), metric.unit().convert(metric.value(), unit), samples, ci[0], ci[1],
                    mark(r.record())));
        }
        if (points.isEmpty()) {
            return Optional.empty();
        }
        TrendData.Builder b = TrendData.builder(key, unit.symbol());
        points.forEach(b::point);
        TrendChange.of(trend).forEach(b::change);
        for (ThresholdOutcome t : runs.get(runs.size() - 1).record().thresholds()) {
            constantThreshold(t.expression(), key, unit).ifPresent(b::threshold);
        }
        return Optional.of(b.build());
    }

    /** {@code key < 250 ms} as a line at 250 in the metric's unit; thresholds relative to a baseline have no fixed line. */
    static Optional<ThresholdLine> constantThreshold(String expression, String key, Unit unit) {
        if (expression == null) {
            return Optional.empty();
        }
        Matcher m = CONSTANT_THRESHOLD.matcher(expression);
        if (!m.matches() || !m.group(1).equals(key)) {
            return Optional.empty();
        }
        double v = Double.parseDouble(m.group(3));
        if (!m.group(4).isEmpty()) {
            Unit given = Unit.parse(m.group(4));
            if (!given.isCompatibleWith(unit)) {
                return Optional.empty();
            }
            v = given.convert(v, unit);
        }
        return Optional.of(new ThresholdLine(m.group(2) + " " + Figures.withUnit(v, unit.symbol()), v));
    }

    private static RunMark mark(RunRecord r) {
        if (r.status() == RunStatus.FAILED || r.status() == RunStatus.ABORTED || r.verdict() == Verdict.FAILED) {
            return RunMark.FAILED;
        }
        return r.verdict() == Verdict.UNSTABLE ? RunMark.UNSTABLE : RunMark.PASSED;
    }

}
