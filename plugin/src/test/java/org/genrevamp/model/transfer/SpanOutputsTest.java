package org.genrevamp.model.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.genrevamp.model.runtime.EnginePool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A stretch of a finished stream labelled from what the stream kept ({@link BackboneStream#spanOutputs}),
 * through the default's three real backbones (skipped without the shared data): on a signal of two
 * stationary textures, a 20 s stretch of the second must give nearly what each network gives for a lone
 * window of that stretch's frames looped (the plugin's earlier way to label it, one more pass of every
 * trunk), far nearer than the first texture's, and must not depend on the thread count.
 */
class SpanOutputsTest {

    /** 40 s of texture A, then 30 s of texture B; the stretch is 20 s of B on the crnn's and fcn's step grids. */
    private static final int CHANGE = 96 * 26;
    private static final int FRAMES = 4375;
    private static final int FROM = CHANGE + 96 * 2;
    private static final int TO = FROM + 96 * 13;
    /**
     * How far (L2) a span's joined embedding and tags may lie from the looped lone window's, as a share of
     * the distance from that window to the first texture's span: they differ at the loop's seams (the
     * lone window's trunk sees the loop's jump, and for the fcn, whose 19.5 steps do not loop whole, a
     * 32-frame shift after it), at the stretch's first and last steps (which saw the neighbouring
     * frames) and by the fcn steps' bfloat16 (2^-9 relative). Measured: crnn 0.16, fcn 0.26, musicnn
     * 0.05; a span read from the wrong frames scores about 1.
     */
    static final double LOOPED_WINDOW_TOLERANCE = 0.4;

    private static float[][] frames;

    @BeforeAll
    static void signal() throws Exception {
        ParallelStreamTest.build();
        Random random = new Random(7);
        frames = new float[FRAMES][96];
        for (int t = 0; t < FRAMES; t++) {
            for (int b = 0; b < 96; b++) {
                double tilt = t < CHANGE ? -0.5 * b : -48 + 0.5 * b + 6 * Math.sin(2 * Math.PI * 2 * t * 0.016);
                frames[t][b] = (float) (-20 + tilt + 3 * random.nextGaussian());
            }
        }
    }

    @AfterEach
    void defaultThreads() {
        EnginePool.configureExactly(0);
    }

    private static TransferStream streamed(int threads, boolean keep) {
        EnginePool.configureExactly(threads);
        TransferStream stream = ParallelStreamTest.model.openStream(1, (i, first, real, p) -> { });
        if (keep) {
            stream.keepSpans();
        }
        for (float[] f : frames) {
            stream.accept(f);
        }
        stream.finish();
        return stream;
    }

    @Test
    void aStretchGivesWhatALoopedLoneWindowOfItsFramesGives() {
        List<float[]> span = streamed(1, true).spanOutputs(FROM, TO);
        List<float[]> other = streamed(1, true).spanOutputs(0, CHANGE);
        Backbones backbones = ParallelStreamTest.model.backbones();
        float[][][] looped = {new float[backbones.windowFrames()][]};
        for (int t = 0; t < looped[0].length; t++) {
            looped[0][t] = frames[FROM + t % (TO - FROM)];
        }
        for (int b = 0; b < backbones.list().size(); b++) {
            float[] lone = backbones.outputs(b, looped)[0];
            double ratio = distance(lone, span.get(b)) / distance(lone, other.get(b));
            String name = backbones.list().get(b).name();
            System.out.printf("%s: span to looped lone window %.3g of the distance to the other texture (max abs %.3g)%n",
                    name, ratio, ParallelStreamTest.maxDiff(lone, span.get(b)));
            assertTrue(ratio <= LOOPED_WINDOW_TOLERANCE, name + ": " + ratio);
        }
    }

    private static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }

    @Test
    void spansDoNotDependOnTheThreadCount() {
        List<float[]> one = streamed(1, true).spanOutputs(FROM, TO);
        List<float[]> two = streamed(2, true).spanOutputs(FROM, TO);
        for (int b = 0; b < one.size(); b++) {
            assertTrue(ParallelStreamTest.maxDiff(one.get(b), two.get(b)) <= ParallelStreamTest.SAME);
        }
    }

    @Test
    void nothingIsKeptUnlessAsked() {
        assertNull(streamed(1, false).spanOutputs(FROM, TO));
        TransferStream stream = ParallelStreamTest.model.openStream(1, (i, first, real, p) -> { });
        stream.accept(frames[0]);
        assertThrows(IllegalStateException.class, stream::keepSpans);
        stream.close();
    }

    @Test
    void aStretchShorterThanAStepGetsTheStepAtItsMiddle() {
        assertEquals(List.of(3, 4), List.of(SpanSteps.inside(300, 340, 96, 96, 100)[0], SpanSteps.inside(300, 340, 96, 96, 100)[1]));
        int[] inside = SpanSteps.inside(960, 1920, 96, 96, 100);
        assertEquals(10, inside[0]);
        assertEquals(20, inside[1]);
        int[] tiles = SpanSteps.inside(960, 1920, 96, 188, 100);
        assertEquals(10, tiles[0]);
        assertEquals(19, tiles[1], "tile 19 ends at 1824 + 188 > 1920");
        assertEquals(99, SpanSteps.inside(20000, 30000, 96, 96, 100)[0], "clamped to what was kept");
        assertNull(SpanSteps.inside(0, 100, 96, 96, 0));
    }
}
