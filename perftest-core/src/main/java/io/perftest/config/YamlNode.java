package io.perftest.config;

import io.perftest.model.ConfigException;
import io.perftest.model.Origin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A YAML value that remembers where it was written, so that every configuration error can
 * name the file, line and column. Built by {@link YamlReader}.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {

    Origin origin();

    /** What kind of value this is, for error messages: "a text", "a list", "a map". */
    String kind();

    /** A plain value; {@code text} is null for YAML null ({@code ~}, empty). */
    record Scalar(String text, Origin origin) implements YamlNode {
        @Override
        public String kind() {
            return text == null ? "empty" : "a value";
        }
    }

    /** A YAML list. */
    record Sequence(List<YamlNode> items, Origin origin) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A YAML map; its keys in the order written, each with where it was written. */
    record Mapping(Map<String, YamlNode> entries, Map<String, Origin> keyOrigins, Origin origin) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keyOrigins = Map.copyOf(keyOrigins);
        }

        @Override
        public String kind() {
            return "a map";
        }

        public Origin keyOrigin(String key) {
            return keyOrigins.getOrDefault(key, origin);
        }

        /** Fails on the first key not in {@code allowed}, pointing at it and listing what is allowed. */
        public void requireKnownKeys(Set<String> allowed, String what) {
            for (String key : entries.keySet()) {
                if (!allowed.contains(key)) {
                    throw new ConfigException(keyOrigin(key), "unknown key '" + key + "' in " + what
                            + " (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
                }
            }
        }
    }
}
