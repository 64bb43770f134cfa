package io.perftest.analysis;

import io.perftest.model.Direction;
import io.perftest.model.Metric;
import io.perftest.model.RunSummary;
import io.perftest.model.Unit;
import org.junit.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

public class RunComparatorTest {

    private static final int TRIALS = 1000;
    private final RunComparator comparator = new RunComparator(ComparisonSettings.DEFAULT);

    @Test
    public void shouldCallAnAAComparisonUnchangedInAtLeast95PercentOfSeededTrials() {
        int unchanged = 0;
        for (int k = 0; k < TRIALS; k++) {
            // given two runs of the same distribution, 20 samples a side, 5 % noise
            Random random = new Random(k);
            RunSummary a = run(latency(samples(random, 20, 100, 5)));
            RunSummary b = run(latency(samples(random, 20, 100, 5)));
            // when
            if (comparator.compare(a, b).metrics().get(0).verdict() == ChangeVerdict.UNCHANGED) {
                unchanged++;
            }
        }
        // then
        assertTrue("unchanged in " + unchanged + " of " + TRIALS, unchanged >= TRIALS * 95 / 100);
    }

    @Test
    public void shouldCallATenPercentShiftWith20SamplesRegressedInAtLeast95PercentOfSeededTrials() {
        int regressed = 0;
        for (int k = 0; k < TRIALS; k++) {
            // given latency 10 % higher in the candidate, 20 samples a side, 5 % noise
            Random random = new Random(10_000 + k);
            RunSummary a = run(latency(samples(random, 20, 100, 5)));
            RunSummary b = run(latency(samples(random, 20, 110, 5)));
            // when
            if (comparator.compare(a, b).metrics().get(0).verdict() == ChangeVerdict.REGRESSED) {
                regressed++;
            }
        }
        // then
        assertTrue("regressed in " + regressed + " of " + TRIALS, regressed >= TRIALS * 95 / 100);
    }

    @Test
    public void shouldJudgeByDirectionAndReportIntervalAndPValue() {
        // given throughput 10 % lower: worse, because higher is better
        Random random = new Random(1);
        RunSummary a = run(Metric.of("results.throughput", Unit.parse("req/s"), Direction.HIGHER_IS_BETTER, samples(random, 30, 1000, 20)));
        RunSummary b = run(Metric.of("results.throughput", Unit.parse("req/s"), Direction.HIGHER_IS_BETTER, samples(random, 30, 900, 20)));
        // when
        MetricComparison m = comparator.compare(a, b).metrics().get(0);
        // then
        assertEquals(ChangeVerdict.REGRESSED, m.verdict());
        assertTrue(m.low() < 0.9 && 0.9 < m.high() && m.high() < 0.98);
        assertTrue(m.pValue() < 1e-6);
        assertEquals(0.9, m.ratio(), 0.01);
        // and a faster throughput the other way round is an improvement
        assertEquals(ChangeVerdict.IMPROVED, comparator.compare(b, a).metrics().get(0).verdict());
    }

    @Test
    public void shouldRepeatTheSameIntervalWithTheSameSeed() {
        Random random = new Random(2);
        RunSummary a = run(latency(samples(random, 15, 100, 5)));
        RunSummary b = run(latency(samples(random, 15, 104, 5)));
        assertEquals(comparator.compare(a, b), comparator.compare(a, b));
    }

    @Test
    public void shouldFallBackToThePlainRatioWithOneSamplePerSideAndSaySo() {
        // given one sample a side, 5 % slower
        RunComparison c = comparator.compare(run(latency(100)), run(latency(105)));
        MetricComparison m = c.metrics().get(0);
        // then
        assertEquals(ChangeVerdict.REGRESSED, m.verdict());
        assertTrue(m.note(), m.note().startsWith("one sample per side: noise band ±2.0% (configured floor)"));
        assertTrue(Double.isNaN(m.pValue()));
        // and 1 % slower is within the noise
        assertEquals(ChangeVerdict.UNCHANGED, comparator.compare(run(latency(100)), run(latency(101))).metrics().get(0).verdict());
    }

    @Test
    public void shouldHonourANoiseThresholdSetForOneMetric() {
        RunComparator lenient = new RunComparator(ComparisonSettings.DEFAULT.withNoise("results.latency", 0.10));
        assertEquals(ChangeVerdict.UNCHANGED, lenient.compare(run(latency(100)), run(latency(105))).metrics().get(0).verdict());
    }

    @Test
    public void shouldNotCallASmallSignificantShiftWithinTheNoiseThresholdARegression() {
        // given a 1 % shift with tiny noise: significant, but inside the 2 % noise threshold
        Random random = new Random(3);
        RunSummary a = run(latency(samples(random, 30, 100, 0.2)));
        RunSummary b = run(latency(samples(random, 30, 101, 0.2)));
        MetricComparison m = comparator.compare(a, b).metrics().get(0);
        assertTrue(m.qValue() < 0.001);
        assertEquals(ChangeVerdict.UNCHANGED, m.verdict());
    }

    @Test
    public void shouldCorrectPValuesAcrossTheMetricsOfARun() {
        // given 20 metrics, one of them with a modest shift
        Random random = new Random(4);
        List<Metric> a = new ArrayList<>();
        List<Metric> b = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            a.add(Metric.of("results.m" + i, Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, samples(random, 10, 100, 5)));
            b.add(Metric.of("results.m" + i, Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, samples(random, 10, i == 0 ? 110 : 100, 5)));
        }
        // when
        RunComparison c = comparator.compare(RunSummary.of(a), RunSummary.of(b));
        // then every q-value is at least its p-value, and the smallest p is multiplied by up to 20
        for (MetricComparison m : c.metrics()) {
            assertTrue(m.key() + " p " + m.pValue() + " q " + m.qValue(), m.qValue() >= m.pValue());
        }
        MetricComparison first = c.metric("results.m0").orElseThrow();
        assertTrue(first.qValue() > first.pValue());
    }

    @Test
    public void shouldListMetricsMissingOnOneSideAsUnknown() {
        RunSummary a = run(latency(100));
        RunSummary b = run(Metric.of("results.errors", Unit.COUNT, Direction.LOWER_IS_BETTER, 0));
        RunComparison c = comparator.compare(a, b);
        assertEquals(2, c.metrics().size());
        assertEquals("not in the baseline", c.metric("results.errors").orElseThrow().note());
        assertEquals("not in this run", c.metric("results.latency").orElseThrow().note());
        assertEquals(ChangeVerdict.UNKNOWN, c.metric("results.latency").orElseThrow().verdict());
        assertTrue(c.table().get(0).startsWith("metric"));
    }

    static Metric latency(double... values) {
        return Metric.of("results.latency", Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, values);
    }

    static RunSummary run(Metric... metrics) {
        return RunSummary.of(List.of(metrics));
    }

    static double[] samples(Random random, int n, double mean, double sd) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = mean + sd * random.nextGaussian();
        }
        return v;
    }
}
