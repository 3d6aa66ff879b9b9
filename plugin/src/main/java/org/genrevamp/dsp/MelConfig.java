package org.genrevamp.dsp;

/**
 * Immutable configuration of the log-mel spectrogram, with librosa-compatible defaults.
 *
 * <p>Sizes are stated at the <em>reference</em> sample rate {@link #sampleRate()}. At any other
 * host rate the engine scales FFT size and hop with the rate, each rounded to whole samples (see
 * {@link #fftSizeAt(double)} and {@link #hopAt(double)}), so a frame covers the same time and each mel
 * band the same Hz; nothing is resampled. The frame hop in seconds at a host rate is
 * {@link #hopSecondsAt(double)}, which can differ from {@link #hopSeconds()} by half a sample.
 *
 * @param sampleRate reference sample rate in Hz (GTZAN: 22050)
 * @param fftSize    FFT length (= window length) in samples at the reference rate
 * @param hopSize    hop between frame centres in samples at the reference rate
 * @param melBands   number of mel bands
 * @param fMin       lowest filter edge in Hz
 * @param fMax       highest filter edge in Hz, at most {@code sampleRate / 2}
 * @param window     analysis window
 * @param centred    frames centred on {@code k * hop} (padding the signal by half a frame)
 * @param padMode    padding used when centred
 * @param power      exponent of the magnitude spectrum (2 = power)
 * @param melScale   Hz to mel mapping
 * @param melNorm    filter normalisation
 * @param amin       floor applied before {@code 10 log10}, in power units
 * @param topDb      dynamic range kept below the maximum, in dB; {@code Double.POSITIVE_INFINITY} = off
 */
