package io.perftest.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

public class ChangePointDetectorTest {

    private static final ChangePointDetector DEFAULT = new ChangePointDetector(ChangePointSettings.DEFAULT);

    @Test
    public void shouldReproduceOtavasExpectedChangePointsOnTigerbeetleForEveryListedSetting() throws Exception {
        // given
        JsonNode data = CpdFixtures.json("tigerbeetle.json");
        double[] series = CpdFixtures.numbers(data.get("series"));
        for (JsonNode e : data.get("expected")) {
            ChangePointSettings settings = ChangePointSettings.otava(e.get("window_len").asInt(),
                    e.get("max_pvalue").asDouble(), e.get("min_magnitude").asDouble());
            // when
            int[] found = new ChangePointDetector(settings).detect(series).indices();
            // then
            int[] expected = CpdFixtures.ints(e.get("expected_change_points")).stream().mapToInt(Integer::intValue).toArray();
            assertArrayEquals(settings.toString(), expected, found);
        }
    }

    @Test
    public void shouldReproduceOtavasUnitTestCases() throws Exception {
        for (JsonNode c : CpdFixtures.json("unit_series.json").get("cases")) {
            if (!c.has("expected_change_points")) {
                continue;
            }
            JsonNode params = c.get("params");
            ChangePointSettings settings = params.has("window_len")
                    ? ChangePointSettings.otava(params.get("window_len").asInt(), params.get("max_pvalue").asDouble(), 0)
                    : ChangePointSettings.OTAVA;
            int[] expected = CpdFixtures.ints(c.get("expected_change_points")).stream().mapToInt(Integer::intValue).toArray();
            assertArrayEquals(c.get("name").asText(), expected,
                    new ChangePointDetector(settings).detect(CpdFixtures.numbers(c.get("series"))).indices());
        }
    }

    @Test
    public void shouldReportMeansRelativeChangeAndPValueOfEachChangePoint() throws Exception {
        // given Otava's sample.csv metric2, which Otava reports as a -12.9 % change at 6
        double[] series = {10.43, 10.23, 10.29, 10.91, 10.34, 10.69, 9.23, 9.11, 9.13, 9.03};
        // when
        List<ChangePoint> found = new ChangePointDetector(ChangePointSettings.OTAVA).changePoints(series);
        // then
        assertEquals(1, found.size());
        ChangePoint cp = found.get(0);
        assertEquals(6, cp.index());
        assertEquals(Arrays.stream(series, 0, 6).average().orElseThrow(), cp.meanBefore(), 1e-9);
        assertEquals(Arrays.stream(series, 6, 10).average().orElseThrow(), cp.meanAfter(), 1e-9);
        assertEquals(-0.129, cp.relativeChange(), 0.0005);
        assertTrue(cp.pValue() < 0.001);
    }

    @Test
    public void shouldScoreF1OfAtLeastNinetyPercentOnTheQualityControlSeriesWithTheDefaultSetting() throws Exception {
        for (String name : List.of("quality_control_1", "quality_control_2", "quality_control_3")) {
            // given
            double[] series = TcpdDataset.read(CpdFixtures.path(name + ".json")).values();
            // when
            List<Integer> found = toList(DEFAULT.detect(series).indices());
            // then
            double f1 = TcpdF1.withMargin(TcpdF1.DEFAULT_MARGIN).score(CpdFixtures.annotations(name), found).f1();
            assertTrue(name + " F1 " + f1 + " with " + found, f1 >= 0.9);
        }
    }

    @Test
    public void shouldFindNoChangeInQualityControl5() throws Exception {
        double[] series = TcpdDataset.read(CpdFixtures.path("quality_control_5.json")).values();
        assertEquals(List.of(), DEFAULT.changePoints(series));
    }

    @Test
    public void shouldNotTakeALoneOutlierForAChangeOfLevel() {
        // given a flat series with one spike
        Random random = new Random(7);
        double[] series = new double[120];
        for (int i = 0; i < series.length; i++) {
            series[i] = 100 + random.nextGaussian();
        }
        series[60] = 160;
        // when / then
        assertEquals(List.of(), DEFAULT.changePoints(series));
    }

    @Test
    public void shouldFindTheFiveStepsOfALongSeriesAndNothingElse() {
        // given 10,000 points, 2 % noise, a 10 % step every 1,700 points
        double[] series = SyntheticSeries.steps(10_000, new int[] {1700, 3400, 5100, 6800, 8500}, 0.10, 0.02, 42);
        // when / then
        assertArrayEquals(new int[] {1700, 3400, 5100, 6800, 8500}, DEFAULT.detect(series).indices());
    }

