package org.genrevamp.dsp;

import org.jtransforms.fft.DoubleFFT_1D;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * Forward FFT of a real signal of any length n >= 2, in JTransforms' packed {@code realForward} layout
 * (see {@link SpectrumLayout}), single-threaded and allocation-free per call.
 *
 * <p>Why not JTransforms' {@code realForward} for every n: for lengths that are not powers of two it
 * allocates work arrays on every call (262 KB per frame at n = 4458, the 48 kHz frame), and above 8192
 * points it hands work to a thread pool. So powers of two go to JTransforms directly, and other lengths
 * use Bluestein's algorithm: the DFT as a chirp convolution evaluated with power-of-two complex FFTs of
 * length {@code m >= 2n - 1} over buffers allocated once.
 *
 * <p>JTransforms' concurrency is switched to one thread for the whole JVM when this class loads: the
 * engine runs inside hosts' threads and the trainer parallelises over files itself.
 */
public final class RealFft {
    static {
        ConcurrencyUtils.setNumberOfThreads(1);
    }

    private final int n;
    private final DoubleFFT_1D fft;          // length n (power of two) or m (Bluestein)
    private final double[] chirp;            // interleaved e^{-i pi k^2 / n}, k < n (Bluestein only)
    private final double[] filterSpectrum;   // FFT of the conjugate chirp, wrapped to length m (Bluestein only)
    private final double[] work;             // interleaved complex, length m (Bluestein only)

    /**
     * @param n signal length, >= 2
     * @throws IllegalArgumentException if n < 2 or n > 2^28 (Bluestein's buffers would not fit an array)
     */
    public RealFft(int n) {
        if (n < 2 || n > (1 << 28)) {
            throw new IllegalArgumentException("RealFft: length must be in [2, 2^28], got " + n);
        }
        this.n = n;
        if (Integer.bitCount(n) == 1) {
            fft = new DoubleFFT_1D(n);
            chirp = null;
            filterSpectrum = null;
            work = null;
            return;
        }
        int m = Integer.highestOneBit(2 * n - 1);
        m = m < 2 * n - 1 ? 2 * m : m;
        fft = new DoubleFFT_1D(m);
        chirp = new double[2 * n];
        filterSpectrum = new double[2 * m];
        work = new double[2 * m];
        for (int k = 0; k < n; k++) {
            // k^2 mod 2n keeps the angle small, so it stays exact for large k
            double angle = Math.PI * (double) ((long) k * k % (2L * n)) / n;
            chirp[2 * k] = Math.cos(angle);
            chirp[2 * k + 1] = -Math.sin(angle);
        }
        for (int k = 0; k < n; k++) {
            double re = chirp[2 * k];
            double im = -chirp[2 * k + 1]; // conjugate chirp, placed at k and (wrapped) at m - k
            filterSpectrum[2 * k] = re;
            filterSpectrum[2 * k + 1] = im;
            if (k > 0) {
                filterSpectrum[2 * (m - k)] = re;
                filterSpectrum[2 * (m - k) + 1] = im;
            }
        }
        fft.complexForward(filterSpectrum);
    }

    /** Signal length n. */
    public int length() {
        return n;
    }

    /**
     * In-place forward DFT {@code X[k] = sum_t x[t] e^{-2 pi i k t / n}} (unscaled).
     *
     * @param data on entry the n real samples; on return the spectrum in JTransforms' packed layout
     *             ({@link SpectrumLayout}); only the first n elements are used
     * @throws IllegalArgumentException if data is shorter than n
     */
    public void forward(double[] data) {
        if (data.length < n) {
            throw new IllegalArgumentException("RealFft.forward: need " + n + " samples, got " + data.length);
        }
        if (chirp == null) {
            fft.realForward(data);
            return;
        }
        int m = work.length / 2;
        for (int t = 0; t < n; t++) {
            work[2 * t] = data[t] * chirp[2 * t];
            work[2 * t + 1] = data[t] * chirp[2 * t + 1];
        }
        java.util.Arrays.fill(work, 2 * n, 2 * m, 0.0);
        fft.complexForward(work);
        for (int k = 0; k < m; k++) {
            double re = work[2 * k];
            double im = work[2 * k + 1];
            double fr = filterSpectrum[2 * k];
            double fi = filterSpectrum[2 * k + 1];
            work[2 * k] = re * fr - im * fi;
            work[2 * k + 1] = re * fi + im * fr;
        }
        fft.complexInverse(work, true);
        int half = n / 2;
        for (int k = 0; k <= half; k++) {
            double re = work[2 * k] * chirp[2 * k] - work[2 * k + 1] * chirp[2 * k + 1];
            double im = work[2 * k] * chirp[2 * k + 1] + work[2 * k + 1] * chirp[2 * k];
            if (k == 0) {
                data[0] = re;
            } else if (k < half) {
                data[2 * k] = re;
                data[2 * k + 1] = im;
            } else if (n % 2 == 0) {
                data[1] = re; // k = n/2
            } else {
                data[n - 1] = re; // k = (n-1)/2
                data[1] = im;
            }
        }
    }
}
