package org.genrevamp.model.tagger;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The CRNN of Won et al. ({@code sota-music-tagging-models}, {@code training/model.py} class
 * {@code CRNN}) in eval mode:
 * <pre>
 *   log-mel dB [96 x T] → spec_bn (BatchNorm2d(1)) → 4 × ConvBlock (3×3, pool 2, 3, 4, 4;
 *   64, 128, 128, 128 channels) → [128 x T'] → 2-layer GRU(32) → last step (the embedding)
 *   → Linear(32, 50) → sigmoid (the tags)
 * </pre>
 * The mel axis shrinks 96 → 48 → 16 → 4 → 1, the time axis by floor division by 2, 3, 4, 4: the conv
 * stack outputs one 128-d step per {@link #TIME_STRIDE} = 96 frames (1.536 s), so T' = floor(T / 96)
 * (18 for the 1813-frame training window). {@code spec_bn} is applied to the input values as an affine,
 * not folded into the first convolution, because the convolution's zero padding comes after it.
 *
 * {@link #forward} accepts windows of any length of at least {@link #TIME_STRIDE} frames (PyTorch's CRNN
 * accepts the same), every window of a batch the same length.
 *
 * <p>The conv stack and the recurrent head are also exposed separately ({@link #convSteps},
 * {@link #head}) for {@link CrnnStream}. Immutable and thread-safe.
 */
public final class CrnnTagger extends TaggerBase {

    /** 29 s at 16 kHz, hop 256, centred frames: 1 + 464000 / 256. */
    public static final int WINDOW_FRAMES = 1813;
    public static final int MEL_BANDS = 96;
    /** Frames per conv output step: the product of the time poolings 2·3·4·4. */
    public static final int TIME_STRIDE = 96;
    /** Frames one conv output step depends on: step j reads frames [96j − 33, 96j + 128]. */
    public static final int RECEPTIVE_FIELD = 162;
    /** Conv steps of a {@link #WINDOW_FRAMES} window: 1813 → 906 → 302 → 75 → 18. */
    public static final int WINDOW_STEPS = WINDOW_FRAMES / TIME_STRIDE;
    public static final int CONV_CHANNELS = 128;
    public static final int HIDDEN = 32;
    public static final int TAGS = 50;

    private static final String NAME = "CrnnTagger";
    private static final int[] CHANNELS = {1, 64, 128, 128, 128};
    private static final int[] POOLS = {2, 3, 4, 4};

    private final ConvBlock[] blocks;
    private final TorchGru gru;
    private final float[] denseWeight; // [TAGS * HIDDEN]
    private final float[] denseBias;

    private CrnnTagger(SpectrogramInput input, ConvBlock[] blocks, TorchGru gru, float[] denseWeight,
                       float[] denseBias) {
        super("crnn", WINDOW_FRAMES, false, input, HIDDEN, TAGS);
        this.blocks = blocks;
        this.gru = gru;
        this.denseWeight = denseWeight;
        this.denseBias = denseBias;
    }

    /**
     * Builds the network from the CRNN's PyTorch state dict: {@code spec_bn.*}, {@code layer1..4.conv.*},
     * {@code layer1..4.bn.*}, {@code layer5.*} (the GRU), {@code dense.*}. Other keys (the front end's
     * {@code spec.*}, {@code num_batches_tracked}) are ignored.
     *
     * @throws IllegalArgumentException naming the key and the expected and actual shape of the first
     *                                  missing or misshapen tensor
     */
    public static CrnnTagger fromStateDict(Map<String, Tensor> stateDict) {
        StateDict sd = new StateDict(NAME, stateDict);
        SpectrogramInput input = SpectrogramInput.fromStateDict(sd, MEL_BANDS);
        ConvBlock[] blocks = new ConvBlock[POOLS.length];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = ConvBlock.fromStateDict(sd, "layer" + (i + 1), CHANNELS[i + 1], CHANNELS[i], 3, 3)
                    .samePadding().pooled(POOLS[i], POOLS[i]);
        }
        TorchGru gru = TorchGru.fromStateDict(sd, "layer5", 2, CONV_CHANNELS, HIDDEN);
        float[] w = sd.require("dense.weight", TAGS, HIDDEN).data().clone();
        float[] b = sd.require("dense.bias", TAGS).data().clone();
        return new CrnnTagger(input, blocks, gru, w, b);
    }

    /** One window of any length >= {@link #TIME_STRIDE}: the GRU runs over its floor(T / 96) conv steps. */
    @Override
    TaggerOutput forwardWindow(float[][] window) {
        return head(convSteps(window, 0, window.length));
    }

    /**
     * The conv stack over a whole stream of frames, zero-padded at its two ends as PyTorch pads a window.
     *
     * @param frames {@code [T][96]} raw log-mel dB, T >= 96, finite
     * @return {@code [floor(T / 96)][128]}: conv output step j summarises frames [96j, 96j + 96)
     */
    public float[][] convSteps(float[][] frames) {
        return convSteps(frames, 0, frames.length);
    }

    /** {@link #convSteps(float[][])} of frames {@code [from, to)} of {@code frames}, as if they were the whole stream. */
    public float[][] convSteps(float[][] frames, int from, int to) {
        int length = to - from;
        if (from < 0 || to > frames.length || length < TIME_STRIDE) {
            throw new IllegalArgumentException("CrnnTagger: need at least " + TIME_STRIDE + " frames, got range ["
                    + from + ", " + to + ") of " + frames.length);
        }
        INDArray x = input.normalise(frames, from, to);
        for (ConvBlock block : blocks) {
            INDArray next = block.apply(x);
            x.close();
            x = next;
        }
        // [1, 128, 1, T'] → steps[t][c]
        int steps = (int) x.size(3);
        float[] flat = x.dup('c').data().asFloat();
        x.close();
        float[][] out = new float[steps][CONV_CHANNELS];
        for (int c = 0; c < CONV_CHANNELS; c++) {
            for (int t = 0; t < steps; t++) {
                out[t][c] = flat[c * steps + t];
            }
        }
        return out;
    }

    /** The recurrent head over all of {@code steps}: see {@link #head(float[][], int, int)}. */
    public TaggerOutput head(float[][] steps) {
        return head(steps, 0, steps.length);
    }

    /**
     * The recurrent head: the 2-layer GRU over conv steps {@code [from, to)} from a zero state; its
     * last hidden state is the embedding, and {@code sigmoid(dense(embedding))} the tags.
     */
    public TaggerOutput head(float[][] steps, int from, int to) {
        float[] embedding = gru.last(steps, from, to);
        float[] tags = new float[TAGS];
        for (int k = 0; k < TAGS; k++) {
            double sum = denseBias[k];
            for (int j = 0; j < HIDDEN; j++) {
                sum += (double) denseWeight[k * HIDDEN + j] * embedding[j];
            }
            tags[k] = (float) TorchGru.sigmoid(sum);
        }
        return new TaggerOutput(embedding.clone(), tags);
    }

    /** The network's GRU (for tests and diagnostics). */
    public TorchGru gru() {
        return gru;
    }
}
