package io.perftest.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

/** Runs the real command line in-process and captures what it printed. */
final class Cli {

    /** The repository's examples directory. */
    static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    record Result(int exitCode, String out, String err) {
        /** The last non-empty line of standard output. */
        String lastLine() {
            List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    private Cli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PerftestCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }
}
