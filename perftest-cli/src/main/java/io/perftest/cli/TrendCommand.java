package io.perftest.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perftest.analysis.ChangePoint;
import io.perftest.analysis.ChangePointDetector;
import io.perftest.analysis.ChangePointSettings;
import io.perftest.analysis.MetricPriority;
import io.perftest.analysis.MetricTrend;
import io.perftest.analysis.TrendAnalysis;
import io.perftest.model.RunSummary;
import io.perftest.store.Json;
import io.perftest.store.RunDirectory;
import io.perftest.store.TestHistory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code perftest trend}: a test's metrics over its runs, and the runs where their level changed. */
@Command(name = "trend",
        header = "Show each metric of a test across its runs, and the runs where its level changed.",
        description = {"Shows each metric of a test over its completed runs and the runs where its level changed",
                "(change points: candidates of levels and slopes tested against their neighbours with a trend and",
                "autocorrelated noise allowed, p <= 0.001, levels of at least 2 runs; see docs/analysis.md), with the",
                "mean before and after, the relative change and the p-value.",
                "Without --metric, the metrics that matter come first: those the latest run's thresholds name,",
                "then its 'trend:' list (framework.yaml), then the script's own results, then collector series."},
        footer = {"", "Examples:",
                "  perftest trend perftest-results/quickstart/default",
                "  perftest trend perftest-results/quickstart/default --metric results.throughput --json",
                "  perftest trend perftest-results/quickstart/default --html trend.html",
                "", "Exit codes: 0 shown, 2 bad usage or not a test's results directory.", KeySyntax.HELP})
public final class TrendCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec commandSpec;

    @Parameters(index = "0", paramLabel = "TEST-RESULTS-DIR",
            description = "A test's results directory, holding its numbered runs (<results>/<framework>/<test>).")
    private Path directory;

    @Option(names = "--metric", paramLabel = "KEY", description = "Only this metric (repeatable).")
    private List<String> metrics = new ArrayList<>();

    @Option(names = "--json", description = "Prints the trends as JSON.")
    private boolean json;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also writes the trends as one self-contained HTML page (a chart per metric) to FILE.")
    private Path html;

    /** " (did you mean K?)" when the newest run with a summary has a metric that {@code key} probably meant. */
    private static String resembling(TestHistory history, String key) {
        try {
            List<RunDirectory> runs = history.runs();
            for (int i = runs.size() - 1; i >= 0; i--) {
                Optional<RunSummary> summary = runs.get(i).readSummary();
                if (summary.isPresent()) {
                    return summary.get().resembling(key).map(m -> " (did you mean " + m.key() + "?)").orElse("");
                }
            }
        } catch (IOException e) {
            // only a hint: an unreadable run gives none
        }
        return "";
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = commandSpec.commandLine().getOut();
        if (!Files.isDirectory(directory)) {
            throw new UserError(directory + ": no such directory");
        }
        TestHistory history = new TestHistory(directory);
        if (history.runs().isEmpty()) {
            throw new UserError(directory + ": no numbered runs in it; give a test's results directory such as "
                    + "perftest-results/<framework>/<test>");
        }
        PrintWriter err = commandSpec.commandLine().getErr();
        List<MetricTrend> trends = ordered(new TrendAnalysis(new ChangePointDetector(ChangePointSettings.DEFAULT))
                .trends(history, metrics, skipped -> err.println("perftest: warning: " + skipped)), history);
        for (String key : metrics) {
            if (trends.stream().noneMatch(t -> t.key().equals(key))) {
                throw new UserError(directory + ": no completed run has the metric " + key + resembling(history, key));
            }
        }
        if (html != null) {
            io.perftest.report.TrendReport.write(history, trends, html);
            if (!json) {
                out.println("HTML report: " + html.toAbsolutePath().normalize());
            }
        }
        if (json) {
            out.println(Json.mapper().writeValueAsString(toJson(trends)));
            return ExitCodes.OK;
        }
        for (MetricTrend t : trends) {
            double[] v = t.values();
            int[] runs = t.runs();
            String unit = t.unit().symbol().isEmpty() ? "" : " " + t.unit().symbol();
            out.println(t.key() + unit + " (" + t.direction().label() + " is better): " + v.length + " runs, "
                    + "first " + format(v[0]) + " (run " + runs[0] + "), last " + format(v[v.length - 1])
                    + " (run " + runs[runs.length - 1] + ")");
            for (ChangePoint cp : t.changePoints()) {
                out.println(String.format(Locale.ROOT, "  change at run %d: %s -> %s%s (%+.1f%%, p = %.2g)%s",
                        t.runOf(cp), format(cp.meanBefore()), format(cp.meanAfter()), unit, cp.relativeChange() * 100,
                        cp.pValue(), t.isRegression(cp) ? "  REGRESSION" : ""));
            }
        }
        return ExitCodes.OK;
    }

    /**
     * The trends in the order the user chose with {@code --metric}, else most important first
     * ({@link MetricPriority} of the latest run: its thresholds' metrics, its {@code trend:} list,
     * the script's results, then the collectors' series), as the Jenkins job page charts them.
     */
    private List<MetricTrend> ordered(List<MetricTrend> trends, TestHistory history) throws IOException {
        List<String> keys = metrics.isEmpty() ? latestPriority(history).order(trends.stream().map(MetricTrend::key).toList())
                : metrics;
        Map<String, MetricTrend> byKey = new HashMap<>();
        trends.forEach(t -> byKey.put(t.key(), t));
        return keys.stream().map(byKey::get).filter(Objects::nonNull).toList();
    }

    private static MetricPriority latestPriority(TestHistory history) throws IOException {
        List<RunDirectory> runs = history.runs();
        for (int i = runs.size() - 1; i >= 0; i--) {
            try {
                if (runs.get(i).exists()) {
                    return MetricPriority.forRun(runs.get(i).readRecord());
                }
            } catch (IOException e) {
                // an unreadable run.json: the run before it says what matters
            }
        }
        return MetricPriority.DEFAULT;
    }

    private static ArrayNode toJson(List<MetricTrend> trends) {
        ArrayNode array = Json.mapper().createArrayNode();
        for (MetricTrend t : trends) {
            ObjectNode o = array.addObject();
            o.put("key", t.key());
            o.put("unit", t.unit().symbol());
            o.put("direction", t.direction().label());
            ArrayNode points = o.putArray("points");
            int[] runs = t.runs();
            double[] values = t.values();
            for (int i = 0; i < runs.length; i++) {
                points.addObject().put("run", runs[i]).put("value", values[i]);
            }
            ArrayNode cps = o.putArray("changePoints");
            for (ChangePoint cp : t.changePoints()) {
                cps.addObject().put("run", t.runOf(cp)).put("index", cp.index()).put("meanBefore", cp.meanBefore())
                        .put("meanAfter", cp.meanAfter()).put("relativeChange", cp.relativeChange())
                        .put("pValue", cp.pValue()).put("regression", t.isRegression(cp));
            }
        }
        return array;
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
