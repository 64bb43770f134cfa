package io.perftest.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perftest.host.LocalHost;
import io.perftest.model.Durations;
import io.perftest.model.RunSummary;
import io.perftest.model.ThresholdOutcome;
import io.perftest.store.Json;
import io.perftest.store.RunDirectory;
import io.perftest.store.RunOwnership;
import io.perftest.store.RunRecord;
import io.perftest.store.SummaryCodec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code perftest show}: what a run did and measured. */
@Command(name = "show",
        header = "Show a run: status, verdict, stage timings, thresholds, problems and metrics.",
        description = {"Shows a run: its test, parameters, status and verdict, stage timings, thresholds,",
                "problems and metrics. A run left running by a perftest process that is gone is marked aborted."},
        footer = {"", "Examples:",
                "  perftest show perftest-results/quickstart/default/1",
                "  perftest show perftest-results/quickstart/small/3 --json", KeySyntax.HELP, ExitCodes.HELP})
public final class ShowCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec commandSpec;

    @Parameters(index = "0", paramLabel = "RUN-DIR", description = "A run directory (holding run.json).")
    private Path runDir;

    @Option(names = "--json", description = "Prints run.json and the metrics as one JSON object.")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = commandSpec.commandLine().getOut();
        RunDirectory dir = open(runDir);
        RunRecord r = RunOwnership.readRepairing(dir, LocalHost.localName());
        RunSummary summary = dir.readSummary().orElse(RunSummary.empty());
        if (json) {
            ObjectNode node = Json.mapper().createObjectNode();
            node.put("runDir", dir.path().toString());
            node.set("run", Json.mapper().valueToTree(r));
            node.set("metrics", Json.mapper().valueToTree(SummaryCodec.encode(summary).metrics()));
            out.println(Json.mapper().writeValueAsString(node));
            return ExitCodes.OK;
        }
        out.println("run " + r.framework() + "/" + r.test() + " #" + r.number() + "  " + dir.path());
        out.println("status:     " + r.status().name().toLowerCase()
                + (r.verdict() != null ? ", verdict " + r.verdict().name().toLowerCase() : "")
                + (r.reason() != null ? " (" + r.reason() + ")" : ""));
        if (r.startedAt() != null) {
            out.println("started:    " + r.startedAt() + (r.endedAt() != null
                    ? "  took " + Durations.format(Duration.between(r.startedAt(), r.endedAt())) : ""));
        }
        if (r.spec() != null) {
            out.println("script:     " + r.spec().script() + " " + String.join(" ", r.spec().arguments()));
            if (!r.spec().parameters().isEmpty()) {
                out.println("parameters: " + r.spec().parameters());
            }
            out.println("timeout:    " + r.spec().timeout() + ", repeat " + r.spec().repeat()
                    + (r.spec().collectors().isEmpty() ? "" : ", collectors " + String.join(" ", r.spec().collectors())));
        }
        if (r.provenance() != null && r.provenance().scriptSha256() != null) {
            out.println("script sha-256: " + r.provenance().scriptSha256());
        }
        if (!r.stages().isEmpty()) {
            StringBuilder b = new StringBuilder("stages:    ");
            for (RunRecord.StageTiming s : r.stages()) {
                b.append(' ').append(s.stage()).append(' ').append(s.durationMillis()).append("ms")
                        .append(s.error() != null ? " (FAILED: " + s.error() + ")" : "");
            }
            out.println(b);
        }
        for (RunRecord.Iteration it : r.iterations()) {
            out.println("iteration " + it.index() + ": " + it.outcome()
                    + (it.exitCode() != null ? ", exit code " + it.exitCode() : "") + ", " + it.durationMillis() + "ms");
        }
        if (r.baseline() != null && !r.baseline().runs().isEmpty()) {
            out.println("baseline:   " + r.baseline().policy() + " -> runs " + r.baseline().runs());
            java.util.Map<String, String> bands = r.baseline().noiseBands();
            long learned = bands.values().stream().filter(t -> t.contains("run-to-run")).count();
            if (!bands.isEmpty()) {
                out.println("noise bands: " + learned + " metric(s) from their history, " + (bands.size() - learned)
                        + " at the configured floor (each in run.json, baseline.noiseBands)");
                bands.entrySet().stream().filter(e -> e.getValue().contains("run-to-run")).limit(20)
                        .forEach(e -> out.println("  " + e.getKey() + "  " + e.getValue()));
            }
        }
        for (ThresholdOutcome t : r.thresholds()) {
            out.println((t.passed() ? "  PASS " : "  " + t.severity().name() + " ") + t.expression()
                    + (t.message() != null ? ": " + t.message() : ""));
        }
        for (var f : r.triggers()) {
            out.println("trigger fired: " + f.condition() + " -> " + String.join(", ", f.actions()));
        }
        for (String p : r.problems()) {
            out.println("problem: " + p);
        }
        out.println();
        MetricTable.print(summary, out);
        return ExitCodes.OK;
    }

    static RunDirectory open(Path path) {
        RunDirectory dir = new RunDirectory(path);
        if (!Files.isDirectory(path)) {
            throw new UserError(path + ": no such run directory");
        }
        if (!dir.exists()) {
            throw new UserError(path + ": not a run directory (run.json is missing)");
        }
        return dir;
    }
}
