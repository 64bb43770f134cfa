package io.perftest.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perftest.analysis.ChangePoint;
import io.perftest.analysis.ChangePointDetector;
import io.perftest.analysis.ChangePointSettings;
import io.perftest.analysis.Detection;
import io.perftest.analysis.SeriesFile;
import io.perftest.store.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code perftest detect}: the change points of one series. */
@Command(name = "detect",
        header = "Find the change points of one series of numbers.",
        description = {"Finds the change points of one series and prints their 0-based indices (the first point of",
                "each new level) as a JSON array. The series is a file of numbers one a line, a CSV file (the last",
                "column; a header line is skipped) or a TCPD dataset (JSON). With --json, each change point comes",
                "with the mean before and after, the relative change and the p-value."},
        footer = {"", "Examples:",
                "  perftest detect latencies.txt",
                "  perftest detect quality_control_1.json --json",
                "  perftest detect series.csv --otava --window 30 --p-value 0.01 --min-magnitude 0.05",
                "", "Exit codes: 0 done (whether or not changes were found), 2 bad usage or unreadable series."})
public final class DetectCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec commandSpec;

    @Parameters(index = "0", paramLabel = "SERIES-FILE", description = "Numbers one a line, CSV, or TCPD JSON.")
    private Path file;

    @Option(names = "--json", description = "Prints each change point with its statistics.")
    private boolean json;

    @Option(names = "--otava", description = "Start from Apache Otava's settings (window 50, p 0.001, no minimum segment).")
    private boolean otava;

    @Option(names = "--window", paramLabel = "N", description = "Window length of Otava's method (--otava; default 50).")
    private Integer window;

    @Option(names = "--p-value", paramLabel = "P", description = "Significance level (default 0.001, as Otava).")
    private Double pValue;

    @Option(names = "--min-magnitude", paramLabel = "SHARE", description = "Smallest relative change kept, e.g. 0.05 (default 0).")
    private Double minMagnitude;

    @Option(names = "--min-segment", paramLabel = "N", description = "Fewest points a level must last (default 2, a level under 6 points must be 5 noise deviations away; Otava 1).")
    private Integer minSegment;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = commandSpec.commandLine().getOut();
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": no such file");
        }
        double[] series;
        try {
            series = SeriesFile.read(file);
        } catch (IOException e) {
            throw new UserError(e.getMessage());
        }
        ChangePointSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        Detection detection = new ChangePointDetector(settings).detect(series);
        if (!json) {
            out.println(Json.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(detection.indices()));
            return ExitCodes.OK;
        }
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("file", file.toString());
        node.put("points", series.length);
        node.set("settings", Json.mapper().valueToTree(settings));
        ArrayNode cps = node.putArray("changePoints");
        for (ChangePoint cp : detection.changePoints()) {
            cps.addObject().put("index", cp.index()).put("meanBefore", cp.meanBefore()).put("meanAfter", cp.meanAfter())
                    .put("stddevBefore", cp.stddevBefore()).put("stddevAfter", cp.stddevAfter())
                    .put("relativeChange", cp.relativeChange()).put("pValue", cp.pValue());
        }
        out.println(Json.mapper().writeValueAsString(node));
        return ExitCodes.OK;
    }

    private ChangePointSettings settings() {
        ChangePointSettings s = otava ? ChangePointSettings.OTAVA : ChangePointSettings.DEFAULT;
        if (window != null) {
            s = s.withWindowLength(window);
        }
        if (pValue != null) {
            s = s.withMaxPValue(pValue);
        }
        if (minMagnitude != null) {
            s = s.withMinMagnitude(minMagnitude);
        }
        if (minSegment != null) {
            s = s.withMinSegment(minSegment);
        }
        return s;
    }
}
