package org.genrevamp.model.tagger;

import org.genrevamp.model.runtime.Nd4jThreads;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A tagger's input: checks the raw log-mel it is given and lays it out as PyTorch's
 * {@code spec_bn(mel.unsqueeze(1))}, i.e. NCHW with mel bands as the height and time as the width,
 * after the input BatchNorm {@code spec_bn}. That BatchNorm is a scalar affine map applied to the
 * values here, not folded into the first convolution, because that convolution zero-pads its
 * (already normalised) input.
 */
final class SpectrogramInput {

    private final String network;
    private final int bands;
    private final float scale;
    private final float shift;

    private SpectrogramInput(String network, int bands, float scale, float shift) {
        this.network = network;
        this.bands = bands;
        this.scale = scale;
        this.shift = shift;
    }

    /** Reads the scalar BatchNorm {@code spec_bn.*}; frames must have {@code bands} mel bands. */
    static SpectrogramInput fromStateDict(StateDict sd, int bands) {
        EvalBatchNorm bn = EvalBatchNorm.fromStateDict(sd, "spec_bn", 1);
        return new SpectrogramInput(sd.network(), bands, (float) bn.scale()[0], (float) bn.shift()[0]);
    }

    int bands() {
        return bands;
    }

    /**
     * Checks that a batch has at least one window and that every window has {@code frames} frames, or,
     * when {@code frames} is 0, as many as window 0.
     *
     * @return the frames per window
     */
    int checkBatch(float[][][] windows, int frames) {
        if (windows == null || windows.length == 0) {
            throw new IllegalArgumentException(network + ": no windows");
        }
        int expected = frames > 0 ? frames : windows[0] == null ? 0 : windows[0].length;
        for (int n = 0; n < windows.length; n++) {
            if (windows[n] == null || windows[n].length != expected || expected == 0) {
                throw new IllegalArgumentException(network + ": window " + n + " has "
                        + (windows[n] == null ? "no" : String.valueOf(windows[n].length)) + " frames, expected "
                        + (frames > 0 ? String.valueOf(frames) : "as many as window 0, at least 1"));
            }
        }
        return expected;
    }

    /**
     * Frames {@code [from, to)} of a stream as the normalised network input {@code [1][1][bands][to − from]}.
     *
     * @throws IllegalArgumentException on an empty range, a frame of another band count, or a non-finite value
     */
    INDArray normalise(float[][] frames, int from, int to) {
        if (frames == null || from < 0 || to > frames.length || from >= to) {
            throw new IllegalArgumentException(network + ": bad frame range [" + from + ", " + to + ") of "
                    + (frames == null ? "no frames" : frames.length + " frames"));
        }
        int length = to - from;
        float[] data = new float[bands * length];
        for (int t = 0; t < length; t++) {
            float[] frame = frames[from + t];
            if (frame == null || frame.length != bands) {
                throw new IllegalArgumentException(network + ": frame " + (from + t) + " has "
                        + (frame == null ? "no" : String.valueOf(frame.length)) + " bands, expected " + bands);
            }
            for (int m = 0; m < bands; m++) {
                float v = frame[m];
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException(network + ": frame " + (from + t) + " band " + m
                            + " is not finite: " + v);
                }
                data[m * length + t] = v * scale + shift;
            }
        }
        Nd4jThreads.prepare();
        return Nd4j.create(data, new long[] {1, 1, bands, length}, 'c');
    }
}
