package org.genrevamp.model.tagger;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the three taggers share: the description {@link TaggerNetwork} asks for, the input
 * ({@code spec_bn} and its checks), and {@link #forward}'s loop over a batch. Windows run one at a
 * time: the first convolution's output dominates memory (tens of MB per 29 s window).
 */
abstract class TaggerBase implements TaggerNetwork {

    private final String architecture;
    private final int windowFrames;
    private final boolean fixedLength;
    private final int embeddingSize;
    private final int tagCount;
    /** The network's input BatchNorm and input checks. */
    final SpectrogramInput input;

    /**
     * @param fixedLength whether {@link #forward} needs exactly {@code windowFrames} frames per window;
     *                    otherwise any length the network accepts, the same for a whole batch
     */
    TaggerBase(String architecture, int windowFrames, boolean fixedLength, SpectrogramInput input,
               int embeddingSize, int tagCount) {
        this.architecture = architecture;
        this.windowFrames = windowFrames;
        this.fixedLength = fixedLength;
        this.input = input;
        this.embeddingSize = embeddingSize;
        this.tagCount = tagCount;
    }

    @Override
    public final String architecture() {
        return architecture;
    }

    @Override
    public final int windowFrames() {
        return windowFrames;
    }

    @Override
    public final int melBands() {
        return input.bands();
    }

    @Override
    public final int embeddingSize() {
        return embeddingSize;
    }

    @Override
    public final int tagCount() {
        return tagCount;
    }

    @Override
    public final TaggerOutput[] forward(float[][][] windows) {
        input.checkBatch(windows, fixedLength ? windowFrames : 0);
        TaggerOutput[] out = new TaggerOutput[windows.length];
        for (int n = 0; n < windows.length; n++) {
            out[n] = forwardWindow(windows[n]);
        }
        return out;
    }

    /** One window, already checked to have the right number of frames (bands and values are not yet checked). */
    abstract TaggerOutput forwardWindow(float[][] window);

    /** The output of a batch of one: {@code embedding} [1][E] and {@code tags} [1][K]. */
    static TaggerOutput output(INDArray embedding, INDArray tags) {
        return new TaggerOutput(embedding.getRow(0).dup().toFloatVector(), tags.getRow(0).dup().toFloatVector());
    }

    /**
     * Frees the arrays' native buffers now. An INDArray that is merely dropped keeps its buffer until a
     * GC collects it, and the small Java objects of a stream's intermediates trigger few GCs: the
     * default model's garbage buffers once held ~250 MB. Views (and arrays already closed) are skipped.
     */
    static void free(INDArray... arrays) {
        for (INDArray a : arrays) {
            if (a != null) {
                a.close();
            }
        }
    }
}
