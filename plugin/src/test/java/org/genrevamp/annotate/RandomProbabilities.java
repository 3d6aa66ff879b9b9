package org.genrevamp.annotate;

import java.util.Random;

/** Seeded random probability sequences for property tests: sticky, like a real classifier's output. */
final class RandomProbabilities {
    private RandomProbabilities() {
    }

    /** {@code [n][genres]} rows that sum to 1; the favoured genre changes with probability 0.2 per window. */
    static float[][] sequence(Random random, int n, int genres) {
        float[][] p = new float[n][genres];
        int favoured = random.nextInt(genres);
        for (int t = 0; t < n; t++) {
            if (random.nextDouble() < 0.2) {
                favoured = random.nextInt(genres);
            }
            double sum = 0;
            double[] raw = new double[genres];
            for (int g = 0; g < genres; g++) {
                raw[g] = -Math.log(1 - random.nextDouble()) * (g == favoured ? 1 + 4 * random.nextDouble() : 1);
                sum += raw[g];
            }
            for (int g = 0; g < genres; g++) {
                p[t][g] = (float) (raw[g] / sum);
            }
        }
        return p;
    }
}
