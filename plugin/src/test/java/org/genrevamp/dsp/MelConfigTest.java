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
        assertEquals(1024, c.hopAt(44100));
        assertEquals(1024, c.fftSizeAt(11025));
    }

    @Test
    void roundsTheHopToWholeSamplesAtTheHostRate() {
        MelConfig c = MelConfig.defaults();
        assertEquals(1115, c.hopAt(48000), "512 * 48000 / 22050 = 1114.56");
        assertEquals(1115 / 48000.0, c.hopSecondsAt(48000), 1e-15);
        MelConfig tagger = MelConfig.torchaudioTagger();
        assertEquals(706, tagger.hopAt(44100), "256 * 44100 / 16000 = 705.6");
        assertEquals(256, tagger.hopAt(16000));
        assertEquals(tagger.hopSeconds(), tagger.hopSecondsAt(16000), 0.0);
        assertEquals(1, tagger.hopAt(10), "at least one sample");
    }

    @Test
    void rejectsAnFMaxAboveNyquistWithAMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MelConfig.defaults().withMelBands(128, 0, 20000, MelConfig.MelScale.SLANEY, MelConfig.MelNorm.SLANEY));
        assertTrue(e.getMessage().contains("fMax"), e.getMessage());
    }
}
