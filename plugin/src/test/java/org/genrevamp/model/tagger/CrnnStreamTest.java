package org.genrevamp.model.tagger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CrnnStream: chunked convolution equals the whole-stream one; windows, tail and looped short streams. */
class CrnnStreamTest {

    /** Chunked vs whole-stream conv steps: the same float ops on the same values up to op scheduling. */
    static final double CONV_TOL = 1e-5;
    /**
     * A stream window vs the lone window on the same frames (metal, window 1): the lone window sees
     * zero padding before its first frame where the stream has real music, which changes its first
     * conv step; the GRU carries that through 17 more steps. Measured with the MSD weights: max |tag
     * diff| 1.24e-4, max |embedding diff| 5.65e-4; asserted with an 8x margin.
     */
    static final double STREAM_EDGE_TAG_TOL = 1e-3;

    static CrnnTagger tagger;
    static float[][] metal;
    static Map<String, Tensor> ref;

    record Window(int index, long firstFrame, TaggerOutput out) {
    }

    @BeforeAll
    static void load() {
        tagger = CrnnTagger.fromStateDict(TensorDumps.load("crnn/crnn_msd_weights"));
        ref = TensorDumps.load("crnn/crnn_reference");
        metal = TensorDumps.rows(ref.get("metal.stream"));
    }

    private static CrnnStream feed(float[][] frames, int hop, int chunk, List<Window> windows) {
        CrnnStream stream = new CrnnStream(tagger, hop, chunk, (i, first, out) -> windows.add(new Window(i, first, out)));
        for (float[] frame : frames) {
            stream.accept(frame);
        }
        stream.finish();
        return stream;
    }

    @Test
    void chunkedConvolutionEqualsWholeStream() {
        // 3626 = 37·96 + 74 frames (a remainder the floor pooling drops), 3552 = 37·96, 2000 = 20·96 + 80
        for (int length : new int[] {3626, 3552, 2000}) {
            float[][] frames = Arrays.copyOf(metal, length);
            float[][] whole = tagger.convSteps(frames);
            assertEquals(length / 96, whole.length);
            for (int chunk : length == 3626 ? new int[] {1, 3, 16} : new int[] {5}) {
                CrnnStream stream = feed(frames, 18, chunk, new ArrayList<>());
                assertEquals(whole.length, stream.stepCount(), "steps, length " + length + " chunk " + chunk);
                float[] a = new float[whole.length * 128];
                float[] b = new float[whole.length * 128];
                for (int t = 0; t < whole.length; t++) {
                    System.arraycopy(stream.step(t), 0, a, t * 128, 128);
                    System.arraycopy(whole[t], 0, b, t * 128, 128);
                }
                RelativeToScale.assertWithin("conv len " + length + " chunk " + chunk, a, b, CONV_TOL);
            }
        }
    }

    @Test
    void windowsTailAndTheirDifferenceFromLoneWindows() {
        List<Window> windows = new ArrayList<>();
        feed(metal, 18, CrnnStream.DEFAULT_CHUNK_STEPS, windows);
        // 37 steps: windows at steps 0 and 18, then the end-aligned tail at step 37 − 18 = 19
        assertEquals(3, windows.size());
        assertEquals(List.of(0L, 1728L, 1824L), windows.stream().map(Window::firstFrame).toList());
        assertEquals(List.of(0, 1, 2), windows.stream().map(Window::index).toList());

        // window 0 starts with the stream: its frames and padding are the lone window's, so PyTorch's
        // per-window output is matched to the network's tolerance
        RelativeToScale.assertWithin("stream w0 embedding", windows.get(0).out().embedding(),
                ref.get("metal.w0.embedding").data(), RelativeToScale.PYTORCH_TOL);
        RelativeToScale.assertWithin("stream w0 tags", windows.get(0).out().tags(),
                ref.get("metal.w0.tags").data(), RelativeToScale.PYTORCH_TOL);
        // window 1 sees real frames before frame 1728 where the lone window sees zeros
        TaggerOutput lone = tagger.forward(new float[][][] {Arrays.copyOfRange(metal, 1728, 1728 + 1813)})[0];
        RelativeToScale.report("stream w1 vs lone emb", windows.get(1).out().embedding(), lone.embedding());
        RelativeToScale.report("stream w1 vs PyTorch emb", windows.get(1).out().embedding(),
                ref.get("metal.w1.embedding").data());
        RelativeToScale.assertWithin("stream w1 vs lone tags", windows.get(1).out().tags(), lone.tags(),
                STREAM_EDGE_TAG_TOL);
        RelativeToScale.assertWithin("stream w1 vs PyTorch tags", windows.get(1).out().tags(),
                ref.get("metal.w1.tags").data(), STREAM_EDGE_TAG_TOL);
    }

    @Test
    void windowIsDeliveredAsSoonAsItsStepsExist() {
        List<Window> windows = new ArrayList<>();
        CrnnStream stream = new CrnnStream(tagger, 18, 1, (i, first, out) -> windows.add(new Window(i, first, out)));
        // step 17 (the window's last) needs the 96-frame halo after it: frames up to 18·96 + 96
        for (int t = 0; t < 18 * 96 + 96; t++) {
            assertEquals(0, windows.size(), "early window at frame " + t);
            stream.accept(metal[t]);
        }
        assertEquals(1, windows.size());
        assertEquals(18, stream.stepCount());
    }

    @Test
    void hopOfOneStepEmitsEveryWindowAndNoTail() {
        List<Window> windows = new ArrayList<>();
        feed(Arrays.copyOf(metal, 2500), 1, 4, windows); // 26 steps → windows at steps 0..8
        assertEquals(9, windows.size());
        assertEquals(8 * 96L, windows.get(8).firstFrame());
    }

    @Test
    void shortStreamIsLoopedNotPadded() {
        float[][] frames = Arrays.copyOfRange(metal, 100, 600); // 500 frames < one window
        List<Window> windows = new ArrayList<>();
        feed(frames, 18, 16, windows);
        assertEquals(1, windows.size());
        float[][] looped = new float[1813][];
        for (int t = 0; t < looped.length; t++) {
            looped[t] = frames[t % frames.length];
        }
        TaggerOutput expected = tagger.forward(new float[][][] {looped})[0];
        assertEquals(0L, windows.get(0).firstFrame());
        assertArrayEquals(expected.tags(), windows.get(0).out().tags(), 1e-6f);
        assertArrayEquals(expected.embedding(), windows.get(0).out().embedding(), 1e-6f);
    }

    @Test
    void exactlyOneWindowOfStepsGivesOneWindowAndEmptyGivesNone() {
        List<Window> windows = new ArrayList<>();
        feed(Arrays.copyOf(metal, 18 * 96), 18, 16, windows);
        assertEquals(1, windows.size());
        windows.clear();
        feed(new float[0][], 18, 16, windows);
        assertEquals(0, windows.size());
    }

    @Test
    void rejectsMisuse() {
        CrnnStream stream = new CrnnStream(tagger, 18, (i, f, o) -> { });
        assertThrows(IllegalArgumentException.class, () -> stream.accept(new float[95]));
        stream.finish();
        assertThrows(IllegalStateException.class, () -> stream.accept(new float[96]));
        assertThrows(IllegalArgumentException.class, () -> new CrnnStream(tagger, 0, (i, f, o) -> { }));
    }
}
