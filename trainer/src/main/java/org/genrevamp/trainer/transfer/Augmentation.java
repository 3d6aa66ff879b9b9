package org.genrevamp.trainer.transfer;

import java.util.Random;
import org.genrevamp.dsp.MelConfig;
import org.genrevamp.dsp.MelScales;

/**
 * Label-preserving changes applied to a log-mel window (dB, {@code [frames][bands]}) before the
 * backbone sees it, so the head learns from recordings that sound a little different: a gain change,
 * an EQ tilt, a small pitch shift (the spectrum moved along frequency), a small tempo change (frames
 * resampled in time) and noise mixed in at a random signal-to-noise ratio. All in the log-mel domain:
 * no audio is re-decoded and every draw comes from the caller's seeded {@link Random}.
 */
public final class Augmentation {

    static final double MAX_GAIN_DB = 6;
    static final double MAX_TILT_DB = 6;
    static final double MAX_SEMITONES = 1;
    static final double MAX_TEMPO_CHANGE = 0.05;
    static final double MIN_SNR_DB = 15;
    static final double MAX_SNR_DB = 35;

    private final double[] centresHz;

    /** @param config the log-mel config of the windows (their band centre frequencies drive the pitch shift) */
    public Augmentation(MelConfig config) {
        // band b's centre is point b + 1 of the bands + 2 edges spaced evenly in mel
        double[] edges = MelScales.melFrequencies(config.melBands() + 2, config.fMin(), config.fMax(), config.melScale());
        this.centresHz = java.util.Arrays.copyOfRange(edges, 1, config.melBands() + 1);
    }

    /** A new window: {@code window} changed by one random draw of every augmentation. */
    public float[][] apply(float[][] window, Random random) {
        int frames = window.length;
        int bands = window[0].length;
        double gain = uniform(random, MAX_GAIN_DB);
        double tilt = uniform(random, MAX_TILT_DB);
        double pitch = Math.pow(2, uniform(random, MAX_SEMITONES) / 12);
        double tempo = 1 + uniform(random, MAX_TEMPO_CHANGE);
        double snrDb = MIN_SNR_DB + random.nextDouble() * (MAX_SNR_DB - MIN_SNR_DB);
        float[][] out = new float[frames][bands];
        double meanPower = 0;
        for (int t = 0; t < frames; t++) {
            // tempo: frame t of the result is frame t * tempo of the source (looped at the end)
            float[] a = pitched(window[(int) Math.floor(t * tempo) % frames], pitch);
            for (int b = 0; b < bands; b++) {
                double db = a[b] + gain + tilt * (b / (bands - 1.0) - 0.5);
                out[t][b] = (float) db;
                meanPower += Math.pow(10, db / 10) / ((double) frames * bands);
            }
        }
        double noise = meanPower * Math.pow(10, -snrDb / 10);
        for (float[] frame : out) {
            for (int b = 0; b < bands; b++) {
                frame[b] = (float) (10 * Math.log10(Math.pow(10, frame[b] / 10.0) + noise));
            }
        }
        return out;
    }

    /** The frame with its spectrum scaled in frequency by {@code factor} (linear interpolation between band centres). */
    private float[] pitched(float[] frame, double factor) {
        float[] out = new float[frame.length];
        for (int b = 0; b < frame.length; b++) {
            double source = centresHz[b] / factor;
            int k = 0;
            while (k < centresHz.length - 2 && centresHz[k + 1] < source) {
                k++;
            }
            double f = (source - centresHz[k]) / (centresHz[k + 1] - centresHz[k]);
            f = Math.max(0, Math.min(1, f));
            out[b] = (float) ((1 - f) * frame[k] + f * frame[k + 1]);
        }
        return out;
    }

    private static double uniform(Random random, double max) {
        return (2 * random.nextDouble() - 1) * max;
    }
}
