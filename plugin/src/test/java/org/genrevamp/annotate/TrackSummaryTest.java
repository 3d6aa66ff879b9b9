package org.genrevamp.annotate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TrackSummaryTest {
    /** Sums of a few float probabilities times double weights. */
    private static final double PROBABILITY_TOLERANCE = 1e-6;

    @Test
    void labelNamesTheTopThreeWithTwoDecimalsWhateverTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY); // decimal comma, which must not leak into the label
        try {
            List<String> labels = List.of("blues", "hiphop", "pop", "reggae", "rock");
            float[][] p = {{0.05f, 0.12f, 0.06f, 0.71f, 0.06f}};
            TrackSummary s = TrackSummary.of(p, new double[] {1.5}, 3.0, labels);
            // pop and rock tie at 0.06: the lower index comes first
            assertEquals("reggae 0.71 | hiphop 0.12 | pop 0.06", s.label());
            assertEquals(3, s.topIndex());
            assertEquals(0.71, s.topProbability(), PROBABILITY_TOLERANCE);
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void windowsAreWeightedByTheTimeTheyStandFor() {
        // centres 1 and 3 in a 10 s file: cells [0, 2) and [2, 10), weights 0.2 and 0.8
        float[][] p = {{1f, 0f}, {0f, 1f}};
        TrackSummary s = TrackSummary.of(p, new double[] {1, 3}, 10, List.of("a", "b"));
        assertArrayEquals(new double[] {0.2, 0.8}, s.meanProbabilities(), PROBABILITY_TOLERANCE);
        assertEquals(1, s.topIndex());
        assertEquals("b 0.80 | a 0.20", s.label());
    }

    @Test
    void collectedTrackGivesTheSameSummary() {
        ProbabilityTrack track = new ProbabilityTrack(2);
        track.add(1, new float[] {1f, 0f});
        track.add(3, new float[] {0f, 1f});
        assertEquals("b 0.80 | a 0.20", TrackSummary.of(track, 10, List.of("a", "b")).label());
        assertThrows(IllegalArgumentException.class, () -> track.add(2, new float[] {0.5f, 0.5f}));
    }

    @Test
    void refusesAnEmptyTrack() {
        assertThrows(IllegalArgumentException.class,
                () -> TrackSummary.of(new float[0][], new double[0], 10, List.of("a")));
    }
}
