package org.genrevamp.model.scratch;

import org.genrevamp.model.bundle.Architecture;
import org.genrevamp.model.bundle.BundleMetadata;
import org.genrevamp.model.bundle.MelNormaliser;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.genrevamp.dsp.MelConfig;

/** Tiny networks and windows for fast tests: 8 mel bands, 16-frame windows, 3 classes. */
final class TinyModels {

    static final int BANDS = 8;
    static final int FRAMES = 16;
    static final List<String> LABELS = List.of("blues", "jazz", "rock");

    private TinyModels() {
    }

    static MelConfig melConfig() {
        return MelConfig.defaults().withMelBands(BANDS, 0.0, 11025.0, MelConfig.MelScale.SLANEY, MelConfig.MelNorm.SLANEY)
                .withTopDb(Double.POSITIVE_INFINITY);
    }

    /** A normaliser that is not the identity, so a bundle that forgot to apply it would predict differently. */
    static MelNormaliser normaliser() {
        float[] mean = new float[BANDS];
        float[] std = new float[BANDS];
        for (int b = 0; b < BANDS; b++) {
            mean[b] = -40f - 2f * b;
            std[b] = 10f + b;
        }
        return new MelNormaliser(mean, std);
    }

    static BundleMetadata metadata(Architecture architecture) {
        return new BundleMetadata(architecture, melConfig(), LABELS, Map.of("blues", "roots"), FRAMES, normaliser(),
                Map.of("data", "synthetic", "figures", Map.of("accuracy", 0.5)));
    }

    static ComputationGraph network(Architecture architecture) {
        return Architectures.build(architecture, FRAMES, BANDS, LABELS.size(), TrainingOptions.defaults());
    }

    static ModelBundle bundle(Architecture architecture) {
        return ModelBundle.create(network(architecture), metadata(architecture));
    }

    /** {@code n} windows of plausible raw dB values (-80..0), seeded. */
    static float[][][] windows(int n, int frames, long seed) {
        Random random = new Random(seed);
        float[][][] w = new float[n][frames][BANDS];
        for (float[][] window : w) {
            for (float[] frame : window) {
                for (int b = 0; b < BANDS; b++) {
                    frame[b] = -80f * random.nextFloat();
                }
            }
        }
        return w;
    }
}
