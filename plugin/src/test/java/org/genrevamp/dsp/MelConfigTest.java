package org.genrevamp.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MelConfigTest {
    @Test
    void scalesFramesWithTheSampleRate() {
        MelConfig c = MelConfig.defaults();
        assertEquals(4096, c.fftSizeAt(44100));
        assertEquals(1024.0, c.hopAt(44100), 1e-12);
        assertEquals(1024, c.fftSizeAt(11025));
        assertEquals(c.hopSeconds() * 48000, c.hopAt(48000), 1e-9);
    }

    @Test
    void rejectsAnFMaxAboveNyquistWithAMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MelConfig.defaults().withMelBands(128, 0, 20000, MelConfig.MelScale.SLANEY, MelConfig.MelNorm.SLANEY));
        assertTrue(e.getMessage().contains("fMax"), e.getMessage());
    }
}
