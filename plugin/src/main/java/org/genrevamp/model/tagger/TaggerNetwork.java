package org.genrevamp.model.tagger;

/**
 * A pretrained music-tagging network (Won et al. 2020), run with ND4J ops in eval mode
 * (BatchNorm with running statistics, no dropout). Input is the raw log-mel of the torchaudio
 * front end ({@code MelConfig.torchaudioTagger()}): 96 HTK bands in dB, before the network's own
 * input BatchNorm ({@code spec_bn}), which the network applies itself.
 */
public interface TaggerNetwork {

    /** {@code "crnn"}, {@code "fcn"} or {@code "musicnn"}. */
    String architecture();

    /** Frames of one forward pass as the network was trained: 1813 (29 s) for crnn/fcn, 188 (3 s) for musicnn. */
    int windowFrames();

    /** Mel bands per frame (96). */
    int melBands();

    /** Length of {@link TaggerOutput#embedding()}. */
    int embeddingSize();

    /** Number of tag outputs (50). */
    int tagCount();

    /**
     * Forward pass over windows.
     *
     * @param windows {@code [n][frames][melBands]} raw log-mel dB, n >= 1, every window the same length;
     *                crnn accepts any length >= the minimum its pooling allows, fcn/musicnn need
     *                {@link #windowFrames()} frames
     * @return one output per window
     * @throws IllegalArgumentException on a wrong shape or non-finite values
     */
    TaggerOutput[] forward(float[][][] windows);
}
