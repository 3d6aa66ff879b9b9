package org.genrevamp.annotate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CompactFramesTest {

    /** Rounding to {@link CompactFrames#STEP_DB} steps: at most half a step off. */
    private static final double QUANTISATION_DB = CompactFrames.STEP_DB / 2 + 1e-4;

    @Test
    void framesComeBackWithinHalfAStepAcrossChunks() {
        Random random = new Random(3);
        CompactFrames store = new CompactFrames(96);
        float[][] frames = new float[5000][96];   // more than one 4096-frame chunk
        for (float[] f : frames) {
            for (int b = 0; b < f.length; b++) {
                f[b] = (float) (-20 - 60 * random.nextDouble());
            }
            store.add(f);
        }
        assertEquals(5000, store.size());
        for (int i : new int[] {0, 4095, 4096, 4999}) {
            float[] back = store.frame(i);
            for (int b = 0; b < 96; b++) {
                assertEquals(frames[i][b], back[b], QUANTISATION_DB, "frame " + i + " band " + b);
            }
        }
    }

    @Test
    void bandsFarBelowTheLoudestAreClippedToTheRange() {
        CompactFrames store = new CompactFrames(2);
        store.add(new float[] {10, -500});
        assertArrayEquals(new float[] {10, 10 - CompactFrames.RANGE_DB}, store.frame(0), 1e-4f);
    }

    @Test
    void loopedRepeatsTheRangeOrCutsIt() {
        CompactFrames store = new CompactFrames(1);
        for (int i = 0; i < 10; i++) {
            store.add(new float[] {i});
        }
        float[][] looped = store.looped(4, 7, 8);
        float[] values = new float[8];
        for (int t = 0; t < 8; t++) {
            values[t] = looped[t][0];
        }
        assertArrayEquals(new float[] {4, 5, 6, 4, 5, 6, 4, 5}, values, 1e-4f);
        assertSame(looped[0], looped[3], "a repeat shares the decoded frame");
        assertEquals(2, store.looped(0, 10, 2).length);
    }
}
