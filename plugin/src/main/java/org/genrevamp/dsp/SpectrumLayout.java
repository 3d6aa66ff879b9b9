package org.genrevamp.dsp;

/**
 * Conversions between the two layouts of the spectrum of a real signal of length n:
 *
 * <ul>
 *   <li><b>interleaved</b> (Vamp frequency-domain input): {@code n/2 + 1} complex bins as
 *       {@code re0, im0, re1, im1, ...}, length {@code 2 (n/2 + 1)};</li>
 *   <li><b>packed</b> (JTransforms {@code realForward}, length n): {@code a[2k] = Re[k]},
 *       {@code a[2k+1] = Im[k]} for {@code 0 < k < n/2}, {@code a[0] = Re[0]}; for even n
 *       {@code a[1] = Re[n/2]}; for odd n {@code a[1] = Im[(n-1)/2]} and {@code a[n-1] = Re[(n-1)/2]}.</li>
 * </ul>
 * Both use the forward sign {@code X[k] = sum x[t] e^{-2 pi i k t / n}}, unscaled. Bins are {@code
 * k * sampleRate / n} Hz apart.
 */
public final class SpectrumLayout {
    private SpectrumLayout() {
    }

    /** Number of complex bins of a real spectrum of length n: {@code n / 2 + 1}. */
    public static int bins(int n) {
        return n / 2 + 1;
    }

    /**
     * Packed (JTransforms) to interleaved (Vamp). The imaginary parts of bin 0 (and of bin n/2 for
     * even n), which are zero for a real signal, are written as 0.
     *
     * @param packed      length >= n, JTransforms layout
     * @param n           signal length, >= 2
     * @param interleaved receives {@code 2 * bins(n)} values
     * @throws IllegalArgumentException if n < 2 or an array is too short
     */
    public static void packedToInterleaved(double[] packed, int n, float[] interleaved) {
        check(n, packed.length, interleaved.length);
        int half = n / 2;
        interleaved[0] = (float) packed[0];
        interleaved[1] = 0f;
        for (int k = 1; k < half; k++) {
            interleaved[2 * k] = (float) packed[2 * k];
            interleaved[2 * k + 1] = (float) packed[2 * k + 1];
        }
        if (n % 2 == 0) {
            interleaved[2 * half] = (float) packed[1];
            interleaved[2 * half + 1] = 0f;
        } else {
            interleaved[2 * half] = (float) packed[n - 1];
            interleaved[2 * half + 1] = (float) packed[1];
        }
    }

    /**
     * Interleaved (Vamp) to packed (JTransforms). The imaginary parts of bin 0 (and of bin n/2 for
     * even n) have no place in the packed layout and are dropped.
     *
     * @param interleaved {@code 2 * bins(n)} values
     * @param n           signal length, >= 2
     * @param packed      receives n values
     * @throws IllegalArgumentException if n < 2 or an array is too short
     */
    public static void interleavedToPacked(float[] interleaved, int n, double[] packed) {
        check(n, packed.length, interleaved.length);
        int half = n / 2;
        packed[0] = interleaved[0];
        for (int k = 1; k < half; k++) {
            packed[2 * k] = interleaved[2 * k];
            packed[2 * k + 1] = interleaved[2 * k + 1];
        }
        if (n % 2 == 0) {
            packed[1] = interleaved[2 * half];
        } else {
            packed[n - 1] = interleaved[2 * half];
            packed[1] = interleaved[2 * half + 1];
        }
    }

    /**
     * Power {@code |X[k]|^2} of each bin of a packed spectrum (the same units as the input squared).
     *
     * @param packed length >= n, JTransforms layout
     * @param n      signal length, >= 2
     * @param power  receives {@code bins(n)} values
     * @throws IllegalArgumentException if n < 2 or an array is too short
     */
    public static void packedPower(double[] packed, int n, double[] power) {
        check(n, packed.length, 2 * power.length);
        int half = n / 2;
        power[0] = packed[0] * packed[0];
        for (int k = 1; k < half; k++) {
            double re = packed[2 * k];
            double im = packed[2 * k + 1];
            power[k] = re * re + im * im;
        }
        if (n % 2 == 0) {
            power[half] = packed[1] * packed[1];
        } else {
            double re = packed[n - 1];
            double im = packed[1];
            power[half] = re * re + im * im;
        }
    }

    private static void check(int n, int packedLength, int interleavedLength) {
        if (n < 2) {
            throw new IllegalArgumentException("SpectrumLayout: n must be >= 2, got " + n);
        }
        if (packedLength < n || interleavedLength < 2 * bins(n)) {
            throw new IllegalArgumentException("SpectrumLayout: arrays too short for n=" + n + " (packed "
                    + packedLength + " < " + n + " or interleaved " + interleavedLength + " < " + 2 * bins(n) + ")");
        }
    }
}
