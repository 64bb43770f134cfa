package io.jenkins.plugins.perftest;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import java.util.ArrayList;
import java.util.List;

/** Reads a {@code trendMetrics} field: metric keys or globs ({@code results.*}), one per line or comma separated. */
final class TrendMetrics {

    private TrendMetrics() {
    }

    static List<String> parse(@CheckForNull String text) {
        List<String> out = new ArrayList<>();
        for (String item : Util.fixNull(text).split("[,\\n\\r]")) {
            String t = item.trim();
            if (!t.isEmpty() && !t.startsWith("#")) {
                out.add(t);
            }
        }
        return out;
    }
}
