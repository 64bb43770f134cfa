package io.jenkins.plugins.perftest;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import io.perftest.model.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the {@code parameters} field: {@code NAME=VALUE}, one per line, blank lines and {@code #} comments ignored. */
final class ParameterLines {

    private ParameterLines() {
    }

    /** @throws IllegalArgumentException naming the line when one is not {@code NAME=VALUE} */
    static Map<String, String> parse(@CheckForNull String text) {
        Map<String, String> values = new LinkedHashMap<>();
        int lineNumber = 0;
        for (String line : Util.fixNull(text).split("\\R")) {
            lineNumber++;
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            int eq = t.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(Messages.ParameterLines_NotAssignment(lineNumber, t));
            }
            String name = t.substring(0, eq).trim();
            try {
                new Parameter(name, null, null);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(Messages.ParameterLines_BadName(lineNumber, e.getMessage()), e);
            }
            values.put(name, t.substring(eq + 1).trim());
        }
        return values;
    }
}
