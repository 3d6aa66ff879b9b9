package org.genrevamp.dsp;

/**
 * Tempo and metre features of a log-mel window: a short-time Fourier tempogram of the onset envelopes
 * of three band groups, in log-spaced tempo bins from {@value #MIN_BPM} to {@value #MAX_BPM} BPM,
 * averaged over the window (a "modulation spectrum" of the onsets, in the sense of Grosche, Müller
 * and Kurth (2010) and Peeters (2011)). Where bass, middle and treble put their onsets on the beat
 * cycle tells dances of one tempo apart (a cha-cha's hi-hat from a hustle's kick); the short frames
 * keep it robust to tempo drift and make it a smooth profile rather than a few sharp peaks.
 * <ol>
 *   <li>band groups: the log-mel bands {@code [0, B/4)}, {@code [B/4, 5B/8)} and {@code [5B/8, B)}
 *       (rounded; B = 96: 0-23, 24-59, 60-95), low to high;</li>
 *   <li>onset envelope of each group: spectral flux {@code o[t] = mean_b max(0, X[t][b] - X[t-1][b])}
 *       over its bands (dB), {@code o[0] = 0}; minus its moving average over {@value #LOCAL_MEAN_S} s
 *       (centred), half-wave rectified, so slow loudness changes do not count;</li>
 *   <li>frames of {@value #FRAME_S} s ({@code round(FRAME_S / hop)} values) every {@value #STEP_S} s
 *       from the window's start while they fit: each minus its mean, times a symmetric Hann window
 *       {@code 0.5 - 0.5 cos(2 pi j / (W - 1))}, then the magnitude of its discrete-time Fourier
 *       transform at each tempo {@code f_k = MIN_BPM (MAX_BPM / MIN_BPM)^(k / (TEMPI - 1)) / 60} Hz
 *       divided by the frame's L2 norm (a frame without onsets gives 0): loudness does not count,
 *       only how the onsets are spread over the tempi;</li>
 *   <li>the mean over the frames; the three groups' {@value #TEMPI} values one after the other.</li>
 * </ol>
 * Beside the msd/crnn + msd/fcn embeddings on the 23 ballroom styles it raised the song top-1 from
 * 0.33 (version 1, {@code onset-acf-v1}: the full-band autocorrelation over the whole window) to 0.53
 * (artist-grouped 5-fold cross-validation × 5; docs/models/README.md, dance section).
 * Pure functions over arrays; the trainer and the plugin both call them on the same frames.
 */
public final class RhythmFeatures {
    /** Slowest tempo, BPM. */
    public static final double MIN_BPM = 40;
    /** Fastest tempo, BPM. */
    public static final double MAX_BPM = 320;
    /** Tempo bins per band group, log-spaced. */
    public static final int TEMPI = 48;
    /** Band groups (low, middle, high). */
    public static final int GROUPS = 3;
    /** Length of {@link #features}'s result. */
    public static final int SIZE = GROUPS * TEMPI;
    /** Length of the centred moving average removed from each onset envelope, seconds. */
    public static final double LOCAL_MEAN_S = 0.5;
    /** Length of one tempogram frame, seconds. */
    public static final double FRAME_S = 3.0;
    /** Step between tempogram frames, seconds. */
    public static final double STEP_S = 1.0;
    /** Identifier stored in bundles: a bundle trained with other settings is refused. */
    public static final String ID = "onset-tempogram-v2";

    private RhythmFeatures() {
    }

    /**
     * Spectral-flux onset envelope of all bands.
     *
     * @param logMel {@code [frames][bands]} log-mel in dB (any band count, frames >= 1)
     * @return {@code [frames]}, >= 0, first value 0
     * @throws IllegalArgumentException on an empty or ragged input
     */
    public static float[] onsetEnvelope(float[][] logMel) {
        if (logMel == null || logMel.length == 0 || logMel[0].length == 0) {
            throw new IllegalArgumentException("RhythmFeatures.onsetEnvelope: need at least one frame of one band");
        }
        return onsetEnvelope(logMel, 0, logMel[0].length);
    }

    /**
     * Spectral-flux onset envelope of the bands {@code [from, to)}.
     *
     * @throws IllegalArgumentException on an empty or ragged input or an empty band range
     */
    public static float[] onsetEnvelope(float[][] logMel, int from, int to) {
        if (logMel == null || logMel.length == 0 || logMel[0].length == 0) {
            throw new IllegalArgumentException("RhythmFeatures.onsetEnvelope: need at least one frame of one band");
        }
        int bands = logMel[0].length;
        if (from < 0 || to > bands || from >= to) {
            throw new IllegalArgumentException("RhythmFeatures.onsetEnvelope: bands [" + from + ", " + to + ") not within [0, "
                    + bands + ")");
        }
        float[] o = new float[logMel.length];
        for (int t = 1; t < logMel.length; t++) {
            if (logMel[t].length != bands) {
                throw new IllegalArgumentException("RhythmFeatures.onsetEnvelope: frame " + t + " has " + logMel[t].length
                        + " bands, frame 0 has " + bands);
            }
            double s = 0;
            for (int b = from; b < to; b++) {
                s += Math.max(0f, logMel[t][b] - logMel[t - 1][b]);
            }
            o[t] = (float) (s / (to - from));
        }
        return o;
    }

