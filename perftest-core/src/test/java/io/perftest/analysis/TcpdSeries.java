package io.perftest.analysis;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The annotated TCPD series of the test fixtures: the five of {@code ../shared/data/cpd} and 17
 * more from alan-turing-institute/TCPD ({@code tcpd_more.json}), missing values filled by linear
 * interpolation as {@link TcpdDataset} does.
 */
final class TcpdSeries {

    record Annotated(String name, double[] values, List<List<Integer>> annotations) {
    }

    private TcpdSeries() {
    }

    static List<Annotated> all() throws IOException {
        List<Annotated> out = new ArrayList<>();
        for (String name : List.of("quality_control_1", "quality_control_2", "quality_control_3", "quality_control_5", "well_log")) {
            out.add(new Annotated(name, TcpdDataset.read(CpdFixtures.path(name + ".json")).values(), CpdFixtures.annotations(name)));
        }
        JsonNode more = CpdFixtures.json("tcpd_more.json");
        Map<String, JsonNode> series = new LinkedHashMap<>();
        more.get("series").fields().forEachRemaining(e -> series.put(e.getKey(), e.getValue()));
        for (Map.Entry<String, JsonNode> e : series.entrySet()) {
            List<List<Integer>> annotations = new ArrayList<>();
            more.get("annotations").get(e.getKey()).fields().forEachRemaining(a -> annotations.add(CpdFixtures.ints(a.getValue())));
            out.add(new Annotated(e.getKey(), TcpdDataset.interpolated(e.getValue(), e.getKey()), annotations));
        }
        return out;
    }
}