    @Test
    public void shouldGiveTheSameAnswerIncrementallyAsFromScratch() {
        // given a history with two steps, detected once, then extended run by run
        double[] all = SyntheticSeries.steps(400, new int[] {150, 330}, 0.05, 0.02, 3);
        Detection detection = DEFAULT.detect(Arrays.copyOf(all, 300));
        for (int n = 301; n <= all.length; n++) {
            // when
            detection = DEFAULT.update(detection, Arrays.copyOf(all, n));
        }
        // then
        int[] found = detection.indices();
        assertEquals(2, found.length);
        assertTrue(Arrays.toString(found), Math.abs(found[0] - 150) <= 3 && Math.abs(found[1] - 330) <= 3);
    }

    @Test
    public void shouldReportAClearChangeOfLevelOnceTwoRunsSitAtTheNewLevel() {
        // given 30 runs at 100 with 1 % noise, then two runs 10 % higher (10 noise deviations)
        double[] history = SyntheticSeries.steps(32, new int[] {30}, 0.10, 0.01, 11);
        // when / then: one run at the new level is not a level, two are
        assertEquals(List.of(), DEFAULT.changePoints(Arrays.copyOf(history, 31)));
        assertArrayEquals(new int[] {30}, DEFAULT.detect(history).indices());
    }

    @Test
    public void shouldKeepAnEarlierChangePointThatIsStillSignificantWhenANewOneAppears() {
        // given 16 runs with a change at 8, then two more runs at a third level
        double[] runs = {100, 101, 99, 100, 102, 98, 100, 101, 120, 121, 119, 120, 122, 118, 120, 121, 160, 161};
        Detection first = DEFAULT.detect(Arrays.copyOf(runs, 16));
        assertArrayEquals(new int[] {8}, first.indices());
        // when the history grows, incrementally or from scratch
        Detection grown = DEFAULT.update(DEFAULT.update(first, Arrays.copyOf(runs, 17)), runs);
        // then the change at 8 is still there, and the new one is found
        assertArrayEquals(new int[] {8, 16}, grown.indices());
        assertArrayEquals(new int[] {8, 16}, DEFAULT.detect(runs).indices());
    }

    @Test
    public void shouldNotRaiseAnAlarmEveryFewPointsOnASmoothTrendOrARandomWalk() {
        for (int k = 0; k < 50; k++) {
            Random random = new Random(900 + k);
            double[] trend = new double[300];
            double[] walk = new double[300];
            double[] exponential = new double[300];
            double level = 100;
            for (int i = 0; i < trend.length; i++) {
                trend[i] = 100 + 0.2 * i + random.nextGaussian();
                level += random.nextGaussian();
                walk[i] = level;
                exponential[i] = 100 * Math.exp(0.005 * i) * (1 + 0.01 * random.nextGaussian());
            }
            // a change point every few points would be dozens (the former default gave one every 12-15)
            assertTrue("trend " + k + ": " + DEFAULT.changePoints(trend).size(), DEFAULT.changePoints(trend).size() <= 2);
            assertTrue("random walk " + k + ": " + DEFAULT.changePoints(walk).size(), DEFAULT.changePoints(walk).size() <= 3);
            assertTrue("exponential " + k + ": " + DEFAULT.changePoints(exponential).size(),
                    DEFAULT.changePoints(exponential).size() <= 5);
        }
    }

    @Test
    public void shouldFindAStepInAutocorrelatedNoiseButNoneWithoutOne() {
        int alarms = 0;
        int found = 0;
        for (int k = 0; k < 100; k++) {
            Random random = new Random(300 + k);
            double[] noise = new double[200];
            double previous = 0;
            for (int i = 0; i < noise.length; i++) {
                previous = 0.7 * previous + random.nextGaussian();
                noise[i] = 100 + previous;
            }
            alarms += DEFAULT.changePoints(noise).isEmpty() ? 0 : 1;
            double[] stepped = noise.clone();
            for (int i = 100; i < stepped.length; i++) {
                stepped[i] += 8;
            }
            found += Arrays.stream(DEFAULT.detect(stepped).indices()).anyMatch(i -> Math.abs(i - 100) <= 5) ? 1 : 0;
        }
        assertTrue("AR(1) series with an alarm: " + alarms + " of 100", alarms <= 10);
        assertTrue("steps found in AR(1) noise: " + found + " of 100", found >= 90);
    }

    @Test
    public void shouldRejectANonFiniteValueNamingItsIndex() {
        try {
            DEFAULT.detect(new double[] {1, 2, Double.NaN});
            throw new AssertionError("expected a rejection");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("point 2"));
        }
    }

    @Test
    public void shouldFindNothingInTooShortOrConstantSeries() {
        assertEquals(List.of(), DEFAULT.changePoints(new double[0]));
        assertEquals(List.of(), DEFAULT.changePoints(new double[] {5}));
        assertEquals(List.of(), DEFAULT.changePoints(new double[] {5, 5, 5, 5, 5, 5, 5}));
    }

    private static List<Integer> toList(int[] v) {
        List<Integer> out = new ArrayList<>();
        for (int i : v) {
            out.add(i);
        }
        return out;
    }
}
