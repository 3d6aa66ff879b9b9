package org.genrevamp.model.scratch;

import org.genrevamp.model.bundle.Architecture;
import org.genrevamp.model.bundle.MelNormaliser;
import org.genrevamp.model.runtime.Nd4jThreads;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The one place that knows how log-mel windows become network inputs. Callers always hold windows
 * as {@code float[n][windowFrames][melBands]} in raw MelStream dB; networks see them normalised and
 * laid out as
 * <ul>
 *   <li>{@link #SEQUENCE_INPUT}: NCW {@code [n][melBands][frames]} (mel bands are the channels of a
 *       Conv1D / the features of a recurrent layer), for every architecture;</li>
 *   <li>{@link #IMAGE_INPUT}: NCHW {@code [n][1][melBands][frames]}, the same values as a one-channel
 *       image, for the Conv2D branch of {@code parallel} only.</li>
 * </ul>
 */
public final class FeatureLayout {

    /** Graph input: NCW sequence of mel-band vectors. */
    public static final String SEQUENCE_INPUT = "mel";
    /** Graph input: NCHW one-channel mel image ({@code parallel} only). */
    public static final String IMAGE_INPUT = "melImage";

    private FeatureLayout() {
    }

    /** Input names of the architecture's graph, in the order {@link #inputs} returns the arrays. */
    public static List<String> inputNames(Architecture architecture) {
        return architecture == Architecture.PARALLEL ? List.of(SEQUENCE_INPUT, IMAGE_INPUT) : List.of(SEQUENCE_INPUT);
    }

    /**
     * Normalises and lays out windows for the architecture's graph inputs.
     *
     * @param windows    {@code [n][frames][melBands]} raw dB, n >= 1, every window the same shape, all finite
     * @param normaliser per-band standardisation; its band count must equal melBands
     * @return one float32 array per {@link #inputNames} entry
     * @throws IllegalArgumentException on ragged, empty or non-finite windows or a band-count mismatch
     */
    public static INDArray[] inputs(Architecture architecture, float[][][] windows, MelNormaliser normaliser) {
        float[] buffer = sequenceBuffer(windows, normaliser);
        int n = windows.length;
        int frames = windows[0].length;
        int bands = normaliser.melBands();
        Nd4jThreads.prepare();
        INDArray sequence = Nd4j.create(buffer, new long[] {n, bands, frames}, 'c');
        if (architecture != Architecture.PARALLEL) {
            return new INDArray[] {sequence};
        }
        INDArray image = Nd4j.create(buffer.clone(), new long[] {n, 1, bands, frames}, 'c');
        return new INDArray[] {sequence, image};
    }

    /**
     * A training batch: {@link #inputs} plus one-hot labels for output {@link Architectures#OUTPUT}.
     *
     * @param labels     class index of each window, in [0, numClasses)
     * @param numClasses softmax width
     * @throws IllegalArgumentException on a label out of range or a length mismatch
     */
    public static MultiDataSet dataSet(Architecture architecture, float[][][] windows, int[] labels, int numClasses,
                                       MelNormaliser normaliser) {
        if (labels.length != windows.length) {
            throw new IllegalArgumentException("FeatureLayout.dataSet: " + windows.length + " windows but "
                    + labels.length + " labels");
        }
        float[] oneHot = new float[labels.length * numClasses];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("FeatureLayout.dataSet: label " + labels[i] + " of window " + i
                        + " is outside [0, " + numClasses + ")");
            }
            oneHot[i * numClasses + labels[i]] = 1f;
        }
        INDArray[] features = inputs(architecture, windows, normaliser);
        INDArray target = Nd4j.create(oneHot, new long[] {labels.length, numClasses}, 'c');
        return new MultiDataSet(features, new INDArray[] {target});
    }

    /** Normalised values in NCW order: {@code out[(i * bands + b) * frames + t] = norm(windows[i][t][b])}. */
    private static float[] sequenceBuffer(float[][][] windows, MelNormaliser normaliser) {
        if (windows == null || windows.length == 0 || windows[0] == null || windows[0].length == 0) {
            throw new IllegalArgumentException("FeatureLayout.inputs: need at least one window of at least one frame");
        }
        int n = windows.length;
        int frames = windows[0].length;
        int bands = normaliser.melBands();
        float[] out = new float[n * bands * frames];
        for (int i = 0; i < n; i++) {
            if (windows[i] == null || windows[i].length != frames) {
                throw new IllegalArgumentException("FeatureLayout.inputs: window " + i + " has "
                        + (windows[i] == null ? "no" : windows[i].length) + " frames, window 0 has " + frames);
            }
            for (int t = 0; t < frames; t++) {
                float[] frame = windows[i][t];
                if (frame == null || frame.length != bands) {
                    throw new IllegalArgumentException("FeatureLayout.inputs: window " + i + " frame " + t + " has "
                            + (frame == null ? "no" : frame.length) + " bands, the normaliser has " + bands);
                }
                for (int b = 0; b < bands; b++) {
                    float v = frame[b];
                    if (!Float.isFinite(v)) {
                        throw new IllegalArgumentException("FeatureLayout.inputs: window " + i + " frame " + t
                                + " band " + b + " is " + v);
                    }
                    out[(i * bands + b) * frames + t] = normaliser.apply(b, v);
                }
            }
        }
        return out;
    }
}
