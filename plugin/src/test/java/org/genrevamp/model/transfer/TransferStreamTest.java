package org.genrevamp.model.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.genrevamp.model.tagger.CrnnTagger;
import org.genrevamp.model.tagger.FcnTagger;
import org.genrevamp.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A crnn + fcn transfer model (the real msd checkpoints, a seeded random head) streamed. */
class TransferStreamTest {

    /**
     * Window 0 vs the per-window forward on frames [0, 1813) (the same frames and the same zero padding
     * before frame 0), and any window vs the heads over one whole-stream convolution: only op scheduling
     * differs. Measured (features, relative to scale): window 0 2.0e-7, windows 1, 2 vs whole-stream
     * trunks 1.6e-7, 1.4e-7; asserted with a wide margin.
     */
    static final double STREAM_TOL = 1e-5;
    /**
     * A later window vs each part's lone window on its own frames (crnn from k·H, fcn from its trunk step
     * start): the part's first trunk step sees the real frames before it where the lone window sees zero
     * padding. Large for the fcn, whose embedding is a max over the window: the lone window's padding
     * edge sets some channels' maxima. Measured on random log-mel (hop 3 steps, windows 1 and 2): fcn
     * embedding 0.151, fcn tags 0.014, crnn embedding 0.0098, crnn tags 0.0014; asserted with 2x margin.
     * (The exactness of the stream is asserted against whole-stream trunks, to {@link #STREAM_TOL}.)
     */
    static final double EDGE_TOL = 0.3;

    static TransferModel model;

    record Window(int index, long firstFrame, int realFrames, float[] probabilities, float[] features) {
    }

    @BeforeAll
    static void build() throws Exception {
        List<Backbones.Backbone> list = new ArrayList<>();
        for (String name : List.of("msd/crnn", "msd/fcn")) {
            Path pth = SharedData.require("pretrained/" + name + "/best_model.pth");
            list.add(Backbones.read(name, Files.readAllBytes(pth), pth.toString()));
        }
        Backbones backbones = new Backbones(list, Backbones.Features.BOTH);
        model = new TransferModel(backbones, org.genrevamp.testing.TestTransferModels.randomHead(backbones.featureSize(), 3, 7),
                org.genrevamp.testing.TestTransferModels.LABELS, Map.of());
    }

    static List<Window> stream(float[][] frames, int hopSteps) {
        List<Window> windows = new ArrayList<>();
        List<float[]> features = new ArrayList<>();
        TransferStream stream = model.openStream(hopSteps, (i, first, real, p) -> {
            assertEquals(windows.size(), i);
            windows.add(new Window(i, first, real, p, features.get(i)));
        });
        stream.tap((i, f) -> features.add(f));
        for (float[] f : frames) {
            stream.accept(f);
        }
        stream.finish();
        return windows;
    }

    static double error(String what, float[] actual, float[] reference) {
        assertEquals(reference.length, actual.length, what);
        double scale = 1;
        double diff = 0;
        for (int i = 0; i < reference.length; i++) {
            scale = Math.max(scale, Math.abs(reference[i]));
            diff = Math.max(diff, Math.abs(actual[i] - reference[i]));
        }
        System.out.printf(Locale.ROOT, "%-44s error relative to scale %.3g%n", what, diff / scale);
        return diff / scale;
    }

    /** Backbone i's per-window output on frames [from, from + 1813). */
    static float[] lone(float[][] frames, int i, long from) {
        return model.backbones().outputs(i, new float[][][] {Arrays.copyOfRange(frames, (int) from, (int) from + 1813)})[0];
    }

    @Test
    void streamsAndPlacesWindows() {
        assertTrue(model.streams());
        assertEquals(1792, model.streamWindowFrames());
        assertEquals("transfer:msd/crnn+msd/fcn", model.architecture());
    }

