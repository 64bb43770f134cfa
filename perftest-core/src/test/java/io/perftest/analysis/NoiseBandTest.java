package io.perftest.analysis;

import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.RunSummary;
import io.perftest.model.Samples;
import io.perftest.model.Unit;
import org.junit.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** The noise band learned from a metric's history, and single-sample verdicts judged against it (seeded trials). */
public class NoiseBandTest {

    private static final int SEEDS = 1000;
    private static final String KEY = "results.latency_p95";
    private final RunComparator comparator = new RunComparator(ComparisonSettings.DEFAULT);
    private final ChangePointDetector detector = new ChangePointDetector(ChangePointSettings.DEFAULT);

    /** 20 completed runs at level 100 with 3 % run-to-run noise (every run within 3 % of the level). */
    private static double[] stableHistory(Random random) {
        double[] runs = new double[20];
        for (int i = 0; i < runs.length; i++) {
            runs[i] = 100 * (1 + 0.03 * (2 * random.nextDouble() - 1));
        }
        return runs;
    }

    private static RunSummary run(double value) {
        return RunSummary.of(List.of(new Metric(KEY, Unit.parse("ms"), Direction.LOWER_IS_BETTER, Samples.of(new double[] {value}))));
    }

    private ChangeVerdict judge(double[] history, double candidate) {
        // the baseline is the previous run, as the default policy chooses
        MetricHistory metrics = MetricHistory.of(Map.of(KEY, history));
        return comparator.compare(run(history[history.length - 1]), run(candidate), metrics).metric(KEY).orElseThrow().verdict();
    }

    @Test
    public void shouldCallANewRunWithinAStableHistorysNoiseUnchangedInAtLeast99PercentOfSeeds() {
        int unchanged = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            Random random = new Random(seed);
            double[] history = stableHistory(random);
            double candidate = 100 * (1 + 0.03 * (2 * random.nextDouble() - 1));
            unchanged += judge(history, candidate) == ChangeVerdict.UNCHANGED ? 1 : 0;
        }
        assertTrue("unchanged in " + unchanged + " of " + SEEDS, unchanged >= SEEDS * 99 / 100);
    }

    @Test
    public void shouldCallATenPercentShiftAfterAStableHistoryRegressedInAtLeast95PercentOfSeeds() {
        int regressed = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            Random random = new Random(10_000 + seed);
            double[] history = stableHistory(random);
            double candidate = 110 * (1 + 0.03 * (2 * random.nextDouble() - 1));
            regressed += judge(history, candidate) == ChangeVerdict.REGRESSED ? 1 : 0;
        }
        assertTrue("regressed in " + regressed + " of " + SEEDS, regressed >= SEEDS * 95 / 100);
    }

    @Test
    public void shouldLearnTheBandFromFiveRunsAndUseTheFloorBelowThat() {
        double[] four = {100, 103, 97, 101};
        double[] five = {100, 103, 97, 101, 99};
        assertEquals(NoiseBand.Source.FLOOR, NoiseBand.of(four, 0.02, detector).source());
        assertEquals(0.02, NoiseBand.of(four, 0.02, detector).share(), 0);
        NoiseBand learned = NoiseBand.of(five, 0.02, detector);
        assertEquals(NoiseBand.Source.HISTORY, learned.source());
        assertEquals(5, learned.runs());
        assertTrue(learned.describe(), learned.share() > 0.02 && learned.describe().contains("run-to-run noise of 5 runs"));
    }

    @Test
    public void shouldNeverGoBelowTheConfiguredFloor() {
        double[] quiet = {100, 100.1, 99.9, 100, 100.1, 99.9, 100};
        NoiseBand band = NoiseBand.of(quiet, 0.05, detector);
        assertEquals(0.05, band.share(), 0);
        assertTrue(band.describe(), band.describe().contains("raised to the configured floor"));
    }

    @Test
    public void shouldNotLetAnEarlierChangeOfLevelWidenTheBand() {
        // 10 runs at 100, then 10 at 150, each with 1 % noise: the band reflects the 1 %, not the jump
        Random random = new Random(5);
        double[] history = new double[20];
        for (int i = 0; i < history.length; i++) {
            history[i] = (i < 10 ? 100 : 150) * (1 + 0.01 * random.nextGaussian());
        }
        NoiseBand band = NoiseBand.of(history, 0.0, detector);
        assertTrue(band.describe(), band.share() < 0.06);
        assertEquals(150, band.level(), 3);
    }

    @Test
    public void shouldSayWhichBandWasUsedAndWhereItCameFrom() {
        Random random = new Random(1);
        double[] history = stableHistory(random);
        MetricComparison m = comparator.compare(run(history[19]), run(100), MetricHistory.of(Map.of(KEY, history)))
                .metric(KEY).orElseThrow();
        assertTrue(m.note(), m.note().contains("noise band ±") && m.note().contains("run-to-run noise of 20 runs"));
        MetricComparison floor = comparator.compare(run(100), run(101)).metric(KEY).orElseThrow();
        assertTrue(floor.note(), floor.note().contains("configured floor"));
        assertEquals(NoiseBand.Source.FLOOR, floor.band().source());
    }
}
