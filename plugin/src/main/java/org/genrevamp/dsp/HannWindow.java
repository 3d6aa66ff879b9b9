package org.genrevamp.dsp;

/** The periodic ("DFT-even") Hann window: scipy {@code get_window('hann', n, fftbins=True)}. */
public final class HannWindow {
    private HannWindow() {
    }

    /**
     * Periodic Hann window {@code w[i] = 0.5 - 0.5 cos(2 pi i / n)}, i = 0..n-1: one period of a
     * raised cosine, so overlapping windows at hop n/4 sum to a constant. Peak 1 at i = n/2 (even n),
     * w[0] = 0.
     *
     * @param n window length in samples, >= 1
     * @return a new array of length n (unitless gains in [0, 1])
     * @throws IllegalArgumentException if n < 1
     */
    public static double[] periodic(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("HannWindow.periodic: length must be >= 1, got " + n);
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.5 - 0.5 * Math.cos(2.0 * Math.PI * i / n);
        }
        return w;
    }
}
