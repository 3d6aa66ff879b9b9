package org.genrevamp.model.tagger;

import java.util.Map;

import org.genrevamp.model.Nd4jThreads;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The FCN tagger of Won et al. 2020 ({@code training/model.py}, class {@code FCN}): the input
 * BatchNorm, five blocks of Conv2d 3×3 pad 1 → BatchNorm2d → ReLU → MaxPool2d with poolings
 * (2,4), (2,4), (2,4), (3,5), (4,4), which reduce a 96 × 1813 log-mel (29 s) to 1 × 1, then
 * Linear → sigmoid. The embedding is the flattened output of the last block (64 values for the
 * pretrained weights). Eval mode; every BatchNorm is folded into its convolution at construction.
 * {@link #forward} needs windows of exactly {@link #WINDOW_FRAMES} frames (the 1 × 1 end of the
 * pooling chain depends on it).
 *
 * <p>Thread-safe after construction (it holds only immutable weights).
 */
public final class FcnTagger extends TaggerBase {

    /** 29 s of 16 kHz audio at hop 256: 1 + 464000 / 256 frames. */
    public static final int WINDOW_FRAMES = 1813;
    public static final int MEL_BANDS = 96;

    private static final String NAME = "FCN";
    /** Max-pooling (height = mel, width = time) after each block, as in the original model. */
    private static final int[][] POOLING = {{2, 4}, {2, 4}, {2, 4}, {3, 5}, {4, 4}};

    private final ConvBlock[] blocks;
    private final Linear dense;

    private FcnTagger(SpectrogramInput input, ConvBlock[] blocks, Linear dense) {
        // the last block leaves 1 × 1 per channel, so the flattened embedding has one value per channel
        super("fcn", WINDOW_FRAMES, true, input, blocks[blocks.length - 1].outChannels(), dense.outFeatures());
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
        StateDict sd = new StateDict(NAME, stateDict);
        SpectrogramInput input = SpectrogramInput.fromStateDict(sd, MEL_BANDS);
        ConvBlock[] blocks = new ConvBlock[POOLING.length];
        int channels = 1;
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = ConvBlock.fromStateDict(sd, "layer" + (i + 1), StateDict.ANY, channels, 3, 3)
                    .samePadding().pooled(POOLING[i][0], POOLING[i][1]);
            channels = blocks[i].outChannels();
        }
        return new FcnTagger(input, blocks, Linear.fromStateDict(sd, "dense", channels, null));
    }

    @Override
    TaggerOutput forwardWindow(float[][] window) {
        Nd4jThreads.prepare();
        INDArray x = input.normalise(window, 0, window.length);
        for (ConvBlock block : blocks) {
            x = block.apply(x);
        }
        INDArray embedding = x.reshape(1, x.length());
        return output(embedding, Transforms.sigmoid(dense.apply(embedding), false));
    }
}
