package io.perftest.config;

import io.perftest.model.ConfigException;
import io.perftest.model.Durations;
import io.perftest.model.Origin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed, located reads of the fields of a YAML map; every failure names the file, line and key. */
final class Fields {

    private final YamlNode.Mapping map;

    Fields(YamlNode node, String what) {
        if (!(node instanceof YamlNode.Mapping m)) {
            throw new ConfigException(node.origin(), what + " must be a map of keys (e.g. 'name: ...'), found " + node.kind());
        }
        this.map = m;
    }

    YamlNode.Mapping map() {
        return map;
    }

    boolean has(String key) {
        return map.entries().containsKey(key) && !isNull(map.entries().get(key));
    }

    Origin keyOrigin(String key) {
        return map.keyOrigin(key);
    }

    Origin valueOrigin(String key) {
        YamlNode n = map.entries().get(key);
        return n == null ? map.origin() : n.origin();
    }

    Optional<String> text(String key) {
        YamlNode n = map.entries().get(key);
        if (n == null || isNull(n)) {
            return Optional.empty();
        }
        return Optional.of(scalar(n, key));
    }

    String requiredText(String key, String what) {
        return text(key).filter(s -> !s.isBlank()).orElseThrow(() ->
                new ConfigException(map.origin(), "missing required key '" + key + "' in " + what));
    }

    Optional<Integer> positiveInt(String key) {
        return text(key).map(t -> {
            try {
                int v = Integer.parseInt(t.trim());
                if (v < 1) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw new ConfigException(valueOrigin(key), "'" + key + "' must be a whole number of at least 1, found '" + t + "'");
            }
        });
    }

    Optional<Duration> duration(String key) {
        return text(key).map(t -> {
            try {
                Duration d = Durations.parse(t);
                if (d.isZero() || d.isNegative()) {
                    throw new IllegalArgumentException("'" + t + "' must be longer than zero");
                }
                return d;
            } catch (IllegalArgumentException e) {
                throw new ConfigException(valueOrigin(key), "bad duration for '" + key + "': " + e.getMessage());
            }
        });
    }

    Optional<YamlNode.Sequence> list(String key) {
        YamlNode n = map.entries().get(key);
        if (n == null || isNull(n)) {
            return Optional.empty();
        }
        if (n instanceof YamlNode.Sequence s) {
            return Optional.of(s);
        }
        throw new ConfigException(n.origin(), "'" + key + "' must be a list (items starting with '- '), found " + n.kind());
    }

    List<String> textList(String key) {
        List<String> out = new ArrayList<>();
        list(key).ifPresent(s -> s.items().forEach(item -> out.add(scalar(item, key))));
        return out;
    }

    /** A map of plain values, in the order written, with the origin of every key. */
    Map<String, YamlNode.Scalar> scalarMap(String key) {
        YamlNode n = map.entries().get(key);
        Map<String, YamlNode.Scalar> out = new LinkedHashMap<>();
        if (n == null || isNull(n)) {
            return out;
        }
        if (!(n instanceof YamlNode.Mapping m)) {
            throw new ConfigException(n.origin(), "'" + key + "' must be a map of NAME: VALUE, found " + n.kind());
        }
        m.entries().forEach((k, v) -> {
            String text = scalar(v, key + "." + k);
            out.put(k, new YamlNode.Scalar(text == null ? "" : text, m.keyOrigin(k)));
        });
        return out;
    }

    static String scalar(YamlNode n, String key) {
        if (n instanceof YamlNode.Scalar s) {
            return s.text();
        }
        throw new ConfigException(n.origin(), "'" + key + "' must be a single value, found " + n.kind());
    }

    static boolean isNull(YamlNode n) {
        return n instanceof YamlNode.Scalar s && s.text() == null;
    }
}
