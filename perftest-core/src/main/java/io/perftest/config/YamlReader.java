package io.perftest.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.perftest.model.ConfigException;
import io.perftest.model.Origin;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML document into {@link YamlNode}s that keep their line and column. Syntax errors,
 * duplicate keys and missing files become {@link ConfigException}s naming the file and line.
 */
public final class YamlReader {

    /** Configuration files are small; anything larger is a mistake (or an alias bomb). */
    private static final long MAX_BYTES = 1 << 20;

    /** An empty plain value ({@code key:}) is null as YAML says, not ""; a quoted {@code ''} stays "". */
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(com.fasterxml.jackson.dataformat.yaml.YAMLParser.Feature.EMPTY_STRING_AS_NULL).build();

    private YamlReader() {
    }

    public static YamlNode read(Path file) {
        String name = file.toString();
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ConfigException(Origin.of(name), "file is larger than 1 MiB; is this really a perftest YAML file?");
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return read(new StringReader(text), name);
        } catch (NoSuchFileException e) {
            throw new ConfigException(Origin.of(name), "file not found");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ConfigException(Origin.of(name), "not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(Origin.of(name), "cannot read: " + e.getMessage());
        }
    }

    public static YamlNode read(Reader reader, String name) {
        try (JsonParser parser = FACTORY.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new YamlNode.Scalar(null, new Origin(name, 1, 1));
            }
            YamlNode node = readValue(parser, name);
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String message = e.getOriginalMessage();
            int nl = message.indexOf('\n');
            message = nl > 0 ? message.substring(0, nl) : message;
            throw new ConfigException(loc == null ? Origin.of(name) : new Origin(name, loc.getLineNr(), loc.getColumnNr()),
                    "invalid YAML: " + message);
        } catch (IOException e) {
            throw new ConfigException(Origin.of(name), "cannot read: " + e.getMessage());
        }
    }

    private static YamlNode readValue(JsonParser parser, String name) throws IOException {
        JsonToken token = parser.currentToken();
        Origin origin = origin(parser.currentTokenLocation(), name);
        switch (token) {
            case START_OBJECT -> {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, Origin> keys = new HashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    Origin keyOrigin = origin(parser.currentTokenLocation(), name);
                    if (entries.containsKey(key)) {
                        throw new ConfigException(keyOrigin, "duplicate key '" + key + "' (first at line " + keys.get(key).line() + ")");
                    }
                    parser.nextToken();
                    entries.put(key, readValue(parser, name));
                    keys.put(key, keyOrigin);
                }
                return new YamlNode.Mapping(entries, keys, origin);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser, name));
                }
                return new YamlNode.Sequence(items, origin);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar(null, origin);
            }
            default -> {
                return new YamlNode.Scalar(parser.getText(), origin);
            }
        }
    }

    private static Origin origin(JsonLocation loc, String name) {
        return new Origin(name, loc.getLineNr(), loc.getColumnNr());
    }
}
