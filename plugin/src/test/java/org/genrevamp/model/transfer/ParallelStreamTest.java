package org.genrevamp.model.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.genrevamp.model.runtime.EnginePool;
import org.genrevamp.testing.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The default's three backbones (the real msd/crnn, msd/fcn and jamendo/musicnn checkpoints, a seeded
 * random head) streamed on 1, 2 and 4 engine threads: the same windows, in the same order, with the
 * same features and probabilities. Each chunk and window is computed by the same ops on the same
 * values whichever thread runs it, so the outputs are expected to be bit-identical; the assertion
 * allows {@link #SAME}, the bound.
 */
class ParallelStreamTest {

    /** Largest difference allowed between thread counts (measured: 0). */
    static final double SAME = 1e-6;

    static TransferModel model;

    record Window(int index, long firstFrame, int realFrames, float[] probabilities, float[] features) {
    }

    @BeforeAll
    static void build() throws Exception {
        List<Backbones.Backbone> list = new ArrayList<>();
        for (String name : List.of("msd/crnn", "msd/fcn", "jamendo/musicnn")) {
            Path pth = SharedData.require("pretrained/" + name + "/best_model.pth");
            list.add(Backbones.read(name, Files.readAllBytes(pth), pth.toString()));
        }
        Backbones backbones = new Backbones(list, Backbones.Features.BOTH);
        model = new TransferModel(backbones, org.genrevamp.testing.TestTransferModels.randomHead(backbones.featureSize(), 3, 5),
                org.genrevamp.testing.TestTransferModels.LABELS, Map.of());
    }

    @AfterEach
    void defaultThreads() {
        EnginePool.configureExactly(0);
    }

    static List<Window> stream(float[][] frames, int hopSteps, int threads) {
        EnginePool.configureExactly(threads);
        List<Window> windows = new ArrayList<>();
        List<float[]> features = new ArrayList<>();
        TransferStream stream = model.openStream(hopSteps, (i, first, real, p) -> {
            assertEquals(windows.size(), i, "windows in order");
            windows.add(new Window(i, first, real, p.clone(), features.get(i)));
        });
        stream.tap((i, f) -> features.add(f));
        for (float[] f : frames) {
            stream.accept(f);
        }
        stream.finish();
        assertEquals(0, EnginePool.liveThreads(), "the pool stops with the stream's lease");
        return windows;
    }

    static void assertSame(List<Window> reference, List<Window> actual, String what) {
        assertEquals(reference.size(), actual.size(), what + ": window count");
        double worst = 0;
        for (int w = 0; w < reference.size(); w++) {
            Window r = reference.get(w);
            Window a = actual.get(w);
            assertEquals(r.firstFrame(), a.firstFrame(), what + ": window " + w + " start");
            assertEquals(r.realFrames(), a.realFrames(), what + ": window " + w + " frames");
            worst = Math.max(worst, maxDiff(r.features(), a.features()));
            worst = Math.max(worst, maxDiff(r.probabilities(), a.probabilities()));
        }
        System.out.printf("%s: %d windows, largest difference %.3g%n", what, reference.size(), worst);
        assertTrue(worst <= SAME, what + ": largest difference " + worst);
    }

    static double maxDiff(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }

    @Test
    void oneTwoAndFourThreadsGiveTheSameWindows() {
        // 70 s, not a whole number of chunks: regular windows, then the end-aligned tail window
        float[][] frames = TransferModelTest.randomWindows(1, 4375, 23)[0];
        List<Window> one = stream(frames, 1, 1);
        assertTrue(one.size() > 20, "enough windows to overlap: " + one.size());
        assertSame(one, stream(frames, 1, 2), "2 threads vs 1");
        assertSame(one, stream(frames, 1, 4), "4 threads vs 1");
        List<Window> hop3 = stream(frames, 3, 1);
        assertSame(hop3, stream(frames, 3, 4), "hop 3 steps, 4 threads vs 1");
    }

    @Test
    void aShortStreamGivesTheSameLoopedWindow() {
        float[][] frames = TransferModelTest.randomWindows(1, 700, 29)[0];
        List<Window> one = stream(frames, 1, 1);
        assertEquals(1, one.size());
        assertSame(one, stream(frames, 1, 4), "looped window, 4 threads vs 1");
    }

    @Test
    void closingMidStreamLeavesNoThreadAndAResetStreamStillWorks() {
        float[][] frames = TransferModelTest.randomWindows(1, 3000, 31)[0];
        List<Window> reference = stream(frames, 1, 1);
        EnginePool.configureExactly(2);
        List<Window> windows = new ArrayList<>();
        TransferStream stream = model.openStream(1, (i, first, real, p) ->
                windows.add(new Window(i, first, real, p.clone(), new float[0])));
        for (int f = 0; f < 2500; f++) {
            stream.accept(frames[f]);
        }
        assertTrue(EnginePool.liveThreads() > 0, "the stream runs on pool threads");
        stream.close();
        assertEquals(0, EnginePool.liveThreads(), "no pool thread outlives the closed stream");
        windows.clear();
        stream.reset();
        for (float[] f : frames) {
            stream.accept(f);
        }
        stream.finish();
        assertEquals(reference.size(), windows.size());
        for (int w = 0; w < windows.size(); w++) {
            assertTrue(maxDiff(reference.get(w).probabilities(), windows.get(w).probabilities()) <= SAME);
        }
        assertEquals(0, EnginePool.liveThreads());
    }
}
