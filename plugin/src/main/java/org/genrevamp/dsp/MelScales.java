package org.genrevamp.dsp;

/** Hz/mel conversions with librosa's formulas ({@code hz_to_mel}, {@code mel_to_hz}, {@code mel_frequencies}). */
public final class MelScales {
    // Slaney (Auditory Toolbox): linear 0..1 kHz at 200/3 Hz per mel, logarithmic above.
    private static final double SLANEY_HZ_PER_MEL = 200.0 / 3.0;
    private static final double SLANEY_MIN_LOG_HZ = 1000.0;
    private static final double SLANEY_MIN_LOG_MEL = SLANEY_MIN_LOG_HZ / SLANEY_HZ_PER_MEL;
    private static final double SLANEY_LOG_STEP = Math.log(6.4) / 27.0;

    private MelScales() {
    }

    /**
     * Frequency in Hz to mel.
     *
     * @param hz    frequency in Hz (>= 0 expected; the formulas are applied as they are otherwise)
     * @param scale SLANEY (librosa default, {@code htk=False}) or HTK ({@code 2595 log10(1 + f/700)})
     * @return mels
     */
    public static double hzToMel(double hz, MelConfig.MelScale scale) {
        if (scale == MelConfig.MelScale.HTK) {
            return 2595.0 * Math.log10(1.0 + hz / 700.0);
        }
        if (hz >= SLANEY_MIN_LOG_HZ) {
            return SLANEY_MIN_LOG_MEL + Math.log(hz / SLANEY_MIN_LOG_HZ) / SLANEY_LOG_STEP;
        }
        return hz / SLANEY_HZ_PER_MEL;
    }

    /**
     * Mel to frequency in Hz; the inverse of {@link #hzToMel}.
     *
     * @param mel   mels
     * @param scale SLANEY or HTK
     * @return frequency in Hz
     */
    public static double melToHz(double mel, MelConfig.MelScale scale) {
        if (scale == MelConfig.MelScale.HTK) {
            return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
        }
        if (mel >= SLANEY_MIN_LOG_MEL) {
            return SLANEY_MIN_LOG_HZ * Math.exp(SLANEY_LOG_STEP * (mel - SLANEY_MIN_LOG_MEL));
        }
        return SLANEY_HZ_PER_MEL * mel;
    }

    /**
     * {@code count} frequencies in Hz equally spaced in mel from {@code fMin} to {@code fMax} inclusive
     * (librosa {@code mel_frequencies}; spaced like {@code numpy.linspace}).
     *
     * @param count number of points, >= 2
     * @param fMin  first frequency in Hz
     * @param fMax  last frequency in Hz
     * @param scale mel scale
     * @return a new array of length {@code count}, in Hz
     * @throws IllegalArgumentException if count < 2
     */
    public static double[] melFrequencies(int count, double fMin, double fMax, MelConfig.MelScale scale) {
        if (count < 2) {
            throw new IllegalArgumentException("MelScales.melFrequencies: count must be >= 2, got " + count);
        }
        double low = hzToMel(fMin, scale);
        double high = hzToMel(fMax, scale);
        double step = (high - low) / (count - 1);
        double[] hz = new double[count];
        for (int i = 0; i < count; i++) {
            // numpy.linspace: start + i * step, with the end point set exactly
            double mel = i == count - 1 ? high : low + i * step;
            hz[i] = melToHz(mel, scale);
        }
        return hz;
    }
}
