package io.perftest.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a run needs, resolved: the framework, the test, the parameter values in declared
 * order (defaults, overridden by the test, then by the command line), timeout, repeat count,
 * collectors, statistics hosts, thresholds and baseline policy.
 */
public record RunSpec(Framework framework, TestSpec test, Map<String, String> parameters, Duration timeout,
                      int repeat, List<CollectorSpec> collectors, List<String> statsHosts,
                      List<SourcedText> thresholds, String baseline) {

    public RunSpec {
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(test, "test");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        Objects.requireNonNull(timeout, "timeout");
        collectors = List.copyOf(collectors);
        statsHosts = List.copyOf(statsHosts);
        thresholds = List.copyOf(thresholds);
        Objects.requireNonNull(baseline, "baseline");
        if (repeat < 1) {
            throw new IllegalArgumentException("repeat must be at least 1, was " + repeat);
        }
    }

    /** The script's argv after the script itself: the declared arguments' values, in declared order. */
    public List<String> arguments() {
        List<String> argv = new ArrayList<>();
        for (Parameter p : framework.arguments()) {
            argv.add(parameters.get(p.name()));
        }
        return argv;
    }

    /** {@code PERFTEST_PARAM_<NAME>} for every parameter. */
    public Map<String, String> parameterEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        parameters.forEach((k, v) -> env.put(Parameter.environmentName(k), v));
        return env;
    }

    public RunSpec withTimeout(Duration value) {
        return new RunSpec(framework, test, parameters, value, repeat, collectors, statsHosts, thresholds, baseline);
    }

    public RunSpec withRepeat(int value) {
        return new RunSpec(framework, test, parameters, timeout, value, collectors, statsHosts, thresholds, baseline);
    }

    public RunSpec withCollectors(List<CollectorSpec> value) {
        return new RunSpec(framework, test, parameters, timeout, repeat, value, statsHosts, thresholds, baseline);
    }
}
