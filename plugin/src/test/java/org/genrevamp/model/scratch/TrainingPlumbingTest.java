package org.genrevamp.model.scratch;

import org.genrevamp.model.bundle.Architecture;
import org.genrevamp.model.bundle.BundleMetadata;
import org.genrevamp.model.bundle.MelNormaliser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * Proves that build -> fit -> bundle -> predict works end to end: every architecture learns a
 * trivially separable two-class problem (energy in the low vs the high mel bands) to 100 %.
 */
class TrainingPlumbingTest {

    private static final int PER_CLASS = 8;
    /** Generous cap: the problem is learnt in a handful of Adam steps; the cap only bounds a failure. */
    private static final int MAX_ITERATIONS = 60;

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void learnsASeparableProblem(Architecture architecture) {
        float[][][] windows = new float[2 * PER_CLASS][][];
        int[] labels = new int[2 * PER_CLASS];
        Random random = new Random(5);
        for (int i = 0; i < windows.length; i++) {
            labels[i] = i % 2;
            windows[i] = window(labels[i] == 0, random);
        }
        MelNormaliser.Accumulator fit = MelNormaliser.accumulator(TinyModels.BANDS);
        for (float[][] w : windows) {
            for (float[] frame : w) {
                fit.add(frame);
            }
        }
        MelNormaliser normaliser = fit.result();
        TrainingOptions options = TrainingOptions.defaults().withUpdater(TrainingOptions.Updater.ADAM, 0.01).withDropout(0);
        ComputationGraph net = Architectures.build(architecture, TinyModels.FRAMES, TinyModels.BANDS, 2, options);
        MultiDataSet batch = FeatureLayout.dataSet(architecture, windows, labels, 2, normaliser);
        ModelBundle bundle = ModelBundle.create(net, new BundleMetadata(architecture, TinyModels.melConfig(),
                List.of("low", "high"), Map.of(), TinyModels.FRAMES, normaliser, Map.of()));
        int iterations = 0;
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true));
        try {
            while (accuracy(bundle.predict(windows), labels) < 1.0 && iterations < MAX_ITERATIONS) {
                net.fit(batch);
                iterations++;
            }
        } finally {
            System.setOut(stdout);
        }
        assertEquals("", printed.toString(), "training and inference must not print to stdout");
        assertEquals(1.0, accuracy(bundle.predict(windows), labels), "after " + iterations + " iterations");
        assertTrue(iterations > 0, "an untrained network should not already separate the classes");
    }

    /** Loud (-10 dB) low or high half of the bands, quiet (-60 dB) other half, +-5 dB noise. */
    private static float[][] window(boolean lowLoud, Random random) {
        float[][] w = new float[TinyModels.FRAMES][TinyModels.BANDS];
        for (float[] frame : w) {
            for (int b = 0; b < frame.length; b++) {
                boolean low = b < frame.length / 2;
                frame[b] = (low == lowLoud ? -10f : -60f) + 10f * (random.nextFloat() - 0.5f);
            }
        }
        return w;
    }

    private static double accuracy(float[][] probabilities, int[] labels) {
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            int best = probabilities[i][0] >= probabilities[i][1] ? 0 : 1;
            right += best == labels[i] ? 1 : 0;
        }
        return right / (double) labels.length;
    }
}
