package io.perftest.cli;

import io.perftest.report.RunReport;
import io.perftest.store.RunDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code perftest report}: one self-contained HTML page of a run. */
@Command(name = "report",
        header = "Write the self-contained HTML report of a run.",
        description = {"Writes the HTML report of a run: verdict, thresholds, comparison with the baseline, metrics,",
                "charts of every host, links to profiler outputs and raw files, console tail, provenance.",
                "One self-contained file (charts and style inline, no script) to open, mail or archive."},
        footer = {"", "Examples:",
                "  perftest report perftest-results/quickstart/small/3",
                "  perftest report perftest-results/quickstart/small/3 --out /tmp/small-3.html", ExitCodes.HELP})
public final class ReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec commandSpec;

    @Parameters(index = "0", paramLabel = "RUN-DIR", description = "A run directory (holding run.json).")
    private Path runDir;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write the page (default: report.html in the run directory).")
    private Path out;

    @Override
    public Integer call() throws IOException {
        RunDirectory dir = ShowCommand.open(runDir);
        Path written = out == null ? RunReport.write(dir) : out.toAbsolutePath().normalize();
        if (out != null) {
            RunReport.write(dir, written);
        }
        commandSpec.commandLine().getOut().println(written);
        return ExitCodes.OK;
    }
}
