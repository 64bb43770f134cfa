package io.perftest.analysis;

import org.junit.Test;

import java.util.List;

import static org.junit.Assert.assertEquals;

public class TcpdF1Test {

    private final TcpdF1 scorer = TcpdF1.withMargin(5);

    @Test
    public void shouldScoreNoPredictionLikeTcpdBenchOnTheQualityControlSeries() throws Exception {
        // given the baseline figures of the TCPDBench paper for "no change point at all"
        double[] expected = {0.6667, 0.7500, 0.6667, 1.0, 0.2370};
        String[] datasets = {"quality_control_1", "quality_control_2", "quality_control_3", "quality_control_5", "well_log"};
        for (int i = 0; i < datasets.length; i++) {
            // when nothing is predicted
            double f1 = scorer.score(CpdFixtures.annotations(datasets[i]), List.of()).f1();
            // then
            assertEquals(datasets[i], expected[i], f1, 5e-5);
        }
    }

    @Test
    public void shouldMatchEachPredictionToOneTrueChangePointWithinTheMargin() {
        // given TCPDBench's doctest: true positives of {1, 10, 20, 23} against {1, 3, 5, 8, 20} are {1, 10, 20}
        var truth = new java.util.TreeSet<>(List.of(1, 10, 20, 23));
        // when / then
        assertEquals(3, scorer.truePositives(truth, new java.util.TreeSet<>(List.of(1, 3, 5, 8, 20))));
        assertEquals(3, scorer.truePositives(truth, new java.util.TreeSet<>(List.of(3, 8, 20))));
        assertEquals(0, scorer.truePositives(new java.util.TreeSet<>(), new java.util.TreeSet<>(List.of(1, 2, 3))));
    }

    @Test
    public void shouldComputePrecisionAgainstTheUnionAndRecallPerAnnotator() {
        // given two annotators {10} and {50}; predictions {10, 30}
        TcpdF1.Score s = scorer.score(List.of(List.of(10), List.of(50)), List.of(10, 30));
        // then precision = |{0, 10}| / |{0, 10, 30}| and recall = mean(2/2, 1/2)
        assertEquals(2.0 / 3, s.precision(), 1e-12);
        assertEquals(0.75, s.recall(), 1e-12);
        assertEquals(2 * (2.0 / 3) * 0.75 / (2.0 / 3 + 0.75), s.f1(), 1e-12);
    }

    @Test
    public void shouldNotCountAPredictionJustOutsideTheMargin() {
        TcpdF1.Score s = scorer.score(List.of(List.of(100)), List.of(106));
        assertEquals(0.5, s.precision(), 1e-12);
        assertEquals(0.5, s.recall(), 1e-12);
    }
}
