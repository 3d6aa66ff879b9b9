package org.genrevamp.dsp;

/**
 * Streaming log-mel spectrogram: feed mono blocks of any size, receive each frame as soon as the
 * samples it covers have arrived. The frames equal those of {@link LogMelSpectrogram#compute} before
 * {@code top_db} (which needs the whole signal and is not applied here).
 *
 * <p>Pipeline per frame, at host rate r with {@code N = config.fftSizeAt(r)}, {@code hop =
 * config.hopAt(r)} (whole samples, no resampling):
 * <ol>
 *   <li>frame k covers N samples centred on sample {@code p = k * hop} (or starting at p
 *       when not centred); samples outside the signal come from {@link SignalPadding} (numpy.pad
 *       semantics);</li>
 *   <li>periodic Hann window, real FFT ({@link RealFft}: any N), {@code |X|^power};</li>
 *   <li>scaled by {@code (config.fftSize() / N)^power}, so a band-limited signal gives the same values
 *       at any rate (a DFT over the same duration grows linearly with the number of samples);</li>
 *   <li>mel filterbank built in Hz on this FFT's bin grid ({@link MelFilterbank}); bands above r/2
 *       receive nothing;</li>
 *   <li>{@code 10 log10(max(amin, mel))} dB.</li>
 * </ol>
 *
 * <p>Frame count for a signal of n samples ({@link #frameCount}): 0 for n = 0; centred: the frames
 * whose centre {@code k * hop} lies within [0, n], i.e. {@code 1 + floor(n / hop)}, which is librosa's
 * {@code 1 + n // hop} at the reference rate; not centred: the frames with {@code k * hop + N <= n}.
 *
 * <p>Memory is bounded: a buffer of about two frames, reused; {@link #push} allocates nothing.
 * NaN and infinite samples are replaced by 0 and counted. Not thread-safe.
 */
public final class MelStream {
    /**
     * Largest FFT this engine accepts: 2^20 samples (the default 2048-point frame at an 11.3 MHz rate);
     * a Bluestein FFT of about that length needs ~130 MB of buffers.
     */
    public static final int MAX_FFT_SIZE = 1 << 20;

    private final MelConfig config;
    private final int fftSize;
    private final int hop;
    private final int half;
    private final int frameOffset;
    private final double[] window;
    private final RealFft fft;
    private final MelFilterbank filterbank;
    private final double spectrumScale;
    private final float[] centresHz;

    private final double[] frame;
    private final double[] spectrum;
    private final double[] mel;
    private final float[] melDb;
    private final float[] buffer;

    private long bufferStart;   // absolute index of buffer[0]
    private int bufferLength;
    private long nextFrame;
    private long invalidSamples;

    /**
     * @param config     spectrogram configuration (sizes at its reference rate)
     * @param sampleRate rate of the samples that will be pushed, in Hz; any positive finite rate
     * @throws IllegalArgumentException if config is null, sampleRate is not positive and finite, or the
     *                                  scaled FFT would exceed {@link #MAX_FFT_SIZE}
     */
    public MelStream(MelConfig config, double sampleRate) {
        if (config == null) {
            throw new IllegalArgumentException("MelStream: config must not be null");
        }
        if (!(sampleRate > 0) || !Double.isFinite(sampleRate)) {
            throw new IllegalArgumentException("MelStream: sampleRate must be a positive finite number of Hz, got "
                    + sampleRate);
        }
        double scaledFft = config.fftSize() * sampleRate / config.sampleRate();
        if (scaledFft > MAX_FFT_SIZE) {
            throw new IllegalArgumentException("MelStream: FFT size " + Math.round(scaledFft) + " at " + sampleRate
                    + " Hz exceeds " + MAX_FFT_SIZE);
        }
        this.config = config;
        this.fftSize = config.fftSizeAt(sampleRate);
        this.hop = config.hopAt(sampleRate);
        this.half = fftSize / 2;
        this.frameOffset = config.centred() ? -half : 0;
        this.window = HannWindow.periodic(fftSize);
        this.fft = new RealFft(fftSize);
        this.filterbank = MelFilterbank.create(config, sampleRate, fftSize);
        this.spectrumScale = Math.pow((double) config.fftSize() / fftSize, config.power());
        double[] centres = filterbank.centresHz();
        this.centresHz = new float[centres.length];
        for (int b = 0; b < centres.length; b++) {
            centresHz[b] = (float) centres[b];
        }
        this.frame = new double[fftSize];
        this.spectrum = new double[SpectrumLayout.bins(fftSize)];
        this.mel = new double[config.melBands()];
        this.melDb = new float[config.melBands()];
        // pending samples never exceed fftSize + 2 (see compact), so this always leaves room to write
        this.buffer = new float[2 * fftSize + 8];
    }

