package io.jenkins.plugins.perftest;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import io.perftest.analysis.ThresholdParser;
import io.perftest.model.Origin;
import io.perftest.model.SourcedText;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code thresholds} field: one threshold per line, blank lines and {@code #} comments
 * ignored, each checked by the core's parser ({@link ThresholdParser#check}). The form check and
 * the build both read thresholds here, so the form says exactly what the build would.
 */
final class ThresholdLines {

    private ThresholdLines() {
    }

    /**
     * @param where names the field for the origins and the error ({@code job web/t thresholds})
     * @throws IllegalArgumentException {@code <where>, line 2: column 23: expected a number ...}
     */
    static List<SourcedText> parse(@CheckForNull String text, String where) {
        List<SourcedText> out = new ArrayList<>();
        int lineNumber = 0;
        for (String line : Util.fixNull(text).split("\\R")) {
            lineNumber++;
            String expression = line.trim();
            if (expression.isEmpty() || expression.startsWith("#")) {
                continue;
            }
            Origin origin = new Origin(where, lineNumber, 0);
            try {
                ThresholdParser.check(expression);
            } catch (IllegalArgumentException e) {
                // the parser's message starts with the column: "column 23: expected a number ..."
                throw new IllegalArgumentException(Messages.FormChecks_Threshold(where, lineNumber, e.getMessage()), e);
            }
            out.add(new SourcedText(expression, origin));
        }
        return out;
    }
}
