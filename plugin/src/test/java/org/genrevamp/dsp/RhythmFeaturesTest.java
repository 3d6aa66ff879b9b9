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
 * whose tempo, metre and band are known by construction.
 */
class RhythmFeaturesTest {
    /** float32 inputs, sums in double on both sides: differences are float rounding of the envelope. */
    static final double ONSET_TOLERANCE = 1e-5;
    /** Sums of ~190 products of float32-rounded envelope values, normalised: rounding ~1e-6, with margin. */
    static final double FEATURE_TOLERANCE = 1e-4;
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
                        + (t % 29 == 0 ? 24 : 0) + (t % 87 == 0 ? 12 : 0) + (b < 2 && t % 41 == 0 ? 18 : 0));
            }
        }
        float[] onset = RhythmFeatures.onsetEnvelope(x);
        for (int t = 0; t < frames; t++) {
            assertEquals(ref.get("onset").get(t).asDouble(), onset[t], ONSET_TOLERANCE, "onset[" + t + "]");
        }
        float[] p = RhythmFeatures.features(x, ref.get("hopSeconds").asDouble());
        assertEquals(RhythmFeatures.SIZE, p.length);
        assertEquals(RhythmFeatures.SIZE, ref.get("features").size());
        for (int k = 0; k < p.length; k++) {
            assertEquals(ref.get("features").get(k).asDouble(), p[k], FEATURE_TOLERANCE, "features[" + k + "]");
        }
    }

    /**
     * 29 s of 16 bands with a click every {@code period} frames in the bands {@code [from, to)} (20 dB,
     * 30 dB every {@code accent}-th), -60 dB elsewhere.
     */
    private static float[][] clicks(int period, int accent, int from, int to) {
        float[][] x = new float[1813][16];
        for (int t = 0; t < x.length; t++) {
            for (int b = 0; b < 16; b++) {
                boolean click = t % period == 0 && b >= from && b < to;
                x[t][b] = -60 + (click ? (t % (period * accent) == 0 ? 30 : 20) : 0);
            }
        }
        return x;
    }

    private static float[][] clicks(int period, int accent) {
        return clicks(period, accent, 0, 16);
    }

    /** Group {@code g}'s value at the tempo bin nearest {@code bpm}. */
    private static float value(float[] p, int g, double bpm) {
        int best = 0;
        for (int k = 0; k < RhythmFeatures.TEMPI; k++) {
            if (Math.abs(Math.log(RhythmFeatures.bpm(k) / bpm)) < Math.abs(Math.log(RhythmFeatures.bpm(best) / bpm))) {
                best = k;
            }
        }
        return p[g * RhythmFeatures.TEMPI + best];
    }

    @Test
    void aClickTrainPeaksAtItsTempoAndHarmonicsNotBetween() {
        // 32 frames = 0.512 s = 117.2 BPM: energy at 117 and 234 BPM, little at 90 or 150 BPM
        float[] p = RhythmFeatures.features(clicks(32, 1), HOP);
        for (int g = 0; g < RhythmFeatures.GROUPS; g++) {
            double beat = value(p, g, 117.2);
            assertTrue(beat > 2 * value(p, g, 90) && beat > 2 * value(p, g, 150),
                    "group " + g + ": " + beat + " at 117 BPM, " + value(p, g, 90) + " at 90, " + value(p, g, 150) + " at 150");
            assertTrue(value(p, g, 234.4) > 2 * value(p, g, 190), "group " + g + ": second harmonic");
        }
    }

    @Test
    void accentsEveryThirdBeatShowAtTheBarTempo() {
        // 25 frames = 0.4 s = 150 BPM; accent every 3 beats: a 1.2 s bar (50 BPM); every 2: 0.8 s (75 BPM)
        float[] triple = RhythmFeatures.features(clicks(25, 3), HOP);
        float[] duple = RhythmFeatures.features(clicks(25, 2), HOP);
        assertTrue(value(triple, 0, 50) > 2 * value(triple, 0, 75),
                "triple: " + value(triple, 0, 50) + " at 50 BPM, " + value(triple, 0, 75) + " at 75");
        assertTrue(value(duple, 0, 75) > 2 * value(duple, 0, 50),
                "duple: " + value(duple, 0, 75) + " at 75 BPM, " + value(duple, 0, 50) + " at 50");
    }

    @Test
    void eachBandGroupSeesOnlyItsOwnOnsets() {
        // 16 bands: groups 0-3, 4-9, 10-15; clicks in the treble only
        assertEquals(4, RhythmFeatures.groupStart(1, 16));
        assertEquals(10, RhythmFeatures.groupStart(2, 16));
        assertEquals(24, RhythmFeatures.groupStart(1, 96));
        assertEquals(60, RhythmFeatures.groupStart(2, 96));
        float[] p = RhythmFeatures.features(clicks(32, 1, 10, 16), HOP);
        for (int k = 0; k < 2 * RhythmFeatures.TEMPI; k++) {
            assertEquals(0f, p[k], "low and middle groups: no onsets, bin " + k);
        }
        assertTrue(value(p, 2, 117.2) > 0.5, "treble group: " + value(p, 2, 117.2));
    }

    @Test
    void louderIsTheSame() {
        float[] p = RhythmFeatures.features(clicks(32, 1), HOP);
        float[][] loud = clicks(32, 1);
        for (float[] row : loud) {
            for (int b = 0; b < row.length; b++) {
                row[b] = row[b] * 2 + 10;        // twice the dB swing: every onset twice as strong
            }
        }
        assertArrayEquals(p, RhythmFeatures.features(loud, HOP), 1e-5f);
    }

    @Test
    void steadySoundHasNoTempo() {
        float[][] x = new float[600][4];
        for (float[] row : x) {
            java.util.Arrays.fill(row, -20f);
        }
        assertArrayEquals(new float[RhythmFeatures.SIZE], RhythmFeatures.features(x, HOP));
    }

    @Test
    void refusesWindowsShorterThanOneFrameTooFewBandsAndRaggedFrames() {
        assertEquals(188, RhythmFeatures.minFrames(HOP));
        IllegalArgumentException shortWindow = assertThrows(IllegalArgumentException.class,
                () -> RhythmFeatures.features(new float[187][4], HOP));
        assertTrue(shortWindow.getMessage().contains("need at least 188 frames"), shortWindow.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RhythmFeatures.features(new float[400][2], HOP));
        float[][] ragged = {new float[4], new float[3]};
        assertThrows(IllegalArgumentException.class, () -> RhythmFeatures.onsetEnvelope(ragged));
    }
}
