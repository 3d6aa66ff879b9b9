package org.genrevamp.model.tagger;

import java.util.Map;

import org.genrevamp.model.Nd4jThreads;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The FCN tagger of Won et al. 2020 ({@code training/model.py}, class {@code FCN}): the input
 * BatchNorm, five blocks of Conv2d 3×3 pad 1 → BatchNorm2d → ReLU → MaxPool2d with poolings
 * (2,4), (2,4), (2,4), (3,5), (4,4), which reduce a 96 × 1813 log-mel (29 s) to 1 × 1, then
 * Linear → sigmoid. The embedding is the flattened output of the last block (64 values for the
 * pretrained weights). Eval mode; every BatchNorm is folded into its convolution at construction.
 *
 * <p>Thread-safe after construction (it holds only immutable weights).
 */
public final class FcnTagger implements TaggerNetwork {

    /** 29 s of 16 kHz audio at hop 256: 1 + 464000 / 256 frames. */
    public static final int WINDOW_FRAMES = 1813;
    public static final int MEL_BANDS = 96;

    private static final String NAME = "FCN";
    /** Max-pooling (height = mel, width = time) after each block, as in the original model. */
    private static final int[][] POOLING = {{2, 4}, {2, 4}, {2, 4}, {3, 5}, {4, 4}};

    private final float[] specBn;
    private final TaggerOps.ConvBnRelu[] blocks;
    private final TaggerOps.Linear dense;

    private FcnTagger(float[] specBn, TaggerOps.ConvBnRelu[] blocks, TaggerOps.Linear dense) {
        this.specBn = specBn;
        this.blocks = blocks;
        this.dense = dense;
    }

    /**
     * Builds the network from a state dict with the original key names ({@code spec_bn.*},
     * {@code layer1..5.conv.*}, {@code layer1..5.bn.*}, {@code dense.*}); channel counts are read
     * from the shapes. Other keys (the mel front end's buffers) are ignored.
     *
     * @throws IllegalArgumentException naming the first missing or wrongly shaped tensor
     */
    public static FcnTagger fromStateDict(Map<String, Tensor> stateDict) {
        Nd4jThreads.prepare();
        float[] specBn = TaggerOps.specBn(stateDict, NAME);
        TaggerOps.ConvBnRelu[] blocks = new TaggerOps.ConvBnRelu[POOLING.length];
        int channels = 1;
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = TaggerOps.ConvBnRelu.fold(stateDict, NAME, "layer" + (i + 1), channels, 3, 3, 1, 1, false);
            channels = blocks[i].outChannels();
        }
        // the last block leaves 1 × 1 per channel, so the flattened embedding has `channels` values
        TaggerOps.Linear dense = TaggerOps.Linear.fold(stateDict, NAME, "dense", channels, null);
        return new FcnTagger(specBn, blocks, dense);
    }

    @Override
    public String architecture() {
        return "fcn";
    }

    @Override
    public int windowFrames() {
        return WINDOW_FRAMES;
    }

    @Override
    public int melBands() {
        return MEL_BANDS;
    }

    @Override
    public int embeddingSize() {
        return blocks[blocks.length - 1].outChannels();
    }

    @Override
    public int tagCount() {
        return dense.outFeatures();
    }

    /**
     * {@inheritDoc} Windows must have exactly {@link #WINDOW_FRAMES} frames of {@link #MEL_BANDS}
     * bands (the 1 × 1 end of the pooling chain depends on it). Windows run one at a time, which
     * bounds memory (the first block's output alone is ~45 MB per window).
     */
    @Override
    public TaggerOutput[] forward(float[][][] windows) {
        Nd4jThreads.prepare();
        INDArray input = TaggerOps.spectrogramInput(NAME, windows, WINDOW_FRAMES, MEL_BANDS, specBn[0], specBn[1]);
        TaggerOutput[] out = new TaggerOutput[windows.length];
        for (int n = 0; n < windows.length; n++) {
            INDArray x = input.get(NDArrayIndex.interval(n, n + 1)).dup();
            for (int i = 0; i < blocks.length; i++) {
                x = TaggerOps.maxPool(blocks[i].apply(x), POOLING[i][0], POOLING[i][1]);
            }
            INDArray embedding = x.reshape(1, x.length());
            INDArray tags = Transforms.sigmoid(dense.apply(embedding), false);
            out[n] = new TaggerOutput(TaggerOps.row(embedding, 0), TaggerOps.row(tags, 0));
        }
        return out;
    }
}
