package org.genrevamp.model.tagger;

import java.util.Map;

import org.genrevamp.model.runtime.Nd4jThreads;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The Musicnn tagger of Won et al. 2020 ({@code training/model.py}, class {@code Musicnn},
 * after Pons et al.): the input BatchNorm, then
 * <ul>
 *   <li>front end: two "vertical" Conv2d (frequency × 7, time padding 3) → BN → ReLU → max over the
 *       remaining frequency axis (204 channels each), and three "horizontal" branches: mean over all
 *       frequencies → Conv1d (129, 65, 33, padding k/2) → BN → ReLU (51 channels each); 561 × T;</li>
 *   <li>back end: three Conv1d(7, pad 3) → BN → ReLU layers of C channels, the 2nd and 3rd residual;
 *       the front end and the three outputs concatenated (561 + 3C), max and mean over time,
 *       Linear → BatchNorm1d → ReLU (the embedding, D values) → Linear → sigmoid.</li>
 * </ul>
 * C and D are read from the weights (64 and 200 for the jamendo and mtat models). Eval mode;
 * every BatchNorm is folded into the layer before it at construction. {@link #forward} needs windows
 * of exactly {@link #WINDOW_FRAMES} frames.
 *
 * <p>The front end pools nothing over time, so it is shift-equivariant: {@link #frontEnd} can run
 * once over a long frame stream and {@link #backEnd} on slices of it. A slice differs from the
 * front end of the same frames computed alone only within {@link #FRONT_END_HALF_WIDTH} frames of
 * its edges (where the window alone sees zero padding and the stream sees real neighbours).
 *
 * <p>Thread-safe after construction (it holds only immutable weights).
 */
public final class MusicnnTagger extends TaggerBase {

    /** 3 s of 16 kHz audio at hop 256: 1 + 48000 / 256 frames. */
    public static final int WINDOW_FRAMES = 188;
    public static final int MEL_BANDS = 96;
    /** Front-end output channels: 2 × 204 + 3 × 51. */
    public static final int FRONT_END_CHANNELS = 561;
    /** Half the longest front-end kernel (129 frames): how far a window edge reaches into the front end. */
    public static final int FRONT_END_HALF_WIDTH = 64;

    private static final String NAME = "Musicnn";
    private static final int VERTICAL = 2;
    private static final int HORIZONTAL = 3;
    /**
     * Frames per chunk of the vertical convolutions. Their im2col buffer grows with the length
     * (~100 MB for 29 s), and past the caches the cost per frame more than doubles; chunks of
     * this size keep a long stream at the cost per frame of a single window (128 measured best of
     * 64-512: 29 s in ~0.7-0.9 s of one core, against ~1.9 s unchunked).
     */
    private static final int CHUNK_FRAMES = 128;

    private final ConvBlock[] vertical;
    private final ConvBlock[] horizontal;
    private final ConvBlock[] backEnd;
    private final Linear dense1;
    private final Linear dense2;

    private MusicnnTagger(SpectrogramInput input, ConvBlock[] vertical, ConvBlock[] horizontal, ConvBlock[] backEnd,
                          Linear dense1, Linear dense2) {
        super("musicnn", WINDOW_FRAMES, true, input, dense1.outFeatures(), dense2.outFeatures());
        this.vertical = vertical;
        this.horizontal = horizontal;
        this.backEnd = backEnd;
        this.dense1 = dense1;
        this.dense2 = dense2;
    }

    /**
     * Builds the network from a state dict with the original key names ({@code spec_bn.*},
     * {@code layers.0..4.{conv,bn}.*}, {@code layer1..3.{conv,bn}.*}, {@code dense1.*},
     * {@code bn.*}, {@code dense2.*}); kernel sizes and channel counts are read from the shapes,
     * and must add up to {@link #FRONT_END_CHANNELS}. Other keys are ignored.
     *
     * @throws IllegalArgumentException naming the first missing or inconsistent tensor
     */
    public static MusicnnTagger fromStateDict(Map<String, Tensor> stateDict) {
        Nd4jThreads.prepare();
        StateDict sd = new StateDict(NAME, stateDict);
        SpectrogramInput input = SpectrogramInput.fromStateDict(sd, MEL_BANDS);
        int frontChannels = 0;
        ConvBlock[] vertical = new ConvBlock[VERTICAL];
        for (int i = 0; i < VERTICAL; i++) {
            // no padding in the op: frontEnd pads the time axis itself, once, then runs time chunks
            vertical[i] = ConvBlock.fromStateDict(sd, "layers." + i, StateDict.ANY, 1, StateDict.ANY, StateDict.ANY);
            if (vertical[i].kernelHeight() > MEL_BANDS || vertical[i].kernelWidth() % 2 == 0) {
                throw sd.invalid("tensor 'layers." + i + ".conv.weight' needs a kernel of at most " + MEL_BANDS
                        + " bands and an odd width, has " + vertical[i].kernelHeight() + " × "
                        + vertical[i].kernelWidth());
            }
            frontChannels += vertical[i].outChannels();
        }
        ConvBlock[] horizontal = new ConvBlock[HORIZONTAL];
        for (int i = 0; i < HORIZONTAL; i++) {
            String prefix = "layers." + (VERTICAL + i);
            horizontal[i] = ConvBlock.fromStateDict(sd, prefix, StateDict.ANY, 1, StateDict.ANY).samePadding();
            int k = horizontal[i].kernelWidth();
            if (k % 2 == 0 || k / 2 > FRONT_END_HALF_WIDTH) {
                throw sd.invalid("tensor '" + prefix + ".conv.weight' needs an odd kernel of at most "
                        + (2 * FRONT_END_HALF_WIDTH + 1) + " frames, has " + k);
            }
            frontChannels += horizontal[i].outChannels();
        }
        if (frontChannels != FRONT_END_CHANNELS) {
            throw sd.invalid("front-end branches have " + frontChannels + " channels in all, expected "
                    + FRONT_END_CHANNELS);
        }
        ConvBlock[] back = new ConvBlock[3];
        int channels = FRONT_END_CHANNELS;
        for (int i = 0; i < back.length; i++) {
            String prefix = "layer" + (i + 1);
            back[i] = ConvBlock.fromStateDict(sd, prefix, StateDict.ANY, channels, StateDict.ANY).samePadding();
            // layer2/3 are residual (out + in), so they must keep the channel count and the length
            if (i > 0 && back[i].outChannels() != channels || back[i].kernelWidth() % 2 == 0) {
                throw sd.invalid("tensor '" + prefix + ".conv.weight' must map " + channels + " channels to "
                        + channels + " with an odd kernel");
            }
            channels = back[i].outChannels();
        }
        int pooled = 2 * (FRONT_END_CHANNELS + 3 * channels);
        Linear dense1 = Linear.fromStateDict(sd, "dense1", pooled, "bn");
        Linear dense2 = Linear.fromStateDict(sd, "dense2", dense1.outFeatures(), null);
        return new MusicnnTagger(input, vertical, horizontal, back, dense1, dense2);
    }

    /** {@code backEnd(frontEnd(window))}. */
    @Override
    TaggerOutput forwardWindow(float[][] window) {
        Nd4jThreads.prepare();
        INDArray x = input.normalise(window, 0, window.length);
        INDArray front = frontEnd(x);
        TaggerOutput out = backEnd(front);
        free(x, front);
        return out;
    }

    /**
     * The front end over a frame stream of any length.
     *
     * @param frames {@code [T][96]} raw log-mel dB, T >= 1
     * @return {@code [561][T]}: vertical branches first (2 × 204), then the horizontal ones (3 × 51)
     * @throws IllegalArgumentException on a wrong shape or non-finite values
     */
    public float[][] frontEnd(float[][] frames) {
        Nd4jThreads.prepare();
        if (frames == null || frames.length == 0) {
            throw new IllegalArgumentException(NAME + ": frontEnd needs at least one frame");
        }
        INDArray x = input.normalise(frames, 0, frames.length);
        INDArray front = frontEnd(x);
        float[][] out = front.reshape(FRONT_END_CHANNELS, frames.length).toFloatMatrix();
        free(x, front);
        return out;
    }

    /**
     * The back end (residual 1-D convolutions, max and mean over time, dense layers) on a slice of
     * {@link #frontEnd} output.
     *
     * @param frontEndSlice {@code [561][T]}, T >= 1 (the network was trained on T = 188)
     * @throws IllegalArgumentException on a wrong shape or non-finite values
     */
    public TaggerOutput backEnd(float[][] frontEndSlice) {
        Nd4jThreads.prepare();
        if (frontEndSlice == null || frontEndSlice.length != FRONT_END_CHANNELS) {
            throw new IllegalArgumentException(NAME + ": backEnd needs " + FRONT_END_CHANNELS + " channels, got "
                    + (frontEndSlice == null ? "none" : String.valueOf(frontEndSlice.length)));
        }
        int frames = frontEndSlice[0] == null ? 0 : frontEndSlice[0].length;
        float[] data = new float[FRONT_END_CHANNELS * frames];
        for (int c = 0; c < FRONT_END_CHANNELS; c++) {
            float[] row = frontEndSlice[c];
            if (row == null || row.length != frames || frames == 0) {
                throw new IllegalArgumentException(NAME + ": backEnd channel " + c + " has "
                        + (row == null ? "no" : String.valueOf(row.length)) + " frames, expected the same T >= 1 as channel 0");
            }
            for (int t = 0; t < frames; t++) {
                if (!Float.isFinite(row[t])) {
                    throw new IllegalArgumentException(NAME + ": backEnd channel " + c + " frame " + t
                            + " is not finite: " + row[t]);
                }
            }
            System.arraycopy(row, 0, data, c * frames, frames);
        }
        INDArray front = Nd4j.create(data, new long[] {1, FRONT_END_CHANNELS, frames});
        TaggerOutput out = backEnd(front);
        free(front);
        return out;
    }

    /** [1][1][96][T] normalised input → [1][561][T]. */
    private INDArray frontEnd(INDArray x) {
        long frames = x.size(3);
        INDArray[] parts = new INDArray[VERTICAL + HORIZONTAL];
        for (int i = 0; i < VERTICAL; i++) {
            ConvBlock conv = vertical[i];
            int pad = conv.kernelWidth() / 2;
            // PyTorch's zero padding of the time axis, made explicit so that the chunks below see
            // real neighbours inside the stream and zeros only at its ends: the result is exact
            INDArray padded = Nd4j.zeros(x.dataType(), 1, 1, x.size(2), frames + 2L * pad);
            padded.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(),
                    NDArrayIndex.interval(pad, pad + frames)).assign(x);
            INDArray out = Nd4j.create(x.dataType(), 1, conv.outChannels(), frames);
            for (long from = 0; from < frames; from += CHUNK_FRAMES) {
                long to = Math.min(frames, from + CHUNK_FRAMES);
                INDArray chunk = padded.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(),
                        NDArrayIndex.interval(from, to + 2L * pad)).dup();
                INDArray y = conv.apply(chunk); // [1][204][30 or 59][to - from]: 3-6 MB, freed at once
                INDArray peak = y.max(2);       // max over the remaining bands → [1][204][to - from]
                out.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(from, to)).assign(peak);
                free(chunk, y, peak);
            }
            free(padded);
            parts[i] = out;
        }
        INDArray bandMean = x.mean(2);                          // [1][1][T]
        for (int i = 0; i < HORIZONTAL; i++) {
            parts[VERTICAL + i] = horizontal[i].apply1d(bandMean);
        }
        INDArray front = Nd4j.concat(1, parts);
        free(bandMean);
        free(parts);
        return front;
    }

    /** [1][561][T] → one output. */
    private TaggerOutput backEnd(INDArray front) {
        INDArray res1 = backEnd[0].apply1d(front);
        INDArray res2 = backEnd[1].apply1d(res1).addi(res1);
        INDArray res3 = backEnd[2].apply1d(res2).addi(res2);
        INDArray all = Nd4j.concat(1, front, res1, res2, res3);                 // [1][561 + 3C][T]
        INDArray max = all.max(2);
        INDArray mean = all.mean(2);
        INDArray pooled = Nd4j.concat(1, max, mean);                           // [1][2(561 + 3C)]
        INDArray embedding = Transforms.relu(dense1.apply(pooled), false);
        INDArray tags = Transforms.sigmoid(dense2.apply(embedding), false);
        TaggerOutput out = output(embedding, tags);
        free(res1, res2, res3, all, max, mean, pooled, embedding, tags);
        return out;
    }
}
