package org.genrevamp.model.scratch;

import org.genrevamp.model.bundle.Architecture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ArchitecturesTest {

    /** Float32 softmax rows sum to 1 within this. */
    private static final double SOFTMAX_SUM_TOLERANCE = 1e-5;

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void predictsOneProbabilityRowPerWindow(Architecture architecture) {
        ModelBundle bundle = TinyModels.bundle(architecture);
        float[][] p = bundle.predict(TinyModels.windows(5, TinyModels.FRAMES, 1));
        assertEquals(5, p.length);
        for (float[] row : p) {
            assertEquals(TinyModels.LABELS.size(), row.length);
            double sum = 0;
            for (float v : row) {
                assertTrue(v >= 0 && v <= 1, "probability " + v);
                sum += v;
            }
            assertEquals(1.0, sum, SOFTMAX_SUM_TOLERANCE);
        }
        assertNotEquals(p[0][0], p[1][0], "different windows should give different outputs");
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void sameSeedGivesSameWeightsAndOtherSeedDoesNot(Architecture architecture) {
        ComputationGraph a = Architectures.build(architecture, TinyModels.FRAMES, TinyModels.BANDS, 3, TrainingOptions.defaults());
        ComputationGraph b = Architectures.build(architecture, TinyModels.FRAMES, TinyModels.BANDS, 3, TrainingOptions.defaults());
        ComputationGraph c = Architectures.build(architecture, TinyModels.FRAMES, TinyModels.BANDS, 3,
                TrainingOptions.defaults().withSeed(7));
        assertEquals(a.params(), b.params());
        assertNotEquals(a.params(), c.params());
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void refusesWindowsShorterThanThePoolingStack(Architecture architecture) {
        int tooShort = Architectures.minimumFrames(architecture) - 1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Architectures.build(architecture, tooShort, TinyModels.BANDS, 3, TrainingOptions.defaults()));
        assertTrue(e.getMessage().contains("at least " + Architectures.minimumFrames(architecture) + " frames"), e.getMessage());
    }
}
