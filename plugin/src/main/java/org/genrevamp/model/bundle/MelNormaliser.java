package org.genrevamp.model.bundle;

import java.util.Arrays;

/**
 * Per-mel-band standardisation {@code (dB - mean[b]) / std[b]}, fitted on the training split only
 * and stored in the bundle so inference applies exactly what training applied.
 */
public final class MelNormaliser {

    /** Floor on a band's standard deviation, in dB, so a constant band (e.g. silence) cannot divide by ~0. */
    public static final double MIN_STD_DB = 1e-3;

    private final float[] mean;
    private final float[] std;

    /**
     * @param mean per-band mean in dB, length melBands
     * @param std  per-band standard deviation in dB, same length, each finite and > 0
     * @throws IllegalArgumentException on mismatched lengths or non-finite / non-positive values
     */
    public MelNormaliser(float[] mean, float[] std) {
        if (mean == null || std == null || mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("MelNormaliser: mean and std must be non-empty and of equal length, got "
                    + (mean == null ? "null" : mean.length) + " and " + (std == null ? "null" : std.length));
        }
        for (int b = 0; b < mean.length; b++) {
            if (!Float.isFinite(mean[b]) || !Float.isFinite(std[b]) || !(std[b] > 0)) {
                throw new IllegalArgumentException("MelNormaliser: band " + b + " has mean " + mean[b] + " and std " + std[b]
                        + " (need finite mean and finite std > 0)");
            }
        }
        this.mean = mean.clone();
        this.std = std.clone();
    }

    /** Mean 0, std 1: leaves features unchanged (tests, or a network trained on raw dB). */
    public static MelNormaliser identity(int melBands) {
        float[] ones = new float[melBands];
        Arrays.fill(ones, 1f);
        return new MelNormaliser(new float[melBands], ones);
    }

    public int melBands() {
        return mean.length;
    }

    /** Copy of the per-band means, dB. */
    public float[] mean() {
        return mean.clone();
    }

    /** Copy of the per-band standard deviations, dB. */
    public float[] std() {
        return std.clone();
    }

    /** Normalised value of band {@code band} at {@code db} decibels. */
    public float apply(int band, float db) {
        return (db - mean[band]) / std[band];
    }

    /** Starts fitting a normaliser over frames of {@code melBands} values. */
    public static Accumulator accumulator(int melBands) {
        return new Accumulator(melBands);
    }

    /**
     * Streams training frames into per-band mean and (population) standard deviation, in double
     * precision with Welford's update so long training sets do not lose precision.
     */
    public static final class Accumulator {
        private final double[] mean;
        private final double[] m2;
        private long count;

        private Accumulator(int melBands) {
            if (melBands < 1) {
                throw new IllegalArgumentException("MelNormaliser.accumulator: melBands must be >= 1, got " + melBands);
            }
            mean = new double[melBands];
            m2 = new double[melBands];
        }

        /**
         * @param frame one frame's dB values, length melBands, all finite
         * @throws IllegalArgumentException on a wrong length or a non-finite value
         */
        public void add(float[] frame) {
            if (frame.length != mean.length) {
                throw new IllegalArgumentException("MelNormaliser.Accumulator.add: frame has " + frame.length
                        + " bands, expected " + mean.length);
            }
            for (float v : frame) {
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("MelNormaliser.Accumulator.add: non-finite value " + v);
                }
            }
            count++;
            for (int b = 0; b < frame.length; b++) {
                double delta = frame[b] - mean[b];
                mean[b] += delta / count;
                m2[b] += delta * (frame[b] - mean[b]);
            }
        }

        /** Frames added so far. */
        public long count() {
            return count;
        }

        /**
         * @throws IllegalStateException when no frame was added
         */
        public MelNormaliser result() {
            if (count == 0) {
                throw new IllegalStateException("MelNormaliser.Accumulator.result: no frames were added");
            }
            float[] meanOut = new float[mean.length];
            float[] stdOut = new float[mean.length];
            for (int b = 0; b < mean.length; b++) {
                meanOut[b] = (float) mean[b];
                stdOut[b] = (float) Math.max(MIN_STD_DB, Math.sqrt(m2[b] / count));
            }
            return new MelNormaliser(meanOut, stdOut);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MelNormaliser other && Arrays.equals(mean, other.mean) && Arrays.equals(std, other.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }
}
