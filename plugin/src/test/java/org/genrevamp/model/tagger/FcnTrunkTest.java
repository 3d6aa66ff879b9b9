package org.genrevamp.model.tagger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** FcnTagger split into trunk and tail, and the trunk run in chunks by ConvStream. */
class FcnTrunkTest {

    /** Chunked vs whole-stream trunk steps: the same float ops on the same values up to op scheduling. */
    static final double CONV_TOL = 1e-5;

    static FcnTagger fcn;
    static float[][][] clips;   // two real 29 s clips
    static Map<String, Tensor> ref;

    @BeforeAll
    static void load() {
        fcn = FcnTagger.fromStateDict(TensorDumps.load("fcn/fcn-msd-weights"));
        ref = TensorDumps.load("fcn/reference");
        clips = TensorDumps.windows(ref.get("fcn.input"));
    }

    /** The two clips back to back: a 3626-frame stream. */
    static float[][] stream() {
        float[][] s = Arrays.copyOf(clips[0], clips[0].length + clips[1].length);
        System.arraycopy(clips[1], 0, s, clips[0].length, clips[1].length);
        return s;
    }

    @Test
    void forwardIsTailOfTrunkAndMatchesPyTorch() {
        for (int n = 0; n < clips.length; n++) {
            float[][] trunk = fcn.trunkSteps(clips[n], 0, clips[n].length);
            assertEquals(FcnTagger.TAIL_STEPS, trunk.length);
            assertEquals(128 * 12, trunk[0].length);
            assertEquals(fcn.trunkStepSize(), trunk[0].length);
            TaggerOutput split = fcn.tail(trunk, 0);
            TaggerOutput whole = fcn.forward(new float[][][] {clips[n]})[0];
            assertArrayEquals(whole.embedding(), split.embedding(), 0f);
            assertArrayEquals(whole.tags(), split.tags(), 0f);
            RelativeToScale.assertWithin("tail(trunk) clip " + n + " tags", split.tags(),
                    TensorDumps.row(ref.get("fcn.tags"), n), RelativeToScale.PYTORCH_TOL);
            RelativeToScale.assertWithin("tail(trunk) clip " + n + " embedding", split.embedding(),
                    TensorDumps.row(ref.get("fcn.embedding"), n), RelativeToScale.PYTORCH_TOL);
        }
    }

    /** The half-width the halo is chosen from: step j reads frames [64j − 21, 64j + 84], no more. */
    @Test
    void trunkStepReadsTwentyOneFramesEitherSide() {
        float[][] frames = Arrays.copyOf(stream(), 640);
        int j = 5; // frames [320, 384)
        float[] base = fcn.trunkSteps(frames, 0, frames.length)[j];
        int lo = FcnTagger.TRUNK_STRIDE * j - FcnTagger.TRUNK_HALF_WIDTH;
        int hi = FcnTagger.TRUNK_STRIDE * (j + 1) - 1 + FcnTagger.TRUNK_HALF_WIDTH;
        for (int t : new int[] {lo - 1, hi + 1}) {
            assertArrayEquals(base, fcn.trunkSteps(changed(frames, t), 0, frames.length)[j], 0f, "frame " + t);
        }
        for (int t : new int[] {lo, hi}) {
            assertFalse(Arrays.equals(base, fcn.trunkSteps(changed(frames, t), 0, frames.length)[j]), "frame " + t);
        }
    }

    private static float[][] changed(float[][] frames, int t) {
        float[][] c = frames.clone();
        c[t] = new float[96];
        Arrays.fill(c[t], 40f); // loud against the clip's dB values
        return c;
    }

    @Test
    void chunkedTrunkEqualsWholeStream() {
        float[][] all = stream();
        // 3626 = 56·64 + 42 (a remainder the floor pooling drops), 2048 = 32·64, 1000 = 15·64 + 40
        for (int length : new int[] {3626, 2048, 1000}) {
            float[][] frames = Arrays.copyOf(all, length);
            float[][] whole = fcn.trunkSteps(frames, 0, length);
            assertEquals(length / 64, whole.length);
            for (int chunk : length == 3626 ? new int[] {1, 3, 8} : new int[] {5}) {
                List<float[]> steps = new ArrayList<>();
                ConvStream stream = new ConvStream(fcn::trunkSteps, FcnTagger.TRUNK_STRIDE, FcnTagger.TRUNK_HALO, chunk,
                        (i, s) -> {
                            assertEquals(steps.size(), i);
                            steps.add(s);
                        });
                for (float[] f : frames) {
                    stream.accept(f);
                }
                stream.finish();
                assertEquals(whole.length, steps.size(), "steps, length " + length + " chunk " + chunk);
                int size = fcn.trunkStepSize();
                float[] a = new float[whole.length * size];
                float[] b = new float[whole.length * size];
                for (int t = 0; t < whole.length; t++) {
                    System.arraycopy(steps.get(t), 0, a, t * size, size);
                    System.arraycopy(whole[t], 0, b, t * size, size);
                }
                RelativeToScale.assertWithin("fcn trunk len " + length + " chunk " + chunk, a, b, CONV_TOL);
            }
        }
    }

    @Test
    void rejectsMisuse() {
        assertThrows(IllegalArgumentException.class, () -> fcn.trunkSteps(new float[63][96], 0, 63));
        assertThrows(IllegalArgumentException.class, () -> fcn.tail(new float[27][fcn.trunkStepSize()], 0));
        assertThrows(IllegalArgumentException.class, () -> fcn.tail(new float[28][100], 0));
        assertThrows(IllegalArgumentException.class,
                () -> new ConvStream(fcn::trunkSteps, 64, 32, 4, (i, s) -> { })); // halo not a multiple of the stride
        ConvStream s = new ConvStream(fcn::trunkSteps, 64, 64, 4, (i, st) -> { });
        s.finish();
        assertThrows(IllegalStateException.class, () -> s.accept(new float[96]));
    }
}
