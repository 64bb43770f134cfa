package io.perftest.cli;

/** How metric keys are written, for the {@code --help} of the commands that show or take them. */
final class KeySyntax {

    static final String HELP = "%nMetric keys: <source>.<label>.<quantity>[.<statistic>][@<host>], e.g. jmeter.login.elapsed.p95.%n"
            + "A label of other characters than letters, digits, _ and - is kept as written, in double quotes%n"
            + "(with \\\" and \\\\ inside): jmeter.\"GET /api/users\".elapsed.p95. Thresholds and --metric name it%n"
            + "the same way, e.g. in framework.yaml: - 'jmeter.\"GET /api/users\".elapsed.p95 < 300 ms'%n"
            + "(see docs/analysis.md).%n";

    private KeySyntax() {
    }
}
