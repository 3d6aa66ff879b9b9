package org.genrevamp.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GenreSegmenterTest {
    /** Region times are midpoints and differences of a few doubles. */
    private static final double TIME_TOLERANCE = 1e-9;
    /** Means of float probabilities. */
    private static final double PROBABILITY_TOLERANCE = 1e-6;

    private static final List<String> AB = List.of("a", "b");
    private static final List<String> ABC = List.of("a", "b", "c");
    private static final SegmenterParams RAW = new SegmenterParams(0, 0, 0);

    /** Window centres 0.5, 1.5, ... (1 s hop) for n windows. */
    private static double[] secondCentres(int n) {
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = i + 0.5;
        }
        return c;
    }

    private static float[][] repeat(Object... rowsAndCounts) {
        java.util.ArrayList<float[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < rowsAndCounts.length; i += 2) {
            for (int k = 0; k < (Integer) rowsAndCounts[i + 1]; k++) {
                rows.add((float[]) rowsAndCounts[i]);
            }
        }
        return rows.toArray(new float[0][]);
    }

    private static void assertRegion(GenreRegion r, double start, double end, int genre, String label, double mean) {
        assertEquals(start, r.startSeconds(), TIME_TOLERANCE, "start of " + r);
        assertEquals(end, r.endSeconds(), TIME_TOLERANCE, "end of " + r);
        assertEquals(genre, r.genreIndex(), "genre of " + r);
        assertEquals(label, r.label());
        assertEquals(mean, r.meanProbability(), PROBABILITY_TOLERANCE, "mean of " + r);
    }

    @Test
    void boundaryLiesHalfwayBetweenTheWindowCentresAroundTheChange() {
        float[][] p = {{0.9f, 0.1f}, {0.9f, 0.1f}, {0.2f, 0.8f}, {0.2f, 0.8f}};
        List<GenreRegion> regions = new GenreSegmenter(AB, RAW).segment(p, new double[] {1.5, 3.0, 4.5, 6.0}, 7.0);
        assertEquals(2, regions.size());
        assertRegion(regions.get(0), 0, 3.75, 0, "a", 0.9);
        assertRegion(regions.get(1), 3.75, 7.0, 1, "b", 0.8);
        assertEquals(2, regions.get(1).firstWindow());
        assertEquals(2, regions.get(1).windowCount());
    }

    @Test
    void aShortRegionJoinsTheNeighbourItsWindowsRateHigher() {
        float[] a = {0.8f, 0.1f, 0.1f};
        float[] c = {0.1f, 0.1f, 0.8f};
        float[] bLikeA = {0.3f, 0.6f, 0.1f};
        float[] bLikeC = {0.1f, 0.6f, 0.3f};
        GenreSegmenter segmenter = new GenreSegmenter(ABC, new SegmenterParams(0, 3, 0));
        // b lasts 2 s < 3 s
        List<GenreRegion> toA = segmenter.segment(repeat(a, 4, bLikeA, 2, c, 4), secondCentres(10), 10);
        assertEquals(2, toA.size());
        assertRegion(toA.get(0), 0, 6, 0, "a", (4 * 0.8 + 2 * 0.3) / 6);
        assertRegion(toA.get(1), 6, 10, 2, "c", 0.8);
        List<GenreRegion> toC = segmenter.segment(repeat(a, 4, bLikeC, 2, c, 4), secondCentres(10), 10);
        assertRegion(toC.get(0), 0, 4, 0, "a", 0.8);
        assertRegion(toC.get(1), 4, 10, 2, "c", (4 * 0.8 + 2 * 0.3) / 6);
    }

    @Test
    void anEvenlySimilarShortRegionJoinsTheLongerNeighbour() {
        float[] a = {0.8f, 0.1f, 0.1f};
        float[] c = {0.1f, 0.1f, 0.8f};
        float[] b = {0.2f, 0.6f, 0.2f};
        List<GenreRegion> regions = new GenreSegmenter(ABC, new SegmenterParams(0, 3, 0))
                .segment(repeat(a, 3, b, 2, c, 5), secondCentres(10), 10);
        assertEquals(2, regions.size());
        assertRegion(regions.get(0), 0, 3, 0, "a", 0.8);
        assertRegion(regions.get(1), 3, 10, 2, "c", (5 * 0.8 + 2 * 0.2) / 7);
    }

    @Test
    void neighboursOfTheSameGenreMergeAcrossAnAbsorbedBlip() {
        float[] a = {0.8f, 0.1f, 0.1f};
        float[] b = {0.3f, 0.6f, 0.1f};
        GenreSegmenter segmenter = new GenreSegmenter(ABC, new SegmenterParams(0, 3, 0));
        List<GenreRegion> regions = segmenter.segment(repeat(a, 4, b, 1, a, 5), secondCentres(10), 10);
        assertEquals(1, regions.size());
        assertRegion(regions.get(0), 0, 10, 0, "a", (9 * 0.8 + 0.3) / 10);
        // a short first region has only one neighbour
        List<GenreRegion> first = segmenter.segment(repeat(b, 1, a, 9), secondCentres(10), 10);
        assertEquals(1, first.size());
        assertEquals(0, first.get(0).genreIndex());
    }

    @Test
    void unsureRegionsBecomeOneUnknownRegion() {
        float[] a = {0.8f, 0.1f, 0.1f};
        float[] weakB = {0.30f, 0.38f, 0.32f};
        float[] weakC = {0.30f, 0.32f, 0.38f};
        float[][] p = repeat(a, 4, weakB, 3, weakC, 3);
        List<GenreRegion> regions = new GenreSegmenter(ABC, new SegmenterParams(0, 0, 0.4)).segment(p, secondCentres(10), 10);
        assertEquals(2, regions.size());
        assertRegion(regions.get(0), 0, 4, 0, "a", 0.8);
        assertRegion(regions.get(1), 4, 10, GenreSegmenter.UNKNOWN_INDEX, GenreSegmenter.UNKNOWN_LABEL, 0.38);
        assertTrue(regions.get(1).unknown());
        assertEquals(6, regions.get(1).windowCount());
        // threshold 0 turns it off
        assertEquals(3, new GenreSegmenter(ABC, RAW).segment(p, secondCentres(10), 10).size());
    }

    @Test
    void aFileShorterThanOneWindowIsOneRegion() {
        double dt = 512.0 / 22050;
        WindowPlan plan = WindowPlan.of(130, 1.5, dt);
        WindowSpan[] spans = plan.spans(50);
        double duration = 50 * 512 / 22050.0;
        List<GenreRegion> regions = new GenreSegmenter(AB, SegmenterParams.defaults())
                .segment(new float[][] {{0.3f, 0.7f}}, new double[] {spans[0].centreSeconds()}, duration);
        assertEquals(1, regions.size());
        assertRegion(regions.get(0), 0, duration, 1, "b", 0.7);
    }

    @Test
    void regionsTileTheFileForRandomInputs() {
        Random random = new Random(42);
        for (int trial = 0; trial < 500; trial++) {
            int genres = 1 + random.nextInt(6);
            int n = 1 + random.nextInt(80);
            float[][] p = RandomProbabilities.sequence(random, n, genres);
            double hop = 0.2 + 1.8 * random.nextDouble();
            double[] centres = new double[n];
            for (int i = 0; i < n; i++) {
                centres[i] = hop * (0.5 + i);
            }
            if (n > 1 && random.nextBoolean()) {
                centres[n - 1] = centres[n - 2] + hop * (0.05 + 0.9 * random.nextDouble()); // an end-aligned tail window
            }
            double duration = centres[n - 1] + hop * random.nextDouble();
            SegmenterParams params = new SegmenterParams(4 * random.nextDouble(), 20 * random.nextDouble(),
                    0.6 * random.nextDouble());
            List<String> labels = java.util.stream.IntStream.range(0, genres).mapToObj(g -> "g" + g).toList();
            assertTiles(new GenreSegmenter(labels, params).segment(p, centres, duration), n, duration, params,
                    "trial " + trial + " " + params);
        }
    }

    @Test
    void anHourAtTheSuggestedHopTilesTheFile() {
        // 2400 windows x 10 genres, as a 60-minute file at a 1.5 s hop gives
        Random random = new Random(7);
        int n = 2400;
        float[][] p = RandomProbabilities.sequence(random, n, 10);
        double[] centres = new double[n];
        for (int i = 0; i < n; i++) {
            centres[i] = 1.5 + 1.5 * i;
        }
        List<String> labels = java.util.stream.IntStream.range(0, 10).mapToObj(g -> "g" + g).toList();
        SegmenterParams params = SegmenterParams.defaults();
        assertTiles(new GenreSegmenter(labels, params).segment(p, centres, 3601.0), n, 3601.0, params, "hour");
    }

    /** Contiguous, covering [0, duration), every window in one region, knobs respected. */
    private static void assertTiles(List<GenreRegion> regions, int n, double duration, SegmenterParams params,
            String context) {
        String where = context + " " + regions;
        assertEquals(0.0, regions.get(0).startSeconds(), where);
        assertEquals(duration, regions.get(regions.size() - 1).endSeconds(), TIME_TOLERANCE, where);
        int windows = 0;
        for (int i = 0; i < regions.size(); i++) {
            GenreRegion r = regions.get(i);
            assertTrue(r.durationSeconds() > 0, where);
            assertEquals(windows, r.firstWindow(), where);
            windows += r.windowCount();
            if (i > 0) {
                GenreRegion prev = regions.get(i - 1);
                assertEquals(prev.endSeconds(), r.startSeconds(), TIME_TOLERANCE, where);
                assertNotEquals(prev.genreIndex(), r.genreIndex(), where);
            }
            if (regions.size() > 1) {
                assertTrue(r.durationSeconds() >= params.minSegmentSeconds(), where);
            }
            if (!r.unknown()) {
                assertTrue(r.meanProbability() >= params.unknownThreshold(), where);
                assertEquals("g" + r.genreIndex(), r.label(), where);
            }
        }
        assertEquals(n, windows, where);
    }

    @Test
    void refusesInconsistentInputWithAMessage() {
        GenreSegmenter segmenter = new GenreSegmenter(AB, RAW);
        float[][] p = {{0.5f, 0.5f}, {0.5f, 0.5f}};
        IllegalArgumentException late = assertThrows(IllegalArgumentException.class,
                () -> segmenter.segment(p, new double[] {1, 9}, 5));
        assertTrue(late.getMessage().contains("window 1"), late.getMessage());
        assertThrows(IllegalArgumentException.class, () -> segmenter.segment(p, new double[] {2, 1}, 5));
        assertThrows(IllegalArgumentException.class, () -> segmenter.segment(p, new double[] {1}, 5));
        assertThrows(IllegalArgumentException.class, () -> segmenter.segment(new float[][] {{1f}}, new double[] {1}, 5));
        assertThrows(IllegalArgumentException.class, () -> segmenter.segment(p, new double[] {1, 2}, Double.NaN));
        assertEquals(List.of(), segmenter.segment(new float[0][], new double[0], 0));
        assertThrows(IllegalArgumentException.class, () -> new SegmenterParams(-1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new SegmenterParams(0, 0, 1.5));
    }
}