public record MelConfig(
        double sampleRate,
        int fftSize,
        int hopSize,
        int melBands,
        double fMin,
        double fMax,
        Window window,
        boolean centred,
        PadMode padMode,
        double power,
        MelScale melScale,
        MelNorm melNorm,
        double amin,
        double topDb) {

    /** Analysis windows. */
    public enum Window { HANN_PERIODIC }

    /** Padding at the signal edges when frames are centred (numpy.pad semantics). */
    public enum PadMode { REFLECT, CONSTANT }

    /** Hz to mel mapping: Slaney (linear below 1 kHz, log above; librosa default) or HTK. */
    public enum MelScale { SLANEY, HTK }

    /** Filter normalisation: Slaney area normalisation (librosa {@code norm='slaney'}) or none. */
    public enum MelNorm { SLANEY, NONE }

    public static final double DEFAULT_SAMPLE_RATE = 22050.0;
    public static final int DEFAULT_FFT_SIZE = 2048;
    public static final int DEFAULT_HOP_SIZE = 512;
    public static final int DEFAULT_MEL_BANDS = 128;
    public static final double DEFAULT_AMIN = 1e-10;
    public static final double DEFAULT_TOP_DB = 80.0;

    public MelConfig {
        require(sampleRate > 0 && Double.isFinite(sampleRate), "sampleRate must be > 0 Hz, got " + sampleRate);
        require(fftSize >= 2, "fftSize must be >= 2, got " + fftSize);
        require(hopSize >= 1, "hopSize must be >= 1, got " + hopSize);
        require(melBands >= 1, "melBands must be >= 1, got " + melBands);
        require(fMin >= 0 && fMin < fMax, "need 0 <= fMin < fMax, got fMin=" + fMin + " fMax=" + fMax);
        require(fMax <= sampleRate / 2 + 1e-9, "fMax must be <= sampleRate/2 = " + sampleRate / 2 + ", got " + fMax);
        require(power > 0, "power must be > 0, got " + power);
        require(amin > 0, "amin must be > 0, got " + amin);
        require(topDb > 0, "topDb must be > 0 (POSITIVE_INFINITY = off), got " + topDb);
        require(window != null && padMode != null && melScale != null && melNorm != null, "enum fields must not be null");
    }

    /** librosa defaults: 22050 Hz, FFT 2048, hop 512, 128 Slaney bands 0..11025 Hz, top_db 80. */
    public static MelConfig defaults() {
        return new MelConfig(DEFAULT_SAMPLE_RATE, DEFAULT_FFT_SIZE, DEFAULT_HOP_SIZE, DEFAULT_MEL_BANDS,
                0.0, DEFAULT_SAMPLE_RATE / 2, Window.HANN_PERIODIC, true, PadMode.REFLECT, 2.0,
                MelScale.SLANEY, MelNorm.SLANEY, DEFAULT_AMIN, DEFAULT_TOP_DB);
    }

    /**
     * The front end of the imported PyTorch music taggers ({@code shared/data/pretrained}): torchaudio's
     * {@code MelSpectrogram(sample_rate=16000, n_fft=512, f_min=0, f_max=8000, n_mels=96)} followed by
     * {@code AmplitudeToDB()}, every other argument at its torchaudio default:
     * <ul>
     *   <li>16 kHz, {@code n_fft} 512 = {@code win_length} (window fills the FFT), {@code hop_length}
     *       {@code win_length // 2} = 256;</li>
     *   <li>{@code window_fn=torch.hann_window} (periodic Hann), {@code center=True} with
     *       {@code pad_mode="reflect"};</li>
     *   <li>{@code power=2.0} (power spectrum), {@code normalized=False} (no FFT scaling);</li>
     *   <li>96 bands 0..8000 Hz on the HTK mel scale ({@code mel_scale="htk"}: 2595 log10(1 + f/700)),
     *       triangles in Hz on the bin grid and unnormalised ({@code norm=None}, peak weight 1);</li>
     *   <li>{@code AmplitudeToDB(stype="power")}: {@code 10 log10(max(x, 1e-10))}, reference 1 (no
     *       offset), {@code top_db=None} (no clipping, so topDb is infinite here).</li>
     * </ul>
     * At other host rates the engine scales FFT and hop as for any config (1411 points, hop 706 at
     * 44.1 kHz, i.e. 16.009 ms instead of 16 ms) instead of resampling to 16 kHz as the taggers'
     * training pipeline did.
     */
    public static MelConfig torchaudioTagger() {
        return new MelConfig(16000.0, 512, 256, 96, 0.0, 8000.0, Window.HANN_PERIODIC, true, PadMode.REFLECT,
                2.0, MelScale.HTK, MelNorm.NONE, 1e-10, Double.POSITIVE_INFINITY);
    }

    public MelConfig withFrames(int newFftSize, int newHopSize) {
        return new MelConfig(sampleRate, newFftSize, newHopSize, melBands, fMin, fMax, window, centred, padMode,
                power, melScale, melNorm, amin, topDb);
    }

    public MelConfig withMelBands(int bands, double low, double high, MelScale scale, MelNorm norm) {
        return new MelConfig(sampleRate, fftSize, hopSize, bands, low, high, window, centred, padMode,
                power, scale, norm, amin, topDb);
    }

    public MelConfig withTopDb(double newTopDb) {
        return new MelConfig(sampleRate, fftSize, hopSize, melBands, fMin, fMax, window, centred, padMode,
                power, melScale, melNorm, amin, newTopDb);
    }

    /** Hop between frame centres in seconds. */
    public double hopSeconds() {
        return hopSize / sampleRate;
    }

    /** Frame (window) length in seconds. */
    public double frameSeconds() {
        return fftSize / sampleRate;
    }

    /** FFT length in samples at {@code rate}: the reference length scaled with the rate, at least 2. */
    public int fftSizeAt(double rate) {
        return Math.max(2, (int) Math.round(fftSize * rate / sampleRate));
    }

    /**
     * Hop in whole samples at {@code rate}: the reference hop scaled with the rate and rounded, at least 1;
     * frame k is centred on sample {@code k * hopAt(rate)}. Whole samples because hosts place features on
     * whole sample frames: Sonic Visualiser rounds a fractional hop (705.6 at 44.1 kHz for the taggers,
     * 1114.56 at 48 kHz for the 22.05 kHz models), which made frames and windows drift against their
     * timestamps.
     */
    public int hopAt(double rate) {
        return (int) Math.max(1, Math.round(hopSize * rate / sampleRate));
    }

    /** Seconds between frame centres at {@code rate}: {@code hopAt(rate) / rate}. */
    public double hopSecondsAt(double rate) {
        return hopAt(rate) / rate;
    }

    /** Seconds from a frame's start to its centre at {@code rate} ({@code fftSizeAt(rate) / 2 / rate}). */
    public double halfFrameSecondsAt(double rate) {
        return fftSizeAt(rate) / 2 / rate;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("MelConfig: " + message);
        }
    }
}
