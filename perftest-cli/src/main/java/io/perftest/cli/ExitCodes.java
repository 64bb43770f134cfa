package io.perftest.cli;

/** The exit codes of every perftest command (DESIGN.md). */
public final class ExitCodes {

    /** Completed, and every threshold passed (unstable ones only warn). */
    public static final int OK = 0;
    /** Completed, but a threshold of severity fail failed. */
    public static final int THRESHOLD_FAILED = 1;
    /** Bad usage or configuration; the message names the file and line. */
    public static final int USAGE = 2;
    /** The run failed: the script exited non-zero, or the infrastructure failed. */
    public static final int RUN_FAILED = 3;
    /** The run was aborted: timeout or Ctrl-C. Partial data is kept. */
    public static final int ABORTED = 4;

    static final String HELP = "%nExit codes:%n"
            + "  0  completed and thresholds passed (unstable thresholds only warn)%n"
            + "  1  completed but a threshold failed%n"
            + "  2  bad usage or configuration (the message names the file and line)%n"
            + "  3  run failed (script exit code non-zero or infrastructure error)%n"
            + "  4  aborted (timeout or Ctrl-C; partial data kept)%n";

    private ExitCodes() {
    }
}
