package io.perftest.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perftest.analysis.ComparisonSettings;
import io.perftest.analysis.MetricComparison;
import io.perftest.analysis.RunComparator;
import io.perftest.analysis.RunComparison;
import io.perftest.model.RunSummary;
import io.perftest.store.Json;
import io.perftest.store.RunDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code perftest compare}: two runs side by side, metric by metric, with statistical confidence. */
@Command(name = "compare",
        header = "Compare run B with baseline run A, metric by metric, with a verdict per metric.",
        description = {"Compares run B with run A (the baseline), metric by metric: the medians, their ratio with a",
                "95% bootstrap confidence interval, the Mann-Whitney U p-value corrected for the number of metrics",
                "(Benjamini-Hochberg), and a verdict from the metric's direction: improved, unchanged, regressed or",
                "unknown. A change is a regression only if it is significant and the whole interval lies beyond the",
                "noise band. With one sample a side, the plain change is judged against the band. The band of a metric",
                "is learned from B's test history (3 x the run-to-run noise of its completed runs before B, 5 runs at",
                "least), never below the noise threshold (default 2%), which is the band without such history."},
        footer = {"", "Examples:",
                "  perftest compare perftest-results/quickstart/default/1 perftest-results/quickstart/default/2",
                "  perftest compare runs/7 runs/9 --noise 5 --noise results.latency_p99=10 --json",
                "  perftest compare runs/7 runs/9 --html compare-7-9.html",
                "", "Exit codes: 0 compared (whatever the verdicts), 2 bad usage or unreadable run."})
public final class CompareCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec commandSpec;

    @Parameters(index = "0", paramLabel = "RUN-DIR-A", description = "The baseline run directory.")
    private Path runA;

    @Parameters(index = "1", paramLabel = "RUN-DIR-B", description = "The run to judge against A.")
    private Path runB;

    @Option(names = "--noise", paramLabel = "[KEY=]PERCENT",
            description = "Noise threshold in percent, for all metrics or for KEY (repeatable). Default 2.")
    private List<String> noise = new ArrayList<>();

    @Option(names = "--json", description = "Prints the comparison as JSON.")
    private boolean json;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also writes the comparison as one self-contained HTML page (tables, charts) to FILE.")
    private Path html;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = commandSpec.commandLine().getOut();
        RunSummary a = summary(runA);
        RunSummary b = summary(runB);
        RunComparison comparison = new RunComparator(settings(noise)).compare(a, b, history(runB));
        if (html != null) {
            io.perftest.report.ComparisonReport.write(new RunDirectory(runA), new RunDirectory(runB), html);
            if (!json) {
                out.println("HTML report: " + html.toAbsolutePath().normalize());
            }
        }
        if (json) {
            ObjectNode node = Json.mapper().createObjectNode();
            node.put("baseline", runA.toAbsolutePath().normalize().toString());
            node.put("candidate", runB.toAbsolutePath().normalize().toString());
            node.set("metrics", metricsJson(comparison));
            out.println(Json.mapper().writeValueAsString(node));
            return ExitCodes.OK;
        }
        out.println("A (baseline): " + runA);
        out.println("B (this run): " + runB);
        comparison.table().forEach(out::println);
        return ExitCodes.OK;
    }

    static ArrayNode metricsJson(RunComparison comparison) {
        ArrayNode metrics = Json.mapper().createArrayNode();
        for (MetricComparison m : comparison.metrics()) {
            ObjectNode o = metrics.addObject();
            o.put("key", m.key());
            o.put("unit", m.unit().symbol());
            o.put("direction", m.direction().label());
            putNumber(o, "baseline", m.baseline().median());
            putNumber(o, "candidate", m.candidate().median());
            o.put("baselineSamples", m.baseline().count());
            o.put("candidateSamples", m.candidate().count());
            putNumber(o, "ratio", m.ratio());
            putNumber(o, "ciLow", m.low());
            putNumber(o, "ciHigh", m.high());
            putNumber(o, "pValue", m.pValue());
            putNumber(o, "qValue", m.qValue());
            o.put("noise", m.noise());
            ObjectNode band = o.putObject("noiseBand");
            band.put("share", m.band().share());
            band.put("source", m.band().source().name().toLowerCase(java.util.Locale.ROOT));
            band.put("runs", m.band().runs());
            putNumber(band, "runToRunNoise", m.band().noise());
            putNumber(band, "level", m.band().level());
            band.put("text", m.band().describe());
            o.put("verdict", m.verdict().label());
            if (!m.note().isEmpty()) {
                o.put("note", m.note());
            }
        }
        return metrics;
    }

    private static void putNumber(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }

    static ComparisonSettings settings(List<String> noise) {
        ComparisonSettings s = ComparisonSettings.DEFAULT;
        for (String n : noise) {
            int eq = n.indexOf('=');
            String key = eq < 0 ? null : n.substring(0, eq).trim();
            String value = (eq < 0 ? n : n.substring(eq + 1)).trim();
            if (value.endsWith("%")) {
                value = value.substring(0, value.length() - 1).trim();
            }
            double share;
            try {
                share = Double.parseDouble(value) / 100;
            } catch (NumberFormatException e) {
                throw new UserError("--noise " + n + ": expected a percentage such as 2 or results.latency=5");
            }
            if (!(share >= 0 && share < 1)) {
                throw new UserError("--noise " + n + ": the percentage must be at least 0 and below 100");
            }
            s = key == null ? s.withNoise(share) : s.withNoise(key, share);
        }
        return s;
    }

    /** The metrics' values in B's test history before B (its parent directory holds the numbered runs), for the noise bands. */
    static io.perftest.analysis.MetricHistory history(Path runB) throws IOException {
        Path dir = runB.toAbsolutePath().normalize();
        Path parent = dir.getParent();
        Integer number = null;
        try {
            number = Integer.parseInt(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            // not a numbered run in a test's history: no history to learn from
        }
        if (parent == null || number == null) {
            return io.perftest.analysis.MetricHistory.NONE;
        }
        return io.perftest.analysis.StandardRunJudge.history(new io.perftest.store.TestHistory(parent), number);
    }

    private static RunSummary summary(Path path) throws IOException {
        RunDirectory dir = ShowCommand.open(path);
        try {
            return dir.readSummary().orElseThrow(() -> new UserError(path + ": the run has no summary.json (did it complete?)"));
        } catch (IOException e) {
            throw new UserError(e.getMessage());
        }
    }
}
