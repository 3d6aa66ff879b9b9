package org.genrevamp.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.genrevamp.model.transfer.Backbones;
import org.genrevamp.model.transfer.GenreHead;
import org.genrevamp.model.transfer.TransferModel;

/**
 * Transfer models for tests: the real pretrained msd/crnn from the shared data (skipped when absent)
 * with a seeded RANDOM linear head. Predictions are arbitrary but deterministic: tests may check
 * plumbing, timing and equality between paths, never which genre comes out.
 */
public final class TestTransferModels {

    public static final List<String> LABELS = List.of("jazz", "metal", "reggae");

    private TestTransferModels() {
    }

    /** msd/crnn (embedding and tags) with a random head over {@link #LABELS}. */
    public static TransferModel crnnWithRandomHead() throws Exception {
        Path pth = SharedData.require("pretrained/msd/crnn/best_model.pth");
        Backbones backbones = new Backbones(List.of(Backbones.read("msd/crnn", Files.readAllBytes(pth), pth.toString())),
                Backbones.Features.BOTH);
        return new TransferModel(backbones, randomHead(backbones.featureSize(), LABELS.size(), 1), LABELS,
                Map.of("split", "test", "pretrainedLicence", "MIT test notice"));
    }

    /** A seeded random linear head. */
    public static GenreHead randomHead(int features, int classes, long seed) {
        Random r = new Random(seed);
        float[] mean = new float[features];
        float[] std = new float[features];
        float[][] w = new float[classes][features];
        for (int j = 0; j < features; j++) {
            mean[j] = (float) r.nextGaussian() * 0.1f;
            std[j] = 0.5f + r.nextFloat();
            for (int c = 0; c < classes; c++) {
                w[c][j] = (float) r.nextGaussian();
            }
        }
        return new GenreHead(mean, std, null, null, w, new float[classes]);
    }
}
