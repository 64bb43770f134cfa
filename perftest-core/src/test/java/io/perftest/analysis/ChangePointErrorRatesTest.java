package io.perftest.analysis;

import org.junit.Test;

import java.util.Random;

import static org.junit.Assert.assertTrue;

/** The default detector's false-alarm rate and power on 1,000 seeded synthetic series each. */
public class ChangePointErrorRatesTest {

    private static final int SERIES = 1000;
    private final ChangePointDetector detector = new ChangePointDetector(ChangePointSettings.DEFAULT);

    @Test
    public void shouldRaiseAnAlarmInAtMostOnePercentOfGaussianNoChangeSeries() {
        int alarms = 0;
        for (int k = 0; k < SERIES; k++) {
            if (!detector.changePoints(SyntheticSeries.gaussian(200, new Random(1000 + k))).isEmpty()) {
                alarms++;
            }
        }
        assertTrue("series with a false alarm: " + alarms + " of " + SERIES, alarms <= SERIES / 100);
    }

    @Test
    public void shouldRaiseAnAlarmInAtMostOnePercentOfHeavyTailedNoChangeSeries() {
        int alarms = 0;
        for (int k = 0; k < SERIES; k++) {
            if (!detector.changePoints(SyntheticSeries.heavyTailed(200, new Random(2000 + k))).isEmpty()) {
                alarms++;
            }
        }
        assertTrue("series with a false alarm: " + alarms + " of " + SERIES, alarms <= SERIES / 100);
    }

    @Test
    public void shouldFindAFivePercentStepInTwoPercentNoiseWithinFiveRunsInNinetyFivePercentOfSeries() {
        int found = 0;
        for (int k = 0; k < SERIES; k++) {
            Random random = new Random(5000 + k);
            int step = 50 + random.nextInt(100);
            double[] series = SyntheticSeries.steps(200, new int[] {step}, 0.05, 0.02, random.nextLong());
            for (int index : detector.detect(series).indices()) {
                if (Math.abs(index - step) <= 5) {
                    found++;
                    break;
                }
            }
        }
        assertTrue("steps found: " + found + " of " + SERIES, found >= SERIES * 95 / 100);
    }
}
