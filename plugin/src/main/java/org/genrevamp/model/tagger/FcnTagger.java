package org.genrevamp.model.tagger;

import java.util.Arrays;
import java.util.Map;

import org.genrevamp.model.runtime.Nd4jThreads;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
 * <p><b>Trunk and tail.</b> For streaming ({@link ConvStream}) the network is also exposed as a
 * <i>trunk</i>, blocks 1–3 ({@link #trunkSteps}: one step of {@link #trunkStepSize()} = 128 channels ×
 * 12 mel values per {@value #TRUNK_STRIDE} frames), and a <i>tail</i>, blocks 4–5, the dense layer and
 * the sigmoid over {@value #TAIL_STEPS} consecutive trunk steps ({@link #tail}).
 * {@code forward(window) == tail(trunkSteps(window), 0)}: it is computed that way. The tail is itself
 * split at block 4's pooling ({@link #tailColumns}, {@link #tailFromColumns}) so that overlapping
 * streamed windows can share block 4's convolution.
 *
 * <p>Thread-safe after construction (it holds only immutable weights).
 */
public final class FcnTagger extends TaggerBase {

    /** 29 s of 16 kHz audio at hop 256: 1 + 464000 / 256 frames. */
    public static final int WINDOW_FRAMES = 1813;
    public static final int MEL_BANDS = 96;

    /** Frames per trunk step: the product of blocks 1–3's time poolings 4·4·4. */
    public static final int TRUNK_STRIDE = 64;
    /**
     * Frames a trunk step reads beyond its own 64 on either side. Block l's 3-wide convolution reaches
     * one position of its input on each side, and one input position of block l is the product c of the
     * earlier time poolings in frames; so the reach is 1·1 + 1·4 + 1·16 = 21 frames: step j reads frames
     * [64j − 21, 64j + 84].
     */
    public static final int TRUNK_HALF_WIDTH = 21;
    /** The streaming halo: the smallest multiple of {@link #TRUNK_STRIDE} >= {@link #TRUNK_HALF_WIDTH}. */
    public static final int TRUNK_HALO = TRUNK_STRIDE;
    /** Trunk steps of a {@link #WINDOW_FRAMES} window: 1813 → 453 → 113 → 28. */
    public static final int TAIL_STEPS = 28;
    /** Block-4 columns the tail's (3, 5) pooling reads: floor(28 / 5) · 5; the last 3 are dropped. */
    public static final int TAIL_COLUMNS = TAIL_STEPS / 5 * 5;

    private static final String NAME = "FCN";
    private static final int TRUNK_BLOCKS = 3;
    /** Mel values per channel after the trunk: 96 / (2·2·2). */
    private static final int TRUNK_BANDS = 12;
    /** Max-pooling (height = mel, width = time) after each block, as in the original model. */
    private static final int[][] POOLING = {{2, 4}, {2, 4}, {2, 4}, {3, 5}, {4, 4}};

    private final ConvBlock[] blocks;
    private final ConvBlock block4; // block 4 without its pooling: columns shared by streamed windows
    private final Linear dense;

    private FcnTagger(SpectrogramInput input, ConvBlock[] blocks, Linear dense) {
        // the last block leaves 1 × 1 per channel, so the flattened embedding has one value per channel
        super("fcn", WINDOW_FRAMES, true, input, blocks[blocks.length - 1].outChannels(), dense.outFeatures());
        this.blocks = blocks;
        this.block4 = blocks[TRUNK_BLOCKS].pooled(1, 1);
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
        return tail(trunkSteps(window, 0, window.length), 0);
    }

    /** Values per trunk step: block 3's channels × {@value #TRUNK_BANDS} mel values (1536). */
    public int trunkStepSize() {
        return blocks[TRUNK_BLOCKS - 1].outChannels() * TRUNK_BANDS;
    }

    /**
     * Blocks 1–3 over frames {@code [from, to)} of {@code frames}, zero-padded at the range's ends as if it
     * were the whole input.
     *
     * @param frames raw log-mel dB, at least {@value #TRUNK_STRIDE} frames in the range, finite
     * @return {@code [floor((to − from) / 64)][trunkStepSize()]}, step t as {@code [channel · 12 + band]}
     */
    public float[][] trunkSteps(float[][] frames, int from, int to) {
        if (from < 0 || to > frames.length || to - from < TRUNK_STRIDE) {
            throw new IllegalArgumentException("FcnTagger: the trunk needs at least " + TRUNK_STRIDE
                    + " frames, got range [" + from + ", " + to + ") of " + frames.length);
        }
        Nd4jThreads.prepare();
        INDArray x = input.normalise(frames, from, to);
        for (int i = 0; i < TRUNK_BLOCKS; i++) {
            INDArray next = blocks[i].apply(x);
            x.close();
            x = next;
        }
        return fromNchw(x); // [1, C, 12, T'] → steps[t][c·12 + h]
    }

    /**
     * Blocks 4–5, the dense layer and the sigmoid over trunk steps {@code [from, from + 28)}, the tail
     * zero-padded around them as the network pads a lone window's. Computed as
     * {@link #tailColumns} of the 28 steps alone, then {@link #tailFromColumns} of the first 25.
     *
     * @param steps trunk steps of {@link #trunkStepSize()} values
     */
    public TaggerOutput tail(float[][] steps, int from) {
        if (from < 0 || from + TAIL_STEPS > steps.length) {
            throw new IllegalArgumentException("FcnTagger: the tail needs " + TAIL_STEPS + " steps from " + from
                    + ", have " + steps.length);
        }
        float[][] window = Arrays.copyOfRange(steps, from, from + TAIL_STEPS);
        return tailFromColumns(tailColumns(window, 0, TAIL_COLUMNS));
    }

    /**
     * Block 4's convolution and ReLU, before its pooling, at trunk steps {@code [from, to)} of
     * {@code steps}: column j reads steps j − 1, j, j + 1, zeros beyond the array. Overlapping streamed
     * windows share these columns: a window's columns 1..24 read only its own steps (column 0 reads the
     * step before the window, where the lone window has zeros, and columns 25..27 are dropped by the
     * pooling's floor).
     *
     * @return {@code [to − from][trunkStepSize()]}
     */
    public float[][] tailColumns(float[][] steps, int from, int to) {
        if (from < 0 || to > steps.length || from >= to) {
            throw new IllegalArgumentException("FcnTagger: bad step range [" + from + ", " + to + ") of "
                    + steps.length);
        }
        int lo = Math.max(0, from - 1);
        int hi = Math.min(steps.length, to + 1);
        float[][] out = fromNchw(block4.apply(toNchw(steps, lo, hi)));
        return Arrays.copyOfRange(out, from - lo, to - lo);
    }

    /**
     * The rest of the tail from a window's first {@value #TAIL_COLUMNS} block-4 columns (column 0 computed
     * with zeros before the window): block 4's (3, 5) max pooling, block 5, the dense layer, the sigmoid.
     */
    public TaggerOutput tailFromColumns(float[][] columns) {
        if (columns.length != TAIL_COLUMNS) {
            throw new IllegalArgumentException("FcnTagger: need " + TAIL_COLUMNS + " block-4 columns, got "
                    + columns.length);
        }
        int channels = blocks[TRUNK_BLOCKS].outChannels();
        int bands = TRUNK_BANDS / POOLING[TRUNK_BLOCKS][0];
        int times = TAIL_COLUMNS / POOLING[TRUNK_BLOCKS][1];
        int poolH = POOLING[TRUNK_BLOCKS][0];
        int poolW = POOLING[TRUNK_BLOCKS][1];
        float[] pooled = new float[channels * bands * times];
        for (int c = 0; c < channels; c++) {
            for (int b = 0; b < bands; b++) {
                for (int t = 0; t < times; t++) {
                    float max = Float.NEGATIVE_INFINITY;
                    for (int dh = 0; dh < poolH; dh++) {
                        for (int dw = 0; dw < poolW; dw++) {
                            max = Math.max(max, columns[t * poolW + dw][c * TRUNK_BANDS + b * poolH + dh]);
                        }
                    }
                    pooled[(c * bands + b) * times + t] = max;
                }
            }
        }
        Nd4jThreads.prepare();
        INDArray x = Nd4j.create(pooled, new long[] {1, channels, bands, times}, 'c');
        INDArray y = blocks[blocks.length - 1].apply(x);
        x.close();
        INDArray embedding = y.reshape(1, y.length());
        return output(embedding, Transforms.sigmoid(dense.apply(embedding), false));
    }

    /** Steps [from, to) as NCHW {@code [1, channels, 12, to − from]}. */
    private INDArray toNchw(float[][] steps, int from, int to) {
        int size = trunkStepSize();
        int n = to - from;
        float[] data = new float[size * n];
        for (int t = 0; t < n; t++) {
            float[] step = steps[from + t];
            if (step.length != size) {
                throw new IllegalArgumentException("FcnTagger: trunk step has " + step.length + " values, expected "
                        + size);
            }
            for (int j = 0; j < size; j++) {
                data[j * n + t] = step[j];
            }
        }
        Nd4jThreads.prepare();
        return Nd4j.create(data, new long[] {1, size / TRUNK_BANDS, TRUNK_BANDS, n}, 'c');
    }

    /** NCHW {@code [1, C, H, T]} (closed here) as T steps of {@code [c · H + h]}. */
    private static float[][] fromNchw(INDArray x) {
        int steps = (int) x.size(3);
        int size = (int) (x.size(1) * x.size(2));
        float[] flat = x.dup('c').data().asFloat();
        x.close();
        float[][] out = new float[steps][size];
        for (int j = 0; j < size; j++) {
            for (int t = 0; t < steps; t++) {
                out[t][j] = flat[j * steps + t];
            }
        }
        return out;
    }
}
