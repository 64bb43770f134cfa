package io.perftest.analysis;

import java.util.Random;

/** Seeded synthetic series for the detector's statistical tests. */
final class SyntheticSeries {

    private SyntheticSeries() {
    }

    /** Level 100, multiplied by {@code 1 + step} at each of {@code steps}, with Gaussian noise of {@code noise} relative to the level. */
    static double[] steps(int n, int[] steps, double step, double noise, long seed) {
        Random random = new Random(seed);
        double[] x = new double[n];
        double level = 100;
        int next = 0;
        for (int i = 0; i < n; i++) {
            if (next < steps.length && i == steps[next]) {
                level *= 1 + step;
                next++;
            }
            x[i] = level * (1 + noise * random.nextGaussian());
        }
        return x;
    }

    /** Level 100 with Gaussian noise of standard deviation 2. */
    static double[] gaussian(int n, Random random) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 100 + 2 * random.nextGaussian();
        }
        return x;
    }

    /** Level 100 with Student-t noise of 3 degrees of freedom (heavy tails, infinite kurtosis), scale 2. */
    static double[] heavyTailed(int n, Random random) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double chi2 = 0;
            for (int k = 0; k < 3; k++) {
                double g = random.nextGaussian();
                chi2 += g * g;
            }
            x[i] = 100 + 2 * random.nextGaussian() / Math.sqrt(chi2 / 3);
        }
        return x;
    }
}
