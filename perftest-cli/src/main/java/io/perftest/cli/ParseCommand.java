package io.perftest.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perftest.ingest.ParseProblem;
import io.perftest.ingest.ParseResult;
import io.perftest.ingest.ResultParser;
import io.perftest.ingest.ResultParsers;
import io.perftest.model.RunSummary;
import io.perftest.store.Json;
import io.perftest.store.SummaryCodec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code perftest parse}: the metrics of result files in any supported format. */
@Command(name = "parse",
        header = "Read result files of the tools perftest knows and print their metrics.",
        description = {"Reads result files of the load and benchmark tools perftest knows (JMeter JTL CSV/XML, Gatling,",
                "JMH, hyperfine, wrk, fio, datapoints, results.csv, multicol.csv) and prints their metrics.",
                "The format is detected from each file's name and content unless --format is given.",
                "Records that cannot be read are skipped and reported on standard error with file and line.",
                "Labels (request, command, job names) are kept as written. Two files that give the same key are",
                "not merged: the first file's metrics are kept and a warning names both files."},
        footer = {"", "Examples:",
                "  perftest parse results.jtl",
                "  perftest parse simulation.log --json",
                "  perftest parse out.txt --format wrk",
                "", "Formats: see docs/formats.md.",
                "", "Exit codes:", "  0  parsed (skipped records are reported as warnings)",
                "  2  unknown format, unreadable file, or nothing could be read", KeySyntax.HELP})
public final class ParseCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec commandSpec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Result files.")
    private List<Path> files = new ArrayList<>();

    @Option(names = "--format", paramLabel = "NAME", description = "The format of all FILEs (skips detection): ${COMPLETION-CANDIDATES}.",
            completionCandidates = FormatNames.class)
    private String format;

    @Option(names = "--source", paramLabel = "PREFIX", description = "The first part of the metric keys (default: the format's, e.g. jmeter).")
    private String source;

    @Option(names = "--json", description = "Prints one JSON object: the files with their format and problems, and the metrics.")
    private boolean json;

    /** The registered format names, for --help and completion. */
    static final class FormatNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        FormatNames() {
            super(ResultParsers.standard().names());
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = commandSpec.commandLine().getOut();
        PrintWriter err = commandSpec.commandLine().getErr();
        ResultParsers registry = ResultParsers.standard();
        ResultParser forced = null;
        if (format != null) {
            forced = registry.byName(format).orElseThrow(() -> new UserError("unknown format '" + format
                    + "'; known formats: " + String.join(", ", registry.names())));
        }
        RunSummary.Builder metrics = RunSummary.builder();
        ArrayNode filesJson = Json.mapper().createArrayNode();
        boolean anything = false;
        for (Path file : files) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new UserError("cannot read " + file + (Files.isDirectory(file) ? ": it is a directory" : ": no such readable file"));
            }
            ResultParser parser = forced != null ? forced : registry.detect(file).orElse(null);
            if (parser == null) {
                throw new UserError(file + ": " + registry.unrecognised(file) + "; give --format NAME to choose one");
            }
            ParseResult result;
            try {
                result = parser.parse(file, source != null ? source : parser.defaultSource());
            } catch (IOException e) {
                throw new UserError("cannot read " + file + ": " + e.getMessage());
            }
            anything |= !result.metrics().isEmpty() || !result.series().isEmpty();
            metrics.add(file.toString(), 1, result.metrics());
            for (ParseProblem p : result.problems()) {
                err.println("perftest: warning: " + p);
            }
            long unlisted = result.problemCount() - result.problems().size();
            if (unlisted > 0) {
                err.println("perftest: warning: " + file + ": " + unlisted + " more problems not listed");
            }
            ObjectNode f = filesJson.addObject();
            f.put("file", file.toString());
            f.put("format", parser.name());
            f.put("metrics", result.metrics().size());
            f.put("series", result.series().size());
            f.put("problemCount", result.problemCount());
            ArrayNode problems = f.putArray("problems");
            for (ParseProblem p : result.problems()) {
                ObjectNode pj = problems.addObject();
                pj.put("line", p.origin().line());
                pj.put("message", p.message());
            }
        }
        if (!anything) {
            throw new UserError("nothing could be read from " + (files.size() == 1 ? files.get(0) : files.size() + " files")
                    + " (see the warnings above)");
        }
        RunSummary summary = metrics.build();
        ArrayNode collisions = Json.mapper().createArrayNode();
        for (String problem : metrics.problems()) {
            err.println("perftest: warning: " + problem);
            collisions.add(problem);
        }
        if (json) {
            ObjectNode node = Json.mapper().createObjectNode();
            node.set("files", filesJson);
            node.set("problems", collisions);
            node.set("metrics", Json.mapper().valueToTree(SummaryCodec.encode(summary).metrics()));
            out.println(Json.mapper().writeValueAsString(node));
        } else {
            MetricTable.print(summary, out);
        }
        return ExitCodes.OK;
    }
}
