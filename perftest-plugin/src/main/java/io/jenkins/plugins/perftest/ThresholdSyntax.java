package io.jenkins.plugins.perftest;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/**
 * Checks one threshold expression with the core's parser, for form validation.
 *
 * <p>INTEGRATION POINT: the threshold parser ({@code io.perftest.analysis}) is written in
 * parallel; until it is on main this only checks the shape {@code <metric> <op> <value>}.
 */
final class ThresholdSyntax {

    private static final java.util.regex.Pattern SHAPE =
            java.util.regex.Pattern.compile("\\s*[A-Za-z_][A-Za-z0-9_.:-]*\\s*(<=|>=|<|>|==|!=)\\s*\\S.*");

    private ThresholdSyntax() {
    }

    /** @return null when {@code expression} parses, else the parser's message */
    @CheckForNull
    static String check(String expression) {
        return SHAPE.matcher(expression).matches() ? null
                : "'" + expression + "' is not a threshold (expected e.g. results.latency_p95 < 250 ms)";
    }
}