    /** First band of group {@code g} of {@code bands} ({@code g = GROUPS}: {@code bands}). */
    public static int groupStart(int g, int bands) {
        return switch (g) {
            case 0 -> 0;
            case 1 -> (int) Math.round(bands / 4.0);
            case 2 -> (int) Math.round(bands * 5 / 8.0);
            default -> bands;
        };
    }

    /**
     * The tempo features of one window.
     *
     * @param logMel     {@code [frames][bands]} log-mel in dB, at least {@value #GROUPS} bands and
     *                   {@link #minFrames} frames
     * @param hopSeconds seconds between frames (> 0)
     * @return {@link #SIZE} values in [0, sqrt(frame length)], in practice below ~3: group 0's
     *         {@value #TEMPI} tempi, then group 1's, then group 2's; all 0 for a group without onsets
     * @throws IllegalArgumentException on fewer frames or bands, or a bad hop
     */
    public static float[] features(float[][] logMel, double hopSeconds) {
        if (!(hopSeconds > 0)) {
            throw new IllegalArgumentException("RhythmFeatures.features: hopSeconds must be > 0, got " + hopSeconds);
        }
        int need = minFrames(hopSeconds);
        if (logMel == null || logMel.length < need) {
            throw new IllegalArgumentException("RhythmFeatures.features: need at least " + need + " frames (" + FRAME_S
                    + " s), got " + (logMel == null ? 0 : logMel.length));
        }
        int bands = logMel[0].length;
        if (bands < GROUPS) {
            throw new IllegalArgumentException("RhythmFeatures.features: need at least " + GROUPS + " bands, got " + bands);
        }
        int width = frameLength(hopSeconds);
        int step = Math.max(1, (int) Math.round(STEP_S / hopSeconds));
        double[] window = new double[width];
        for (int j = 0; j < width; j++) {
            window[j] = 0.5 - 0.5 * Math.cos(2 * Math.PI * j / (width - 1));
        }
        double[][] cos = new double[TEMPI][width];
        double[][] sin = new double[TEMPI][width];
        for (int k = 0; k < TEMPI; k++) {
            double radiansPerFrame = 2 * Math.PI * bpm(k) / 60.0 * hopSeconds;
            for (int j = 0; j < width; j++) {
                cos[k][j] = Math.cos(radiansPerFrame * j);
                sin[k][j] = Math.sin(radiansPerFrame * j);
            }
        }
        int localMean = (int) Math.round(LOCAL_MEAN_S / hopSeconds);
        float[] out = new float[SIZE];
        double[] seg = new double[width];
        for (int g = 0; g < GROUPS; g++) {
            float[] o = detrended(onsetEnvelope(logMel, groupStart(g, bands), groupStart(g + 1, bands)), localMean);
            double[] sum = new double[TEMPI];
            int frames = 0;
            for (int s = 0; s + width <= o.length; s += step) {
                double mean = 0;
                for (int j = 0; j < width; j++) {
                    mean += o[s + j];
                }
                mean /= width;
                double norm = 0;
                for (int j = 0; j < width; j++) {
                    seg[j] = (o[s + j] - mean) * window[j];
                    norm += seg[j] * seg[j];
                }
                frames++;
                if (!(norm > 0)) {
                    continue;
                }
                norm = Math.sqrt(norm);
                for (int k = 0; k < TEMPI; k++) {
                    double re = 0;
                    double im = 0;
                    for (int j = 0; j < width; j++) {
                        re += seg[j] * cos[k][j];
                        im += seg[j] * sin[k][j];
                    }
                    sum[k] += Math.sqrt(re * re + im * im) / norm;
                }
            }
            for (int k = 0; k < TEMPI; k++) {
                out[g * TEMPI + k] = (float) (sum[k] / frames);
            }
        }
        return out;
    }

    /** Fewest frames {@link #features} takes at this hop: one tempogram frame. */
    public static int minFrames(double hopSeconds) {
        return frameLength(hopSeconds);
    }

    /** Values in one tempogram frame at this hop. */
    static int frameLength(double hopSeconds) {
        return Math.max(2, (int) Math.round(FRAME_S / hopSeconds));
    }

    /** Tempo of bin {@code k} in BPM ({@code 0 <= k < TEMPI}). */
    public static double bpm(double k) {
        return MIN_BPM * Math.pow(MAX_BPM / MIN_BPM, k / (double) (TEMPI - 1));
    }

    /** {@code o} minus its centred moving average over {@code width} frames (edges: the frames present), half-wave rectified. */
    static float[] detrended(float[] o, int width) {
        int half = Math.max(1, width) / 2;
        double[] prefix = new double[o.length + 1];
        for (int t = 0; t < o.length; t++) {
            prefix[t + 1] = prefix[t] + o[t];
        }
        float[] out = new float[o.length];
        for (int t = 0; t < o.length; t++) {
            int from = Math.max(0, t - half);
            int to = Math.min(o.length, t + half + 1);
            double mean = (prefix[to] - prefix[from]) / (to - from);
            out[t] = (float) Math.max(0, o[t] - mean);
        }
        return out;
    }
}
