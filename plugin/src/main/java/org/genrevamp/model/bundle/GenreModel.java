package org.genrevamp.model.bundle;

import java.util.List;
import java.util.Map;
import org.genrevamp.dsp.MelConfig;

/**
 * What the plugin and the trainer's {@code evaluate} need of any genre model: how to compute its
 * input (a {@link MelConfig} and a window length) and genre probabilities for windows of log-mel
 * frames. Two kinds implement it: {@code ModelBundle} (a network trained from scratch) and
 * {@code TransferModel} (pretrained tagger backbones with a genre head). {@code GenreModels.load}
 * reads either from a bundle file.
 */
public interface GenreModel {

    /** Class names in output order. */
    List<String> labels();

    /** The spectrogram the model takes (topDb = +Inf: models see MelStream frames). */
    MelConfig melConfig();

    /** Frames per input window. */
    int windowFrames();

    /** Window length in seconds ({@code windowFrames} hops at the reference rate). */
    default double windowSeconds() {
        return windowFrames() * melConfig().hopSeconds();
    }

    /** Short name of the model family, e.g. {@code cnn} or {@code transfer:msd/crnn}. */
    String architecture();

    /** The model card: data, split, figures (JSON-compatible values). */
    Map<String, Object> card();

    /**
     * Genre probabilities of each window.
     *
     * @param windows {@code [n][windowFrames][melBands]} raw MelStream log-mel frames in dB, n >= 1, all finite
     * @return {@code [n][labels().size()]} probabilities, each row summing to 1 within float rounding
     * @throws IllegalArgumentException on windows of the wrong shape or with non-finite values
     */
    float[][] predict(float[][][] windows);
}
