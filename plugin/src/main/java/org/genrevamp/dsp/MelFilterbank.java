package org.genrevamp.dsp;

/**
 * Triangular mel filters over the bins of a real FFT, built with librosa's {@code filters.mel}
 * formulas: band edges equally spaced in mel, each triangle defined in Hz and evaluated at the exact
 * bin frequencies {@code k * sampleRate / fftSize} (centres are never rounded to bins), optionally
 * scaled to unit area in Hz (Slaney: {@code 2 / (f[i+2] - f[i])}).
 *
 * <p>Stored sparsely (first non-zero bin and the run of weights per band) because each band touches
 * only a few bins. Immutable; {@link #apply} is allocation-free.
 */
public final class MelFilterbank {
    private final int bins;
    private final double[] centresHz;
    private final int[] firstBin;
    private final double[][] weights;

    private MelFilterbank(int bins, double[] centresHz, int[] firstBin, double[][] weights) {
        this.bins = bins;
        this.centresHz = centresHz;
        this.firstBin = firstBin;
        this.weights = weights;
    }

    /**
     * Builds the filterbank of {@code config} for an FFT of {@code fftSize} samples at {@code sampleRate}.
     * Bands whose support lies above the Nyquist frequency {@code sampleRate / 2} get no bins (all-zero
     * weights) and so always see zero power.
     *
     * @param config     bands, fMin/fMax (Hz), mel scale and normalisation
     * @param sampleRate rate of the analysed signal in Hz (> 0)
     * @param fftSize    FFT length in samples (>= 2); the filterbank covers {@code fftSize / 2 + 1} bins
     * @return the filterbank
     * @throws IllegalArgumentException if sampleRate is not a positive finite number or fftSize < 2
     */
    public static MelFilterbank create(MelConfig config, double sampleRate, int fftSize) {
        if (!(sampleRate > 0) || !Double.isFinite(sampleRate)) {
            throw new IllegalArgumentException("MelFilterbank.create: sampleRate must be > 0 Hz, got " + sampleRate);
        }
        if (fftSize < 2) {
            throw new IllegalArgumentException("MelFilterbank.create: fftSize must be >= 2, got " + fftSize);
        }
        int bands = config.melBands();
        int bins = fftSize / 2 + 1;
        double[] edges = MelScales.melFrequencies(bands + 2, config.fMin(), config.fMax(), config.melScale());
        double binHz = sampleRate / fftSize;
        double[] centres = new double[bands];
        int[] first = new int[bands];
        double[][] w = new double[bands][];
        double[] row = new double[bins];
        for (int b = 0; b < bands; b++) {
            double lowDiff = edges[b + 1] - edges[b];
            double highDiff = edges[b + 2] - edges[b + 1];
            double norm = config.melNorm() == MelConfig.MelNorm.SLANEY ? 2.0 / (edges[b + 2] - edges[b]) : 1.0;
            int lo = bins;
            int hi = -1;
            for (int k = 0; k < bins; k++) {
                double f = k * binHz;
                double rising = (f - edges[b]) / lowDiff;
                double falling = (edges[b + 2] - f) / highDiff;
                double v = Math.max(0.0, Math.min(rising, falling)) * norm;
                row[k] = v;
                if (v > 0) {
                    lo = Math.min(lo, k);
                    hi = k;
                }
            }
            centres[b] = edges[b + 1];
            first[b] = hi < 0 ? 0 : lo;
            w[b] = hi < 0 ? new double[0] : java.util.Arrays.copyOfRange(row, lo, hi + 1);
        }
        return new MelFilterbank(bins, centres, first, w);
    }

    /** Number of FFT bins the filters span ({@code fftSize / 2 + 1}). */
    public int bins() {
        return bins;
    }

    /** Number of mel bands. */
    public int bands() {
        return centresHz.length;
    }

    /** Centre (peak) frequency of each band in Hz, length {@link #bands()}. A new array. */
    public double[] centresHz() {
        return centresHz.clone();
    }

    /**
     * Mel energies: {@code out[b] = sum_k W[b][k] * spectrum[k]}.
     *
     * @param spectrum power (or magnitude^p) per FFT bin, length >= {@link #bins()}
     * @param out      receives one value per band, length >= {@link #bands()}; same units as the input
     *                 times the filter weights (Slaney norm: per Hz)
     * @throws ArrayIndexOutOfBoundsException if an array is too short
     */
    public void apply(double[] spectrum, double[] out) {
        for (int b = 0; b < weights.length; b++) {
            double[] wb = weights[b];
            int k0 = firstBin[b];
            double sum = 0;
            for (int j = 0; j < wb.length; j++) {
                sum += wb[j] * spectrum[k0 + j];
            }
            out[b] = sum;
        }
    }

    /**
     * The dense weight matrix, as librosa returns it.
     *
     * @return a new {@code [bands][bins]} array
     */
    public double[][] dense() {
        double[][] d = new double[weights.length][bins];
        for (int b = 0; b < weights.length; b++) {
            System.arraycopy(weights[b], 0, d[b], firstBin[b], weights[b].length);
        }
        return d;
    }
}
