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
    /** Compact frames are within 0.25 dB of the originals (CompactFramesTest); the bound allows for that. */
    private static final double PROBABILITY_TOLERANCE = 0.02;

    private static TransferModel model;
    private static SegmentedTrack track;
    private static List<long[]> windows;   // firstFrame, realFrames
    private static float[][] frames;

    @BeforeAll
    static void stream() throws Exception {
        model = TestTransferModels.crnnWithRandomHead();
        int window = model.streamWindowFrames();
        track = new SegmentedTrack(model, FRAME_S, window);
        windows = new ArrayList<>();
        TransferStream stream = model.openStream(1, (i, first, real, p) -> { }, w -> {
            track.window(w);
            windows.add(new long[] {w.firstFrame(), w.realFrames()});
        });
        Random random = new Random(5);
        frames = new float[FRAMES][96];
        for (int t = 0; t < FRAMES; t++) {
            for (int b = 0; b < 96; b++) {
                // texture A: energy falling with frequency; B: rising, with a 2 Hz pulse
                double tilt = t < CHANGE ? -0.5 * b : -48 + 0.5 * b + 6 * Math.sin(2 * Math.PI * 2 * t * FRAME_S);
                frames[t][b] = (float) (-20 + tilt + 3 * random.nextGaussian());
            }
            track.frame(frames[t]);
            stream.accept(frames[t]);
        }
        stream.finish();
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
    void aSegmentShorterThanAWindowIsLabelledFromItsOwnFramesLooped() {
        SegmentLabeller.Span last = track.label(CHANGE, FRAMES);
        assertEquals(-1, last.firstWindow(), "no streamed window lies inside 20 s");
        float[][] looped = new float[model.backbones().windowFrames()][];
        for (int t = 0; t < looped.length; t++) {
            looped[t] = frames[CHANGE + t % (FRAMES - CHANGE)];
        }
        float[] expected = model.predict(new float[][][] {looped})[0];
        for (int g = 0; g < expected.length; g++) {
            assertEquals(expected[g], last.probabilities()[g], PROBABILITY_TOLERANCE, "genre " + g);
        }
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
