package org.genrevamp.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.genrevamp.model.transfer.TransferModel;
import org.genrevamp.model.transfer.TransferStream;
import org.genrevamp.testing.TestTransferModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Segment, then label, on a synthetic spectrogram of two textures (40 s, then 20 s) through the real
 * msd/crnn with a random head (skipped without the shared data): where the change is found, and that
 * each segment is labelled from its own frames only.
 */
class SegmentedTrackTest {

    /** The taggers' hop at 16 kHz: 256 samples. */
    private static final double FRAME_S = 0.016;
    private static final int CHANGE = 2500;     // 40 s
    private static final int FRAMES = 3750;     // 60 s
    /**
     * A short segment is labelled from its own conv steps looped, not its frames looped through the whole
     * network: the two differ only at the loop's seams and the segment's first step (which saw the
     * frames before it). On this stationary texture they agree within 0.0003 per genre (measured); the
     * bound leaves room, and is far below the gap to texture A's label.
     */
    private static final double PROBABILITY_TOLERANCE = 0.02;

    private static TransferModel model;
    private static SegmentedTrack track;
    private static List<long[]> windows;   // firstFrame, realFrames
    private static float[][] frames;

    @BeforeAll
    static void stream() throws Exception {
        model = TestTransferModels.crnnWithRandomHead();
        int window = model.streamWindowFrames();
        windows = new ArrayList<>();
        TransferStream[] stream = new TransferStream[1];
        track = new SegmentedTrack(model, FRAME_S, window, (from, to) -> stream[0].spanOutputs(from, to));
        stream[0] = model.openStream(1, (i, first, real, p) -> { }, w -> {
            track.window(w);
            windows.add(new long[] {w.firstFrame(), w.realFrames()});
        });
        stream[0].keepSpans();
        Random random = new Random(5);
        frames = new float[FRAMES][96];
        for (int t = 0; t < FRAMES; t++) {
            for (int b = 0; b < 96; b++) {
                // texture A: energy falling with frequency; B: rising, with a 2 Hz pulse
                double tilt = t < CHANGE ? -0.5 * b : -48 + 0.5 * b + 6 * Math.sin(2 * Math.PI * 2 * t * FRAME_S);
                frames[t][b] = (float) (-20 + tilt + 3 * random.nextGaussian());
            }
            track.frame(frames[t]);
            stream[0].accept(frames[t]);
        }
        stream[0].finish();
    }

    @Test
    void findsTheChangeWithinABlock() {
        int[] cuts = track.changes(SegmentedTrack.Detection.defaults(), SegmenterParams.DEFAULT_SENSITIVITY, FRAMES);
        boolean near = false;
        for (int c : cuts) {
            near |= Math.abs(c - CHANGE) <= SegmentedTrack.BLOCK_FRAMES;
        }
        assertTrue(near, "a candidate within 0.77 s of 40 s; got frames " + java.util.Arrays.toString(cuts));
    }

    @Test
    void aLongSegmentPoolsOnlyTheWindowsInsideIt() {
        SegmentLabeller.Span first = track.label(0, CHANGE);
        long inside = windows.stream().filter(w -> w[0] >= 0 && w[0] + w[1] <= CHANGE).count();
        assertTrue(inside >= 1, "40 s hold a 27.6 s window");
        assertEquals(inside, first.windowCount());
        assertEquals(0, first.firstWindow());
    }

    @Test
    void aSegmentShorterThanAWindowIsLabelledFromItsOwnAudioLooped() {
        SegmentLabeller.Span last = track.label(CHANGE, FRAMES);
        assertEquals(-1, last.firstWindow(), "no streamed window lies inside 20 s");
        float[][] looped = new float[model.backbones().windowFrames()][];
        for (int t = 0; t < looped.length; t++) {
            looped[t] = frames[CHANGE + t % (FRAMES - CHANGE)];
        }
        float[] expected = model.predict(new float[][][] {looped})[0];
        double largest = 0;
        for (int g = 0; g < expected.length; g++) {
            largest = Math.max(largest, Math.abs(expected[g] - last.probabilities()[g]));
        }
        System.out.printf("short segment: largest difference to its looped frames' window %.3g%n", largest);
        for (int g = 0; g < expected.length; g++) {
            assertEquals(expected[g], last.probabilities()[g], PROBABILITY_TOLERANCE, "genre " + g);
        }
    }

    @Test
    void theShortSegmentsLabelIsNotTheOtherTexturesLabel() {
        float[] a = track.label(0, CHANGE).probabilities();
        float[] b = track.label(CHANGE, FRAMES).probabilities();
        double largest = 0;
        for (int g = 0; g < a.length; g++) {
            largest = Math.max(largest, Math.abs(a[g] - b[g]));
        }
        assertTrue(largest > 5 * PROBABILITY_TOLERANCE, "the two textures' labels differ by " + largest);
    }

    @Test
    void regionsCoverTheSignalWithoutGaps() {
        TrackAnnotation a = track.annotate(FRAMES * FRAME_S, SegmenterParams.defaults(), SegmentedTrack.Detection.defaults());
        double end = 0;
        for (GenreRegion r : a.regions()) {
            assertEquals(end, r.startSeconds(), 1e-9);
            assertTrue(r.durationSeconds() > 0);
            end = r.endSeconds();
        }
        assertEquals(FRAMES * FRAME_S, end, 1e-9);
    }
}
