package org.genrevamp.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Downmix, padding, window and dB conversion, with hand-derived values. */
class SmallPartsTest {
    @Test
    void downmixIsTheMeanOfTheChannels() {
        float[][] stereo = {{1f, 0.5f, -1f}, {0f, 0.5f, 1f}};
        assertArrayEquals(new float[] {0.5f, 0.5f, 0f}, Downmix.mono(stereo), 0f);
        float[] single = {0.25f, -0.75f};
        float[] mono = Downmix.mono(new float[][] {single});
        assertArrayEquals(single, mono, 0f);
        assertNotSame(single, mono);
        assertEquals(0, Downmix.mono(new float[][] {{}, {}}).length);
    }

    @Test
    void downmixRefusesMissingOrRaggedChannels() {
        assertThrows(IllegalArgumentException.class, () -> Downmix.mono(new float[0][]));
        assertThrows(IllegalArgumentException.class, () -> Downmix.mono(null));
        assertThrows(IllegalArgumentException.class, () -> Downmix.mono(new float[][] {{1f}, null}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Downmix.mono(new float[][] {{1f, 2f}, {1f}}));
        assertEquals("Downmix.mono: channel 1 has 1 samples, channel 0 has 2", e.getMessage());
    }

    @Test
    void reflectPaddingFollowsNumpy() {
        // numpy.pad([0, 1, 2], (9, 9), 'reflect') = 1 0 1 2 1 0 1 2 1 | 0 1 2 | 1 0 1 2 1 0 1 2 1 (numpy 1.24)
        long[] expected = {1, 0, 1, 2, 1, 0, 1, 2, 1, 0, 1, 2, 1, 0, 1, 2, 1, 0, 1, 2, 1};
        for (int i = -9; i < 12; i++) {
            assertEquals(expected[i + 9], SignalPadding.sourceIndex(i, 3, MelConfig.PadMode.REFLECT), "i=" + i);
        }
        assertEquals(0, SignalPadding.sourceIndex(-5, 1, MelConfig.PadMode.REFLECT), "a single sample reflects to itself");
        assertEquals(SignalPadding.ZERO, SignalPadding.sourceIndex(-1, 3, MelConfig.PadMode.CONSTANT));
        assertEquals(SignalPadding.ZERO, SignalPadding.sourceIndex(3, 3, MelConfig.PadMode.CONSTANT));
        assertEquals(2, SignalPadding.sourceIndex(2, 3, MelConfig.PadMode.CONSTANT));
        assertThrows(IllegalArgumentException.class, () -> SignalPadding.sourceIndex(0, 0, MelConfig.PadMode.REFLECT));
    }

    @Test
    void periodicHannHasItsPeakAtTheMiddleAndSumsToHalfItsLength() {
        double[] w = HannWindow.periodic(8);
        assertArrayEquals(new double[] {0, 0.5 - 0.5 * Math.sqrt(0.5), 0.5, 0.5 + 0.5 * Math.sqrt(0.5), 1,
                0.5 + 0.5 * Math.sqrt(0.5), 0.5, 0.5 - 0.5 * Math.sqrt(0.5)}, w, 1e-15);
        double sum = 0;
        for (double v : HannWindow.periodic(2048)) {
            sum += v;
        }
        assertEquals(1024, sum, 1e-9);
        assertThrows(IllegalArgumentException.class, () -> HannWindow.periodic(0));
    }

    @Test
    void powerToDbFloorsAtAminAndTopDbIsRelativeToTheWholeMaximum() {
        assertEquals(0.0, PowerToDb.toDb(1.0, 1e-10), 0.0);
        assertEquals(-100.0, PowerToDb.toDb(0.0, 1e-10), 1e-12);
        assertEquals(-100.0, PowerToDb.toDb(Double.NaN, 1e-10), 1e-12);
        assertEquals(30.0, PowerToDb.toDb(1000.0, 1e-10), 1e-12);
        float[][] db = {{10f, -50f}, {-90f, 0f}};
        PowerToDb.applyTopDb(db, 80);
        assertArrayEquals(new float[] {10f, -50f}, db[0], 0f);
        assertArrayEquals(new float[] {-70f, 0f}, db[1], 0f);
        PowerToDb.applyTopDb(new float[0][], 80);
        assertThrows(IllegalArgumentException.class, () -> PowerToDb.applyTopDb(db, 0));
    }
}
