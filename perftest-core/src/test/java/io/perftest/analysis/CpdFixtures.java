package io.perftest.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import io.perftest.store.Json;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the change-point fixtures under {@code src/test/resources/io/perftest/analysis/cpd/}. */
final class CpdFixtures {

    private CpdFixtures() {
    }

    static Path path(String name) {
        try {
            return Path.of(CpdFixtures.class.getResource("cpd/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String name) throws IOException {
        try (InputStream in = CpdFixtures.class.getResourceAsStream("cpd/" + name)) {
            return Json.mapper().readTree(in);
        }
    }

    static double[] numbers(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asDouble();
        }
        return v;
    }

    static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }

    /** The annotators' change points of a TCPD dataset. */
    static List<List<Integer>> annotations(String dataset) throws IOException {
        List<List<Integer>> out = new ArrayList<>();
        json("annotations.json").get(dataset).fields().forEachRemaining(e -> out.add(ints(e.getValue())));
        return out;
    }
}
