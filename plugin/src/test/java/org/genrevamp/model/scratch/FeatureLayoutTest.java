package org.genrevamp.model.scratch;

import org.genrevamp.model.bundle.Architecture;
import org.genrevamp.model.bundle.MelNormaliser;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;

/** Layout and normalisation of network inputs, and the normaliser fit, on hand-checkable values. */
class FeatureLayoutTest {

    /** Float32 rounding of values of order 100. */
    private static final double FLOAT_TOLERANCE = 1e-5;

    /** window i, frame t, band b holds 100 i + 10 t + b: every position is recognisable after the layout. */
    private static float[][][] numbered(int n, int frames, int bands) {
        float[][][] w = new float[n][frames][bands];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < frames; t++) {
                for (int b = 0; b < bands; b++) {
                    w[i][t][b] = 100 * i + 10 * t + b;
                }
            }
        }
        return w;
    }

    @Test
    void sequenceInputIsNcwWithTheNormaliserApplied() {
        MelNormaliser norm = new MelNormaliser(new float[] {1, 2, 3}, new float[] {2, 4, 8});
        INDArray[] in = FeatureLayout.inputs(Architecture.CNN, numbered(2, 4, 3), norm);
        assertEquals(1, in.length);
        assertArrayEquals(new long[] {2, 3, 4}, in[0].shape());
        // window 1, band 2, frame 3: (100 + 30 + 2 - 3) / 8
        assertEquals((132 - 3) / 8.0, in[0].getDouble(1, 2, 3), FLOAT_TOLERANCE);
        assertEquals((0 - 1) / 2.0, in[0].getDouble(0, 0, 0), FLOAT_TOLERANCE);
    }

    @Test
    void parallelAlsoGetsTheSameValuesAsAOneChannelImage() {
        INDArray[] in = FeatureLayout.inputs(Architecture.PARALLEL, numbered(2, 4, 3), MelNormaliser.identity(3));
        assertEquals(FeatureLayout.inputNames(Architecture.PARALLEL).size(), in.length);
        assertArrayEquals(new long[] {2, 1, 3, 4}, in[1].shape());
        assertEquals(in[0].reshape(2, 1, 3, 4), in[1]);
        assertEquals(132.0, in[1].getDouble(1, 0, 2, 3), FLOAT_TOLERANCE);
    }

    @Test
    void dataSetHasOneHotLabels() {
        MultiDataSet ds = FeatureLayout.dataSet(Architecture.CNN, numbered(3, 4, 3), new int[] {2, 0, 1}, 3,
                MelNormaliser.identity(3));
        assertArrayEquals(new float[] {0, 0, 1}, ds.getLabels(0).getRow(0).toFloatVector());
        assertArrayEquals(new float[] {0, 1, 0}, ds.getLabels(0).getRow(2).toFloatVector());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeatureLayout.dataSet(
                Architecture.CNN, numbered(1, 4, 3), new int[] {3}, 3, MelNormaliser.identity(3)));
        assertTrue(e.getMessage().contains("label 3 of window 0 is outside [0, 3)"), e.getMessage());
    }

    @Test
    void refusesRaggedWindowsAndBandMismatch() {
        float[][][] ragged = numbered(2, 4, 3);
        ragged[1] = new float[3][3];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FeatureLayout.inputs(Architecture.CNN, ragged, MelNormaliser.identity(3)));
        assertTrue(e.getMessage().contains("window 1 has 3 frames, window 0 has 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> FeatureLayout.inputs(Architecture.CNN, numbered(1, 4, 3), MelNormaliser.identity(5)));
        assertTrue(e.getMessage().contains("has 3 bands, the normaliser has 5"), e.getMessage());
    }

    @Test
    void normaliserFitsPopulationMeanAndStdAndFloorsConstantBands() {
        MelNormaliser.Accumulator acc = MelNormaliser.accumulator(2);
        // band 0: -10, -20, -30, -40 -> mean -25, population std sqrt(125); band 1: constant -100
        for (float v : new float[] {-10, -20, -30, -40}) {
            acc.add(new float[] {v, -100});
        }
        MelNormaliser n = acc.result();
        assertEquals(4, acc.count());
        assertEquals(-25.0, n.mean()[0], FLOAT_TOLERANCE);
        assertEquals(Math.sqrt(125), n.std()[0], FLOAT_TOLERANCE);
        assertEquals(-100.0, n.mean()[1], FLOAT_TOLERANCE);
        assertEquals(MelNormaliser.MIN_STD_DB, n.std()[1], 1e-9);
        assertThrows(IllegalStateException.class, () -> MelNormaliser.accumulator(2).result());
        assertThrows(IllegalArgumentException.class, () -> acc.add(new float[] {Float.NaN, 0}));
    }
}
