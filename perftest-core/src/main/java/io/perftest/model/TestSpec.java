package io.perftest.model;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A test of a framework: a name, parameter values, and optional overrides of the framework's
 * timeout, repeat count, collectors, thresholds and baseline. Each parameter value carries its
 * origin so that an undeclared parameter is reported where it was written.
 */
public record TestSpec(String name, String description, Map<String, String> parameters,
                       Map<String, Origin> parameterOrigins, Optional<Duration> timeout, Optional<Integer> repeat,
                       Optional<List<CollectorSpec>> collectors, List<SourcedText> thresholds,
                       Optional<String> baseline, Origin origin) {

    public TestSpec {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        parameterOrigins = Map.copyOf(parameterOrigins);
        collectors = collectors.map(List::copyOf);
        thresholds = List.copyOf(thresholds);
    }

    /** The implicit test of a framework run without a test file: no overrides. */
    public static TestSpec defaults(String name, Origin origin) {
        return new TestSpec(name, "", Map.of(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), Optional.empty(), origin);
    }

    public Origin originOf(String parameter) {
        return parameterOrigins.getOrDefault(parameter, origin);
    }
}
