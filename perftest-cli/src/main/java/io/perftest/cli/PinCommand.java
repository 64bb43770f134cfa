package io.perftest.cli;

import io.perftest.analysis.PinnedBaseline;
import io.perftest.store.RunDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code perftest pin}: marks a run as its test's baseline for the {@code pinned} policy. */
@Command(name = "pin",
        header = "Mark a completed run as the baseline of its test.",
        description = {"Marks a completed run as the baseline of its test: runs of the test with 'baseline: pinned'",
                "are compared with it. Stored as " + PinnedBaseline.FILE + " in the test's results directory;",
                "pinning another run replaces it."},
        footer = {"", "Examples:",
                "  perftest pin perftest-results/quickstart/default/7",
                "", "Exit codes: 0 pinned, 2 not a completed run directory."})
public final class PinCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec commandSpec;

    @Parameters(index = "0", paramLabel = "RUN-DIR", description = "A completed run directory (holding run.json).")
    private Path runDir;

    @Override
    public Integer call() throws IOException {
        RunDirectory dir = ShowCommand.open(runDir);
        PinnedBaseline.Pin pin;
        try {
            pin = PinnedBaseline.pin(dir);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        commandSpec.commandLine().getOut().println("pinned run " + pin.run() + " as the baseline of "
                + dir.path().getParent());
        return ExitCodes.OK;
    }
}
