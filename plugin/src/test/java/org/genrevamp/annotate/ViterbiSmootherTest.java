package org.genrevamp.annotate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ViterbiSmootherTest {
    private static final float[] A = {0.9f, 0.1f};
    private static final float[] B = {0.2f, 0.8f};

    @Test
    void penaltyZeroIsThePerWindowArgmax() {
        Random random = new Random(11);
        for (int trial = 0; trial < 300; trial++) {
            int genres = 1 + random.nextInt(8);
            float[][] p = RandomProbabilities.sequence(random, 1 + random.nextInt(50), genres);
            int[] argmax = new int[p.length];
            for (int t = 0; t < p.length; t++) {
                argmax[t] = Probabilities.argmax(p[t]);
            }
            assertArrayEquals(argmax, ViterbiSmoother.decode(p, 0.0), "trial " + trial);
        }
    }

    @Test
    void aOneWindowBlipGoesWhenTwoSwitchesCostMoreThanItsLogRatio() {
        // the blip favours genre 1 by log(0.8/0.2) = log 4 = 1.386 nats; leaving and returning costs 2 * penalty
        float[][] p = {A, A, A, B, A, A, A};
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 0}, ViterbiSmoother.decode(p, 0.75)); // 1.5 > 1.386
        assertArrayEquals(new int[] {0, 0, 0, 1, 0, 0, 0}, ViterbiSmoother.decode(p, 0.65)); // 1.3 < 1.386
    }

    @Test
    void aSustainedChangeIsKept() {
        // switching for the last four windows gains 4 * log(0.8/0.2) = 5.545 nats (any other switch point gains
        // less): one switch of 3 nats is worth it, one of 6 nats is not
        float[][] p = {A, A, A, A, B, B, B, B};
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1, 1}, ViterbiSmoother.decode(p, 3.0));
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 0, 0}, ViterbiSmoother.decode(p, 6.0));
    }

    @Test
    void refusesBadPenaltiesAndProbabilities() {
        float[][] p = {A, B};
        assertThrows(IllegalArgumentException.class, () -> ViterbiSmoother.decode(p, -1));
        assertThrows(IllegalArgumentException.class, () -> ViterbiSmoother.decode(p, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> ViterbiSmoother.decode(p, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> ViterbiSmoother.decode(new float[][] {A, {Float.NaN, 1}}, 1));
        assertThrows(IllegalArgumentException.class, () -> ViterbiSmoother.decode(new float[][] {A, {0.5f}}, 1));
    }
}