    @Test
    void windowsMatchThePerWindowForwardOfTheirParts() {
        int hopSteps = 3; // H = 288 frames: window 1's fcn part starts 32 frames early (k·hopSteps odd)
        float[][] frames = TransferModelTest.randomWindows(1, 2489, 11)[0];
        List<Window> windows = stream(frames, hopSteps);
        // regular windows 0, 1, 2 (window 3's fcn steps [13, 41) pass the stream's 38), then the tail:
        // crnn steps [7, 25), fcn steps [10, 38), which ends at 38·64 = 2432 → first frame 2432 − 1792
        assertEquals(List.of(0L, 288L, 576L, 640L), windows.stream().map(Window::firstFrame).toList());
        windows.forEach(w -> assertEquals(1792, w.realFrames()));

        Window w0 = windows.get(0);
        float[] per = model.backbones().features(new float[][][] {Arrays.copyOf(frames, 1813)})[0];
        assertTrue(error("window 0 features vs per-window", w0.features(), per) <= STREAM_TOL);
        assertTrue(error("window 0 probabilities vs predict", w0.probabilities(),
                model.predict(new float[][][] {Arrays.copyOf(frames, 1813)})[0]) <= STREAM_TOL);

        CrnnTagger crnn = (CrnnTagger) model.backbones().list().get(0).network();
        FcnTagger fcn = (FcnTagger) model.backbones().list().get(1).network();
        float[][] crnnSteps = crnn.convSteps(frames);
        float[][] fcnSteps = fcn.trunkSteps(frames, 0, frames.length);
        for (int k = 1; k <= 2; k++) {
            long crnnFrom = (long) k * hopSteps * 96;
            int fcnStep = (int) Math.floorDiv(crnnFrom + 31, 64); // nearest step start, the earlier on a tie
            assertEquals(k == 1 ? crnnFrom - 32 : crnnFrom, fcnStep * 64L);
            float[] got = windows.get(k).features();
            // the heads over one whole-stream convolution: what the chunked stream must reproduce
            float[] whole = model.backbones().features(List.of(
                    Backbones.joined(crnn.head(crnnSteps, k * hopSteps, k * hopSteps + 18)),
                    Backbones.joined(fcn.tail(fcnSteps, fcnStep))));
            assertTrue(error("window " + k + " features vs whole-stream trunks", got, whole) <= STREAM_TOL);
            // against each part's lone window on its frames: differs by the first step's edge
            float[] crnnLone = lone(frames, 0, crnnFrom);
            float[] fcnLone = lone(frames, 1, fcnStep * 64L);
            float[] lone = model.backbones().features(List.of(crnnLone, fcnLone));
            error("window " + k + "  crnn part vs lone", Arrays.copyOfRange(got, 0, 82), crnnLone);
            error("window " + k + "  fcn part vs lone", Arrays.copyOfRange(got, 82, 196), fcnLone);
            assertTrue(error("window " + k + " features vs parts' lone windows", got, lone) <= EDGE_TOL);
            // what the fcn's 32-frame offset adds against one lone window from k·H (reported only)
            error("window " + k + " features vs lone window at k*H", got, model.backbones().features(
                    new float[][][] {Arrays.copyOfRange(frames, (int) crnnFrom, (int) crnnFrom + 1813)})[0]);
        }
    }

    @Test
    void shortStreamGivesOneLoopedWindowEqualToThePerWindowPrediction() {
        // 1750 frames: enough for the crnn's 18 steps, not for the fcn's 28: the model's stream is short
        float[][] frames = TransferModelTest.randomWindows(1, 1750, 13)[0];
        List<Window> windows = stream(frames, 1);
        assertEquals(1, windows.size());
        assertEquals(0L, windows.get(0).firstFrame());
        assertEquals(1750, windows.get(0).realFrames());
        float[][] looped = new float[1813][];
        for (int t = 0; t < looped.length; t++) {
            looped[t] = frames[t % frames.length];
        }
        assertArrayEquals(model.predict(new float[][][] {looped})[0], windows.get(0).probabilities(), 1e-6f);
        assertEquals(0, stream(new float[0][], 1).size());
    }
}
