package org.genrevamp.dsp;

/**
 * Tempo and metre features of a log-mel window: the autocorrelation of its onset envelope, sampled at
 * log-spaced lags from {@value #MIN_LAG_S} s (300 BPM) to {@value #MAX_LAG_S} s (a 4/4 bar at 60 BPM),
 * a "periodicity vector" in the sense of Peeters (2011) and Gouyon et al. (2004): peaks at the beat
 * period and its multiples, with the bar period telling triple from duple metre.
 * <ol>
 *   <li>onset envelope: spectral flux of the log-mel, {@code o[t] = mean_b max(0, X[t][b] - X[t-1][b])}
 *       (dB per band), {@code o[0] = 0};</li>
 *   <li>minus its moving average over {@value #LOCAL_MEAN_S} s (centred), half-wave rectified, so
 *       slow loudness changes do not correlate;</li>
 *   <li>unbiased autocorrelation {@code r[l] = mean_t o[t] o[t+l] / mean_t o[t]^2} at whole-frame lags;</li>
 *   <li>max-pooled into {@value #LAGS} log-spaced lag bins centred on
 *       {@code MIN_LAG_S * (MAX_LAG_S / MIN_LAG_S)^(k / (LAGS - 1))} (4.9 % apart: one bin is a tempo
 *       change of 5 %): bin k takes the largest {@code r[l]} over the whole lags from
 *       {@code floor(lag(k - 1/2))} to {@code ceil(lag(k + 1/2))}, so a peak between two bin centres
 *       is not lost (a click-like onset envelope has an autocorrelation as sparse as its period).</li>
 * </ol>
 * Pure functions over arrays; the trainer and the plugin both call them on the same frames.
 */
public final class RhythmFeatures {
    /** Shortest lag, seconds (300 BPM). */
    public static final double MIN_LAG_S = 0.2;
    /** Longest lag, seconds (a 4/4 bar at 60 BPM). */
    public static final double MAX_LAG_S = 4.0;
    /** Lags sampled, log-spaced. */
    public static final int LAGS = 64;
    /** Length of {@link #periodicity}'s result. */
    public static final int SIZE = LAGS;
    /** Length of the centred moving average removed from the onset envelope, seconds. */
    public static final double LOCAL_MEAN_S = 0.5;
    /** Identifier stored in bundles: a bundle trained with other settings is refused. */
    public static final String ID = "onset-acf-v1";

    private RhythmFeatures() {
    }

    /**
     * Spectral-flux onset envelope.
     *
     * @param logMel {@code [frames][bands]} log-mel in dB (any band count, frames >= 1)
     * @return {@code [frames]}, >= 0, first value 0
     * @throws IllegalArgumentException on an empty or ragged input
     */
    public static float[] onsetEnvelope(float[][] logMel) {
        if (logMel == null || logMel.length == 0 || logMel[0].length == 0) {
            throw new IllegalArgumentException("RhythmFeatures.onsetEnvelope: need at least one frame of one band");
        }
        int bands = logMel[0].length;
        float[] o = new float[logMel.length];
        for (int t = 1; t < logMel.length; t++) {
            if (logMel[t].length != bands) {
                throw new IllegalArgumentException("RhythmFeatures.onsetEnvelope: frame " + t + " has " + logMel[t].length
                        + " bands, frame 0 has " + bands);
            }
            double s = 0;
            for (int b = 0; b < bands; b++) {
                s += Math.max(0f, logMel[t][b] - logMel[t - 1][b]);
            }
            o[t] = (float) (s / bands);
        }
        return o;
    }

    /**
     * The periodicity vector of one window.
     *
     * @param logMel     {@code [frames][bands]} log-mel in dB; frames must span more than {@link #MAX_LAG_S}
     * @param hopSeconds seconds between frames (> 0)
     * @return {@link #SIZE} values in [-1, 1] (1 = as periodic as the envelope with itself); all 0 for an
     *         envelope without onsets (silence, a steady tone)
     * @throws IllegalArgumentException when the window is shorter than the longest lag plus one frame
     */
    public static float[] periodicity(float[][] logMel, double hopSeconds) {
        if (!(hopSeconds > 0)) {
            throw new IllegalArgumentException("RhythmFeatures.periodicity: hopSeconds must be > 0, got " + hopSeconds);
        }
        int maxLag = minFrames(hopSeconds) - 1;
        if (logMel == null || logMel.length <= maxLag) {
            throw new IllegalArgumentException("RhythmFeatures.periodicity: need more than " + maxLag + " frames ("
                    + MAX_LAG_S + " s and half a bin), got " + (logMel == null ? 0 : logMel.length));
        }
        float[] o = detrended(onsetEnvelope(logMel), (int) Math.round(LOCAL_MEAN_S / hopSeconds));
        int n = o.length;
        double energy = 0;
        for (float v : o) {
            energy += (double) v * v;
        }
        energy /= n;
        double[] r = new double[maxLag + 1];
        if (energy > 0) {
            for (int l = 0; l <= maxLag; l++) {
                double s = 0;
                for (int t = 0; t + l < n; t++) {
                    s += (double) o[t] * o[t + l];
                }
                r[l] = s / (n - l) / energy;
            }
        }
        float[] out = new float[SIZE];
        for (int k = 0; k < LAGS; k++) {
            int from = (int) Math.floor(lagSeconds(k - 0.5) / hopSeconds);
            int to = Math.min(maxLag, (int) Math.ceil(lagSeconds(k + 0.5) / hopSeconds));
            double max = r[from];
            for (int l = from + 1; l <= to; l++) {
                max = Math.max(max, r[l]);
            }
            out[k] = (float) Math.max(-1, Math.min(1, max));
        }
        return out;
    }

    /** Fewest frames {@link #periodicity} takes at this hop: one more than the longest lag it reads. */
    public static int minFrames(double hopSeconds) {
        return (int) Math.ceil(lagSeconds(LAGS - 0.5) / hopSeconds) + 1;
    }

    /** Centre of lag bin {@code k} in seconds ({@code 0 <= k < LAGS}; fractional k gives bin edges). */
    public static double lagSeconds(double k) {
        return MIN_LAG_S * Math.pow(MAX_LAG_S / MIN_LAG_S, k / (double) (LAGS - 1));
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
