package org.genrevamp.dsp;

/**
 * Index arithmetic of {@code numpy.pad} for the edges of centred frames.
 *
 * <p>REFLECT mirrors about the first and last sample without repeating them ({@code [a b c] -> ... c b
 * [a b c] b a ...}); when the padding is longer than the signal numpy reflects again and again, which
 * is the periodic extension with period {@code 2(n-1)} implemented here: equal to {@code
 * numpy.pad(y, (w, w), 'reflect')} for every w (checked for n <= 11, w < 40), the symmetric padding
 * librosa uses for centred frames. (For unequal left/right widths numpy's iterated reflection differs;
 * centred frames never need that.) A one-sample signal reflects to itself. CONSTANT pads with zeros.
 */
public final class SignalPadding {
    /** Returned by {@link #sourceIndex} for a padded position whose value is zero. */
    public static final long ZERO = -1;

    private SignalPadding() {
    }

    /**
     * Which signal sample supplies position {@code i} of the padded signal.
     *
     * @param i    position relative to the unpadded signal (negative = before it, >= n = after it)
     * @param n    signal length in samples, >= 1
     * @param mode padding mode
     * @return an index in [0, n), or {@link #ZERO} when the position is padded with zeros
     * @throws IllegalArgumentException if n < 1
     */
    public static long sourceIndex(long i, long n, MelConfig.PadMode mode) {
        if (n < 1) {
            throw new IllegalArgumentException("SignalPadding.sourceIndex: signal length must be >= 1, got " + n);
        }
        if (i >= 0 && i < n) {
            return i;
        }
        if (mode == MelConfig.PadMode.CONSTANT) {
            return ZERO;
        }
        if (n == 1) {
            return 0;
        }
        long period = 2 * (n - 1);
        long j = Math.floorMod(i, period);
        return j < n ? j : period - j;
    }
}
