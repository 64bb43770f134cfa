package io.perftest.config;

import io.perftest.model.CollectorSpec;

import java.util.function.Consumer;

/**
 * Checks the loader applies to values whose rules live in other packages (the collector
 * registry, the threshold parser), so that a bad value fails at load time with its file and
 * line. Each check throws {@link IllegalArgumentException} with a message for the user.
 */
public record ConfigChecks(Consumer<CollectorSpec> collector, Consumer<String> threshold) {

    public static final ConfigChecks NONE = new ConfigChecks(c -> { }, t -> { });

    public ConfigChecks withCollector(Consumer<CollectorSpec> check) {
        return new ConfigChecks(check, threshold);
    }

    public ConfigChecks withThreshold(Consumer<String> check) {
        return new ConfigChecks(collector, check);
    }
}
