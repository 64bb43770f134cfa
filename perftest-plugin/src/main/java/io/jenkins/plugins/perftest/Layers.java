package io.jenkins.plugins.perftest;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import io.jenkins.plugins.perftest.collectors.CollectorConfig;
import io.perftest.model.CollectorSpec;
import io.perftest.model.Durations;
import io.perftest.model.FrameworkLayer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the form fields a folder and a step share into the core's {@link FrameworkLayer}: an
 * empty field (blank text, an empty list, repeat 0, exclusive unticked) is not set there and is
 * inherited. The core merges the layers; this only translates.
 */
final class Layers {

    private Layers() {
    }

    /**
     * The fields of the framework itself: script, arguments, statistics label, extra result
     * files, trend metrics, exclusive nodes and how long to wait for them.
     *
     * @throws IllegalArgumentException a duration the core cannot read
     */
    static FrameworkLayer.Builder framework(@CheckForNull String script, List<ScriptArgument> arguments,
                                            @CheckForNull String statisticsLabel, @CheckForNull String resultFiles,
                                            @CheckForNull String trendMetrics, boolean exclusive,
                                            @CheckForNull String exclusiveWait) {
        FrameworkLayer.Builder b = FrameworkLayer.builder().script(Util.fixEmptyAndTrim(script));
        if (!arguments.isEmpty()) {
            b.arguments(arguments.stream().map(ScriptArgument::toParameter).toList());
        }
        if (Util.fixEmptyAndTrim(statisticsLabel) != null) {
            b.statsHosts(List.of(statisticsLabel.trim()));
        }
        List<String> globs = new ArrayList<>();
        for (String glob : Util.fixNull(resultFiles).split("[,\\n]")) {
            if (!glob.isBlank()) {
                globs.add(glob.trim());
            }
        }
        if (!globs.isEmpty()) {
            b.resultFiles(globs);
        }
        List<String> trend = TrendMetrics.parse(trendMetrics);
        if (!trend.isEmpty()) {
            b.trend(trend);
        }
        if (exclusive) {
            b.exclusive(true);
        }
        duration(exclusiveWait).ifPresent(b::exclusiveWait);
        return b;
    }

    /** The collectors, or unset when there are none (an empty list inherits). */
    static Optional<List<CollectorSpec>> collectors(List<CollectorConfig> collectors) {
        return collectors.isEmpty() ? Optional.empty() : Optional.of(collectors.stream().map(CollectorConfig::toSpec).toList());
    }

    static Optional<Duration> duration(@CheckForNull String text) {
        String t = Util.fixEmptyAndTrim(text);
        return t == null ? Optional.empty() : Optional.of(Durations.parse(t));
    }

    /** Repeat 0 (the form's default) inherits. */
    static Optional<Integer> repeat(int repeat) {
        return repeat > 0 ? Optional.of(repeat) : Optional.empty();
    }
}