    /**
     * Number of frames produced for a signal of {@code samples} samples (see the class comment).
     *
     * @param samples    signal length in samples, >= 0
     * @param config     spectrogram configuration
     * @param sampleRate signal rate in Hz, > 0
     * @return the frame count, 0 for an empty signal
     * @throws IllegalArgumentException if samples < 0 or sampleRate is not positive and finite
     */
    public static long frameCount(long samples, MelConfig config, double sampleRate) {
        if (samples < 0) {
            throw new IllegalArgumentException("MelStream.frameCount: samples must be >= 0, got " + samples);
        }
        if (!(sampleRate > 0) || !Double.isFinite(sampleRate)) {
            throw new IllegalArgumentException("MelStream.frameCount: sampleRate must be > 0 Hz, got " + sampleRate);
        }
        int hop = config.hopAt(sampleRate);
        int n = config.fftSizeAt(sampleRate);
        long k = Math.max(0, samples / hop + 1);
        while (k > 0 && !exists(k - 1, samples, hop, n, config.centred())) {
            k--;
        }
        while (exists(k, samples, hop, n, config.centred())) {
            k++;
        }
        return k;
    }

    // the one rule deciding whether frame k belongs to a signal of n samples
    private static boolean exists(long k, long n, int hop, int fftSize, boolean centred) {
        if (n <= 0) {
            return false;
        }
        return centred ? k * hop <= n : k * hop + fftSize <= n;
    }

    /**
     * Appends mono samples and emits every frame that has become complete, in order.
     *
     * @param samples samples (unit full scale); NaN/Inf are replaced by 0 and counted
     * @param offset  first sample to read
     * @param length  number of samples, >= 0 (0 is a no-op)
     * @param sink    receives the frames; its array is reused
     * @throws IllegalArgumentException if samples or sink is null or offset/length are out of range
     */
    public void push(float[] samples, int offset, int length, FrameSink sink) {
        if (samples == null || sink == null) {
            throw new IllegalArgumentException("MelStream.push: samples and sink must not be null");
        }
        if (offset < 0 || length < 0 || offset > samples.length - length) {
            throw new IllegalArgumentException("MelStream.push: offset " + offset + " and length " + length
                    + " out of range for " + samples.length + " samples");
        }
        while (length > 0) {
            if (bufferLength == buffer.length) {
                compact();
                if (bufferLength == buffer.length) {
                    // cannot happen: pending samples never exceed fftSize + 2 (see compact)
                    throw new IllegalStateException("MelStream.push: buffer full at sample " + bufferStart);
                }
            }
            long received = bufferStart + bufferLength;
            long untilReady = readyAt(nextFrame) - received;
            int count = (int) Math.min(Math.min(length, buffer.length - bufferLength), Math.max(1, untilReady));
            for (int i = 0; i < count; i++) {
                float v = samples[offset + i];
                if (!Float.isFinite(v)) {
                    v = 0f;
                    invalidSamples++;
                }
                buffer[bufferLength + i] = v;
            }
            bufferLength += count;
            offset += count;
            length -= count;
            received += count;
            while (readyAt(nextFrame) <= received) {
                // a ready frame needs no sample beyond 'received', so 'received' stands in for the length
                emit(nextFrame++, received, sink);
            }
        }
    }

