package org.genrevamp.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RealFft and the packed (JTransforms) / interleaved (Vamp) layouts against a naive DFT, even and odd lengths. */
class SpectrumLayoutTest {
    /** Naive DFT in double vs RealFft (both ~1e-13 relative or better): loose, but far below any real error. */
    static final double DFT_TOLERANCE = 1e-9;

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {2, 3, 4, 5, 8, 9, 10, 16, 17, 743, 1024, 1025, 4458})
    void packedSpectrumConvertsToTheInterleavedDft(int n) {
        float[] x = TestSignals.noise(n, 1.0, n);
        double[] packed = new double[n];
        for (int i = 0; i < n; i++) {
            packed[i] = x[i];
        }
        new RealFft(n).forward(packed);
        float[] interleaved = new float[2 * SpectrumLayout.bins(n)];
        SpectrumLayout.packedToInterleaved(packed, n, interleaved);
        double[] power = new double[SpectrumLayout.bins(n)];
        SpectrumLayout.packedPower(packed, n, power);
        double scale = Math.sqrt(n); // DFT magnitudes of unit noise grow like sqrt(n)
        for (int k = 0; k < SpectrumLayout.bins(n); k++) {
            double re = 0;
            double im = 0;
            for (int t = 0; t < n; t++) {
                double phase = -2 * Math.PI * ((long) k * t % n) / n;
                re += x[t] * Math.cos(phase);
                im += x[t] * Math.sin(phase);
            }
            // interleaved is float: compare at float precision
            assertEquals(re, interleaved[2 * k], 1e-6 * scale * 4, "Re[" + k + "]");
            assertEquals(im, interleaved[2 * k + 1], 1e-6 * scale * 4, "Im[" + k + "]");
            assertEquals(re * re + im * im, power[k], DFT_TOLERANCE * scale * scale, "power[" + k + "]");
        }
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {2, 3, 6, 7, 4458})
    void interleavedRoundTripsThroughPacked(int n) {
        float[] interleaved = TestSignals.noise(2 * SpectrumLayout.bins(n), 1.0, 99);
        interleaved[1] = 0f; // Im of DC and of Nyquist (even n) are zero for a real signal
        if (n % 2 == 0) {
            interleaved[interleaved.length - 1] = 0f;
        }
        double[] packed = new double[n];
        SpectrumLayout.interleavedToPacked(interleaved, n, packed);
        float[] back = new float[interleaved.length];
        SpectrumLayout.packedToInterleaved(packed, n, back);
        assertArrayEquals(interleaved, back, 0f);
    }

    @Test
    void shortArraysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SpectrumLayout.packedToInterleaved(new double[8], 8, new float[9]));
        assertThrows(IllegalArgumentException.class, () -> SpectrumLayout.interleavedToPacked(new float[10], 8, new double[7]));
        assertThrows(IllegalArgumentException.class, () -> SpectrumLayout.packedPower(new double[1], 1, new double[1]));
    }
}
