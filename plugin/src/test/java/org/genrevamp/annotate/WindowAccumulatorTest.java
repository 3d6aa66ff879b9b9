package org.genrevamp.annotate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WindowAccumulatorTest {
    private static final int BANDS = 3;

    /** Frame j, band b holds j * 10 + b, so every window row names the frame it came from. */
    private static float value(long frame, int band) {
        return frame * 10f + band;
    }

    /** Feeds frames 0..frames-1 through one reused array (as MelStream does) and collects the windows. */
    private static List<float[][]> run(WindowPlan plan, long frames, int batchSize, List<WindowSpan> spans) {
        List<float[][]> windows = new ArrayList<>();
        WindowAccumulator acc = new WindowAccumulator(plan, BANDS, batchSize, (batch, batchSpans) -> {
            assertEquals(batch.length, batchSpans.length);
            assertTrue(batch.length >= 1 && batch.length <= batchSize);
            for (int i = 0; i < batch.length; i++) {
                float[][] copy = new float[batch[i].length][];
                for (int r = 0; r < copy.length; r++) {
                    copy[r] = batch[i][r].clone();
                }
                windows.add(copy);
                spans.add(batchSpans[i]);
            }
        });
        float[] frame = new float[BANDS];
        for (long j = 0; j < frames; j++) {
            for (int b = 0; b < BANDS; b++) {
                frame[b] = value(j, b);
            }
            acc.accept(j, frame);
            assertTrue(acc.retainedFrames() <= plan.windowFrames());
        }
        acc.finish();
        return windows;
    }

    /** The window the plan describes, built from the whole frame sequence. */
    private static float[][] expected(WindowPlan plan, WindowSpan span) {
        float[][] w = new float[plan.windowFrames()][BANDS];
        for (int r = 0; r < w.length; r++) {
            long frame = span.firstFrame() + r % span.realFrames();
            for (int b = 0; b < BANDS; b++) {
                w[r][b] = value(frame, b);
            }
        }
        return w;
    }

    @Test
    void emitsExactlyThePlannedWindowsForAnyLengthAndBatchSize() {
        Random random = new Random(5);
        for (int trial = 0; trial < 200; trial++) {
            int window = 1 + random.nextInt(12);
            WindowPlan plan = new WindowPlan(window, 1 + random.nextInt(window), 0.01, 0);
            long frames = random.nextInt(60);
            int batch = 1 + random.nextInt(5);
            List<WindowSpan> spans = new ArrayList<>();
            List<float[][]> windows = run(plan, frames, batch, spans);
            WindowSpan[] planned = plan.spans(frames);
            assertEquals(planned.length, windows.size(), "trial " + trial);
            for (int k = 0; k < planned.length; k++) {
                assertEquals(planned[k], spans.get(k));
                float[][] want = expected(plan, planned[k]);
                for (int r = 0; r < want.length; r++) {
                    assertArrayEquals(want[r], windows.get(k)[r], "trial " + trial + " window " + k + " row " + r);
                }
            }
        }
    }

    @Test
    void padsAShortFileByRepeatingItsFrames() {
        List<WindowSpan> spans = new ArrayList<>();
        List<float[][]> windows = run(new WindowPlan(7, 3, 0.01, 0), 3, 16, spans);
        assertEquals(1, windows.size());
        float[] firstBand = new float[7];
        for (int r = 0; r < 7; r++) {
            firstBand[r] = windows.get(0)[r][0];
        }
        assertArrayEquals(new float[] {0, 10, 20, 0, 10, 20, 0}, firstBand);
    }

    @Test
    void anHourOfFramesKeepsAtMostOneWindowOfFrames() {
        // 60 min at 512/22050 s per frame = 155039 frames of 128 bands; 3 s windows, 1.5 s hop
        double dt = 512.0 / 22050;
        WindowPlan plan = WindowPlan.of(130, 1.5, dt);
        long frames = (long) Math.ceil(3600 / dt);
        int[] windows = {0};
        WindowAccumulator acc = new WindowAccumulator(plan, 128, 16, (batch, spans) -> windows[0] += batch.length);
        float[] frame = new float[128];
        int maxRetained = 0;
        for (long j = 0; j < frames; j++) {
            acc.accept(j, frame);
            maxRetained = Math.max(maxRetained, acc.retainedFrames());
        }
        acc.finish();
        assertEquals(plan.windowFrames(), maxRetained);
        assertEquals(plan.spans(frames).length, windows[0]);
    }

    @Test
    void refusesSkippedFramesBadValuesAndUseAfterFinish() {
        WindowAccumulator acc = new WindowAccumulator(new WindowPlan(4, 2, 0.01, 0), 2, 4, (b, s) -> { });
        acc.accept(0, new float[2]);
        IllegalStateException skipped = assertThrows(IllegalStateException.class, () -> acc.accept(2, new float[2]));
        assertTrue(skipped.getMessage().contains("expected frame 1"), skipped.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> acc.accept(1, new float[] {0, Float.NaN}));
        assertTrue(nan.getMessage().contains("band 1"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> acc.accept(1, new float[3]));
        acc.finish();
        assertThrows(IllegalStateException.class, () -> acc.accept(1, new float[2]));
        acc.reset();
        acc.accept(0, new float[2]);
        assertEquals(1, acc.framesSeen());
    }
}