    /**
     * Ends the signal: emits the remaining frames (their ends padded per {@code config.padMode()}), then
     * starts a new, empty signal at frame 0. {@link #invalidSamples()} is kept.
     *
     * @param sink receives the frames
     * @throws IllegalArgumentException if sink is null
     */
    public void finish(FrameSink sink) {
        if (sink == null) {
            throw new IllegalArgumentException("MelStream.finish: sink must not be null");
        }
        long n = bufferStart + bufferLength;
        while (exists(nextFrame, n, hop, fftSize, config.centred())) {
            emit(nextFrame++, n, sink);
        }
        clearSignal();
    }

    /** Forgets all samples and frames and zeroes {@link #invalidSamples()}. */
    public void reset() {
        clearSignal();
        invalidSamples = 0;
    }

    /** NaN or infinite samples seen (and replaced by 0) since construction or {@link #reset()}. */
    public long invalidSamples() {
        return invalidSamples;
    }

    /** Centre frequency of each mel band in Hz; a new array of length {@code melBands}. */
    public float[] bandCentresHz() {
        return centresHz.clone();
    }

    /** FFT length in samples at this stream's rate ({@code config.fftSizeAt(sampleRate)}). */
    public int fftSize() {
        return fftSize;
    }

    /** Hop in whole samples at this stream's rate ({@code config.hopAt(sampleRate)}). */
    public int hop() {
        return hop;
    }

    private void clearSignal() {
        bufferStart = 0;
        bufferLength = 0;
        nextFrame = 0;
    }

    private long position(long k) {
        return k * hop;
    }

    // samples needed before frame k can be computed without knowing the signal length
    private long readyAt(long k) {
        // centred: the right edge p + (N - N/2 - 1) and the reflection of the left edge (index N/2 - p)
        // are both covered by p + N/2
        return config.centred() ? position(k) + half + 1 : position(k) + fftSize;
    }

    // drops samples no pending frame needs; reflections at the end reach at most 2 samples below a
    // frame's start, and frames starting before 0 may reflect anything up to N/2, so keep from 0 then
    private void compact() {
        long received = bufferStart + bufferLength;
        long keepFrom = Math.min(received, Math.max(0, position(nextFrame) + frameOffset - 2));
        int drop = (int) (keepFrom - bufferStart);
        if (drop > 0) {
            System.arraycopy(buffer, drop, buffer, 0, bufferLength - drop);
            bufferStart = keepFrom;
            bufferLength -= drop;
        }
    }

    private void emit(long k, long signalLength, FrameSink sink) {
        long start = position(k) + frameOffset;
        if (start >= bufferStart && start + fftSize <= bufferStart + bufferLength && start + fftSize <= signalLength) {
            int base = (int) (start - bufferStart);
            for (int i = 0; i < fftSize; i++) {
                frame[i] = buffer[base + i] * window[i];
            }
        } else {
            for (int i = 0; i < fftSize; i++) {
                long source = SignalPadding.sourceIndex(start + i, signalLength, config.padMode());
                frame[i] = source == SignalPadding.ZERO ? 0.0 : buffer[(int) (source - bufferStart)] * window[i];
            }
        }
        fft.forward(frame);
        SpectrumLayout.packedPower(frame, fftSize, spectrum);
        if (config.power() != 2.0) {
            double exponent = config.power() / 2.0;
            for (int i = 0; i < spectrum.length; i++) {
                spectrum[i] = Math.pow(spectrum[i], exponent);
            }
        }
        filterbank.apply(spectrum, mel);
        for (int b = 0; b < mel.length; b++) {
            melDb[b] = (float) PowerToDb.toDb(mel[b] * spectrumScale, config.amin());
        }
        sink.accept(k, melDb);
    }
}
