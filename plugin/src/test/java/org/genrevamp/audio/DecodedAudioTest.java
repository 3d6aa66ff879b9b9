package org.genrevamp.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DecodedAudioTest {
    @Test
    void framesSecondsAndMonoMean() {
        DecodedAudio audio = new DecodedAudio(new float[][] {{1f, 0.5f, -1f, 0f}, {0f, 0.5f, 1f, -0.5f}}, 2f);
        assertEquals(4, audio.frames());
        assertEquals(2.0, audio.seconds(), 0.0);
        assertArrayEquals(new float[] {0.5f, 0.5f, 0f, -0.25f}, audio.mono(), 0f);
    }

    @Test
    void monoOfOneChannelIsACopy() {
        float[] samples = {0.25f, -0.75f};
        DecodedAudio audio = new DecodedAudio(new float[][] {samples}, 8000f);
        float[] mono = audio.mono();
        assertArrayEquals(samples, mono, 0f);
        mono[0] = 9f;
        assertEquals(0.25f, samples[0]);
    }

    @Test
    void rejectsBadShapesAndRates() {
        assertThrows(IllegalArgumentException.class, () -> new DecodedAudio(new float[0][], 44100f));
        assertThrows(IllegalArgumentException.class, () -> new DecodedAudio(new float[][] {{0f}, {0f, 1f}}, 44100f));
        assertThrows(IllegalArgumentException.class, () -> new DecodedAudio(new float[][] {{0f}}, 0f));
        assertThrows(IllegalArgumentException.class, () -> new DecodedAudio(new float[][] {{0f}}, Float.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> new DecodedAudio(new float[][] {{0f}}, Float.POSITIVE_INFINITY));
    }
}
