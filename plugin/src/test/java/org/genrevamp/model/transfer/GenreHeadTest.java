package org.genrevamp.model.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GenreHeadTest {

    /** Float rounding of a softmax over a handful of classes. */
    static final double SUM_TOLERANCE = 1e-6;

    @Test
    void linearHeadIsStandardisedSoftmaxOfAffineMap() {
        // features (3, 5) standardised with mean (1, 1), std (2, 4) -> (1, 1); logits (1+1, -1) = (2, -1)
        GenreHead head = new GenreHead(new float[] {1, 1}, new float[] {2, 4}, null, null,
                new float[][] {{1, 1}, {-1, 0}}, new float[] {0, 0});
        float[] p = head.probabilities(new float[] {3, 5});
        double e = Math.exp(3);   // p0 / p1 = exp(2 - (-1))
        assertArrayEquals(new float[] {(float) (e / (1 + e)), (float) (1 / (1 + e))}, p, 1e-6f);
    }

    @Test
    void hiddenLayerAppliesRelu() {
        // hidden = relu((x) * [1, -1]) with x = 2 -> (2, 0); logits = (hidden0, hidden1) = (2, 0)
        GenreHead head = new GenreHead(new float[] {0}, new float[] {1}, new float[][] {{1}, {-1}}, new float[] {0, 0},
                new float[][] {{1, 0}, {0, 1}}, new float[] {0, 0});
        float[] p = head.probabilities(new float[] {2});
        assertEquals(Math.exp(2) / (Math.exp(2) + 1), p[0], 1e-6);
        assertEquals(1, p[0] + p[1], SUM_TOLERANCE);
        assertEquals(2, head.hiddenSize());
    }

    @Test
    void softmaxIsStableForLargeLogits() {
        float[] p = GenreHead.softmax(new float[] {1000, 999, -1000});
        assertTrue(Float.isFinite(p[0]) && p[0] > p[1] && p[2] == 0f);
        assertEquals(1, p[0] + p[1] + p[2], SUM_TOLERANCE);
    }

    @Test
    void refusesInconsistentShapes() {
        assertThrows(IllegalArgumentException.class, () -> new GenreHead(new float[] {0, 0}, new float[] {1, 1}, null, null,
                new float[][] {{1}, {1}}, new float[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> new GenreHead(new float[] {0}, new float[] {0}, null, null,
                new float[][] {{1}, {1}}, new float[] {0, 0}));
        GenreHead ok = new GenreHead(new float[] {0}, new float[] {1}, null, null, new float[][] {{1}, {1}}, new float[] {0, 0});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ok.probabilities(new float[] {1, 2}));
        assertTrue(e.getMessage().contains("features must have 1 values"), e.getMessage());
    }
}
