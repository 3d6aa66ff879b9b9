package org.genrevamp.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * {@link RhythmFeatures} against numpy ({@code rhythm/make_rhythm_reference.py}) and on click trains
 * whose period is known by construction.
 */
class RhythmFeaturesTest {
    /** float32 inputs, sums in double on both sides: differences are float rounding of the envelope. */
    static final double ONSET_TOLERANCE = 1e-5;
    /** The autocorrelation divides sums of ~400 float32 products: relative rounding ~1e-6, with margin. */
    static final double PERIODICITY_TOLERANCE = 1e-4;
    static final double HOP = 0.016;

    @Test
    void matchesTheNumpyReference() throws Exception {
        JsonNode ref;
        try (InputStream in = getClass().getResourceAsStream("rhythm/rhythm.json")) {
            ref = new ObjectMapper().readTree(in);
        }
        int frames = ref.get("frames").asInt();
        int bands = ref.get("bands").asInt();
        float[][] x = new float[frames][bands];
        for (int t = 0; t < frames; t++) {
            for (int b = 0; b < bands; b++) {
                x[t][b] = (float) (6 * Math.sin(0.37 * t + 0.5 * b) + 3 * Math.cos(0.05 * t * b)
                        + (t % 29 == 0 ? 24 : 0) + (t % 87 == 0 ? 12 : 0));
            }
        }
        float[] onset = RhythmFeatures.onsetEnvelope(x);
        for (int t = 0; t < frames; t++) {
            assertEquals(ref.get("onset").get(t).asDouble(), onset[t], ONSET_TOLERANCE, "onset[" + t + "]");
        }
        float[] p = RhythmFeatures.periodicity(x, ref.get("hopSeconds").asDouble());
        assertEquals(RhythmFeatures.SIZE, p.length);
        for (int k = 0; k < p.length; k++) {
            assertEquals(ref.get("periodicity").get(k).asDouble(), p[k], PERIODICITY_TOLERANCE, "periodicity[" + k + "]");
        }
    }

    /** 29 s of frames with a 20 dB broadband click every {@code period} frames, louder every {@code accent}-th. */
    private static float[][] clicks(int period, int accent) {
        float[][] x = new float[1813][16];
        for (int t = 0; t < x.length; t++) {
            for (int b = 0; b < 16; b++) {
                x[t][b] = -60 + (t % period == 0 ? (t % (period * accent) == 0 ? 30 : 20) : 0);
            }
        }
        return x;
    }

    private static int argmaxBelow(float[] p, double seconds) {
        int best = 0;
        for (int k = 0; k < p.length && RhythmFeatures.lagSeconds(k) < seconds; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }

    @Test
    void theBeatPeriodIsTheStrongestShortLag() {
        // 30 frames = 0.48 s = 125 BPM: the lag grid is 4.9 % apart, so the nearest lag is within 2.5 %
        float[] p = RhythmFeatures.periodicity(clicks(30, 1), HOP);
        double found = RhythmFeatures.lagSeconds(argmaxBelow(p, 0.9));
        assertEquals(0.48, found, 0.48 * 0.025, "beat lag");
    }

    @Test
    void accentsEveryThirdBeatShowAsABarPeriodOfThreeBeats() {
        // waltz-like: accent every 3 beats of 25 frames (0.4 s) -> the 1.2 s lag beats the 0.8 s and 1.6 s lags
        float[] p = RhythmFeatures.periodicity(clicks(25, 3), HOP);
        assertTrue(value(p, 1.2) > value(p, 0.8) && value(p, 1.2) > value(p, 1.6),
                "triple: r(1.2 s)=" + value(p, 1.2) + " r(0.8 s)=" + value(p, 0.8) + " r(1.6 s)=" + value(p, 1.6));
        float[] duple = RhythmFeatures.periodicity(clicks(25, 2), HOP);
        assertTrue(value(duple, 0.8) > value(duple, 1.2),
                "duple: r(0.8 s)=" + value(duple, 0.8) + " r(1.2 s)=" + value(duple, 1.2));
    }

    /** The vector's value at the lag nearest {@code seconds}. */
    private static float value(float[] p, double seconds) {
        int best = 0;
        for (int k = 0; k < p.length; k++) {
            if (Math.abs(RhythmFeatures.lagSeconds(k) - seconds) < Math.abs(RhythmFeatures.lagSeconds(best) - seconds)) {
                best = k;
            }
        }
        return p[best];
    }

    @Test
    void steadySoundHasNoPeriodicity() {
        float[][] x = new float[600][4];
        for (float[] row : x) {
            java.util.Arrays.fill(row, -20f);
        }
        assertArrayEquals(new float[RhythmFeatures.SIZE], RhythmFeatures.periodicity(x, HOP));
    }

    @Test
    void refusesWindowsShorterThanTheLongestLagAndRaggedFrames() {
        IllegalArgumentException shortWindow = assertThrows(IllegalArgumentException.class,
                () -> RhythmFeatures.periodicity(new float[200][4], HOP));
        assertTrue(shortWindow.getMessage().contains("need more than 257 frames"), shortWindow.getMessage());
        float[][] ragged = {new float[4], new float[3]};
        assertThrows(IllegalArgumentException.class, () -> RhythmFeatures.onsetEnvelope(ragged));
    }
}
