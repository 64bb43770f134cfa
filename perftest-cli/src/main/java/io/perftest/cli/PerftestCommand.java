package io.perftest.cli;

import io.perftest.model.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code perftest}: repeatable performance tests from the command line. */
@Command(name = "perftest",
        mixinStandardHelpOptions = true,
        versionProvider = PerftestCommand.Version.class,
        description = {"Repeatable performance testing: run an execution script through a full lifecycle,",
                "collect what it measured and what the system did, keep every result, compare and trend."},
        subcommands = {RunCommand.class, ShowCommand.class, CompareCommand.class, TrendCommand.class, ReportCommand.class,
                DetectCommand.class, PinCommand.class, ParseCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Examples:",
                "  perftest run examples/quickstart",
                "  perftest run examples/quickstart/large.yaml -p duration=10 --repeat 3",
                "  perftest show perftest-results/quickstart/default/1",
                "  perftest compare perftest-results/quickstart/default/1 perftest-results/quickstart/default/2",
                "  perftest trend perftest-results/quickstart/default",
                "  perftest report perftest-results/quickstart/default/1",
                "  perftest parse results.jtl --json",
                "", "Run 'perftest help COMMAND' for a command's options and examples."})
public final class PerftestCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; returns the exit code (used by tests too). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(out, err);
        return cl.execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new PerftestCommand());
        cl.setOut(out);
        cl.setErr(err);
        // the descriptions are written for 110 columns; a narrower terminal gets them wrapped to its width
        cl.setUsageHelpWidth(110);
        cl.setUsageHelpAutoWidth(true);
        cl.setExitCodeExceptionMapper(e -> ExitCodes.USAGE);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("perftest: " + ex.getMessage());
            c.getErr().println("Run 'perftest help " + (c.getCommandName().equals("perftest") ? "" : c.getCommandName())
                    + "' for usage.");
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof ConfigException || ex instanceof UserError) {
                c.getErr().println("perftest: " + ex.getMessage());
                return ExitCodes.USAGE;
            }
            if (ex instanceof java.io.IOException io) {
                // a file given (or found) cannot be read: bad input, not a bug of ours
                c.getErr().println("perftest: " + readProblem(io));
                return ExitCodes.USAGE;
            }
            c.getErr().println("perftest: internal error (please report it): " + ex);
            ex.printStackTrace(c.getErr());
            return ExitCodes.RUN_FAILED;
        });
        return cl;
    }

    /** What went wrong reading a file, in words: NoSuchFileException and its kind carry only the path. */
    static String readProblem(java.io.IOException e) {
        if (e instanceof java.nio.file.FileSystemException f) {
            String why = f.getReason() != null ? f.getReason()
                    : e instanceof java.nio.file.NoSuchFileException ? "no such file"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getClass().getSimpleName();
            return "cannot read " + f.getFile() + ": " + why;
        }
        return e.getMessage();
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = PerftestCommand.class.getPackage().getImplementationVersion();
            return new String[] {"perftest " + (v == null ? "dev" : v), "Java " + System.getProperty("java.version")};
        }
    }
}
