package io.perftest.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import io.perftest.store.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A series in the Turing Change Point Dataset's JSON format
 * ({@code {name, n_obs, time: {index: [...]}, series: [{label, raw: [...]}]}}); the first
 * series' {@code raw} values are read. Missing values ({@code null}, as in uk_coal_employ) are
 * filled by linear interpolation between their neighbours (the nearest value at either end), so
 * that indices keep their meaning; a series without any number is an error.
 */
public record TcpdDataset(String name, double[] values) {

    public TcpdDataset {
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public static TcpdDataset read(Path file) throws IOException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = Json.mapper().readTree(in);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(file + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        return of(root, file.toString());
    }

    /** Reads the dataset from parsed JSON; {@code where} names the source in errors. */
    public static TcpdDataset of(JsonNode root, String where) throws IOException {
        JsonNode raw = root.path("series").path(0).path("raw");
        if (!raw.isArray()) {
            throw new IOException(where + ": not a TCPD dataset (expected series[0].raw, an array of numbers)");
        }
        return new TcpdDataset(root.path("name").asText(""), interpolated(raw, where));
    }

    /** The numbers of a JSON array with its nulls filled by linear interpolation. */
    public static double[] interpolated(JsonNode raw, String where) throws IOException {
        double[] values = new double[raw.size()];
        int last = -1;
        for (int i = 0; i < values.length; i++) {
            JsonNode v = raw.get(i);
            if (v.isNull()) {
                values[i] = Double.NaN;
                continue;
            }
            if (!v.isNumber()) {
                throw new IOException(where + ": series[0].raw[" + i + "] is " + v + ", not a number or null");
            }
            values[i] = v.asDouble();
            for (int j = last + 1; j < i; j++) {
                values[j] = last < 0 ? values[i] : values[last] + (values[i] - values[last]) * (j - last) / (i - last);
            }
            last = i;
        }
        if (last < 0 && values.length > 0) {
            throw new IOException(where + ": series[0].raw has no number");
        }
        for (int j = last + 1; j < values.length; j++) {
            values[j] = values[last];
        }
        return values;
    }
}
