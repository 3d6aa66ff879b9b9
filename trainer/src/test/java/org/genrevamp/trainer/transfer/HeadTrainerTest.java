package org.genrevamp.trainer.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.genrevamp.model.transfer.GenreHead;
import org.junit.jupiter.api.Test;

class HeadTrainerTest {

    /** Three Gaussian clusters in 5 dimensions, 1 apart in units of their spread along two axes. */
    private static float[][] clusters(int perClass, int[] labels, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[3 * perClass][5];
        for (int i = 0; i < x.length; i++) {
            labels[i] = i % 3;
            for (int j = 0; j < 5; j++) {
                x[i][j] = (float) (r.nextGaussian() * 0.5 + 100);   // offset: standardisation must handle it
            }
            x[i][0] += labels[i] == 1 ? 2 : 0;
            x[i][1] += labels[i] == 2 ? 2 : 0;
        }
        return x;
    }

    private static double accuracy(GenreHead head, float[][] x, int[] y) {
        int right = 0;
        for (int i = 0; i < x.length; i++) {
            float[] p = head.probabilities(x[i]);
            int best = 0;
            for (int c = 1; c < p.length; c++) {
                best = p[c] > p[best] ? c : best;
            }
            right += best == y[i] ? 1 : 0;
        }
        return right / (double) x.length;
    }

    @Test
    void logisticRegressionAndMlpSeparateHeldOutClusters() {
        int[] y = new int[300];
        float[][] x = clusters(100, y, 1);
        int[] yTest = new int[300];
        float[][] xTest = clusters(100, yTest, 2);
        // Bayes accuracy of these clusters is about 0.95; chance is 1/3
        for (HeadTrainer t : new HeadTrainer[] {new HeadTrainer(0, 0, 1e-3, 200, 0.05, 7),
                new HeadTrainer(32, 0.3, 1e-3, 200, 0.01, 7)}) {
            GenreHead head = t.train(x, y, 3);
            double acc = accuracy(head, xTest, yTest);
            assertTrue(acc > 0.85, t + ": held-out accuracy " + acc);
        }
    }

    @Test
    void sameSeedSameHead() {
        int[] y = new int[60];
        float[][] x = clusters(20, y, 3);
        HeadTrainer t = new HeadTrainer(8, 0.5, 1e-3, 20, 0.01, 11);
        assertArrayEquals(t.train(x, y, 3).outputBias(), t.train(x, y, 3).outputBias());
    }

    @Test
    void standardisationUsesTrainingStatistics() {
        int[] y = new int[30];
        float[][] x = clusters(10, y, 4);
        GenreHead head = new HeadTrainer(0, 0, 0, 1, 0.01, 1).train(x, y, 3);
        double mean = 0;
        for (float[] row : x) {
            mean += row[4] / x.length;
        }
        assertEquals(mean, head.mean()[4], 1e-3);
    }
}
