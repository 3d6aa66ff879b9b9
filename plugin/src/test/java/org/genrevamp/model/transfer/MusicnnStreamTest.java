package org.genrevamp.model.transfer;

import static org.genrevamp.model.transfer.TransferStreamTest.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.genrevamp.model.tagger.CrnnTagger;
import org.genrevamp.model.tagger.MusicnnTagger;
import org.genrevamp.model.tagger.TaggerOutput;
import org.genrevamp.testing.SharedData;
import org.genrevamp.testing.TestTransferModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A crnn + musicnn transfer model (the real msd/crnn and jamendo/musicnn checkpoints, a seeded random
 * head) streamed: the musicnn part is the mean of 17 back-end tiles every 96 frames over a front end
 * that runs once over the stream ({@link MusicnnTiles}, {@link MusicnnTail}).
 */
class MusicnnStreamTest {

    /** Stream vs the same tiles over one whole-stream front end: only op scheduling differs (see TransferStreamTest). */
    static final double STREAM_TOL = TransferStreamTest.STREAM_TOL;
    /**
     * A later window's musicnn part vs its lone window on its own frames: the first tile's front end sees
     * the 64 real frames before the window where the lone window sees zero padding. Measured on random
     * log-mel (windows 1 and 2, hop 2 steps, embedding and tags): 0.0139 and 0.0138; asserted with a wide margin (the exactness of the stream is asserted against whole-stream tiles, to STREAM_TOL).
     */
    static final double EDGE_TOL = 0.1;

    static TransferModel model;
    static MusicnnTagger musicnn;

    @BeforeAll
    static void build() throws Exception {
        List<Backbones.Backbone> list = new ArrayList<>();
        for (String name : List.of("msd/crnn", "jamendo/musicnn")) {
            Path pth = SharedData.require("pretrained/" + name + "/best_model.pth");
            list.add(Backbones.read(name, Files.readAllBytes(pth), pth.toString()));
        }
        Backbones backbones = new Backbones(list, Backbones.Features.BOTH);
        model = new TransferModel(backbones, TestTransferModels.randomHead(backbones.featureSize(), 3, 5),
                TestTransferModels.LABELS, Map.of());
        musicnn = (MusicnnTagger) list.get(1).network();
    }

    @Test
    void streamsWithTheCrnnWindowButAMusicnnAloneDoesNot() {
        assertTrue(model.streams());
        assertEquals(1728, model.streamWindowFrames());
        assertEquals(17, MusicnnTiles.STREAM_TILES);
        assertEquals(1724, MusicnnTiles.STREAM_SPAN);
        assertEquals(17, MusicnnTiles.tiles(1813), "the trainer's lone 29 s window has the stream's tiles");
        Backbones alone = new Backbones(List.of(model.backbones().list().get(1)), Backbones.Features.BOTH);
        assertFalse(new TransferModel(alone, TestTransferModels.randomHead(alone.featureSize(), 3, 5),
                TestTransferModels.LABELS, Map.of()).streams(), "a musicnn alone keeps its own 3 s windows");
        assertEquals("", model.backbones().outputConvention(0));
        assertEquals("musicnn-tiles=frontend-once/stride96/17", model.backbones().outputConvention(1));
    }

    @Test
    void windowsMatchTilesOfOneWholeStreamFrontEnd() {
        int hopSteps = 2;
        float[][] frames = TransferModelTest.randomWindows(1, 2300, 17)[0];
        List<TransferStreamTest.Window> windows = new ArrayList<>();
        List<float[]> features = new ArrayList<>();
        TransferStream stream = model.openStream(hopSteps, (i, first, real, p) ->
                windows.add(new TransferStreamTest.Window(i, first, real, p, features.get(i))));
        stream.tap((i, f) -> features.add(f));
        for (float[] f : frames) {
            stream.accept(f);
        }
        stream.finish();
        // regular windows at 0, 192, 384 (576 + 1728 passes 2300), then the end-aligned tail
        assertEquals(List.of(0L, 192L, 384L, 572L), windows.stream().map(TransferStreamTest.Window::firstFrame).toList());

        float[] lone0 = model.backbones().features(new float[][][] {Arrays.copyOf(frames, 1813)})[0];
        assertTrue(error("window 0 features vs per-window", windows.get(0).features(), lone0) <= STREAM_TOL);

        CrnnTagger crnn = (CrnnTagger) model.backbones().list().get(0).network();
        float[][] crnnSteps = crnn.convSteps(frames);
        float[][] front = musicnn.frontEnd(frames);
        for (int k = 1; k <= 2; k++) {
            int from = k * hopSteps * 96;
            List<TaggerOutput> tiles = new ArrayList<>();
            for (int t = 0; t < MusicnnTiles.STREAM_TILES; t++) {
                tiles.add(MusicnnTiles.tile(musicnn, front, from + t * 96));
            }
            float[] whole = model.backbones().features(List.of(
                    Backbones.joined(crnn.head(crnnSteps, k * hopSteps, k * hopSteps + 18)),
                    Backbones.joined(MusicnnTiles.mean(tiles))));
            float[] got = windows.get(k).features();
            assertTrue(error("window " + k + " features vs whole-stream tiles", got, whole) <= STREAM_TOL);
            float[] musicnnLone = model.backbones().outputs(1, new float[][][] {Arrays.copyOfRange(frames, from, from + 1813)})[0];
            float[] part = Arrays.copyOfRange(got, got.length - musicnnLone.length, got.length);
            assertTrue(error("window " + k + " musicnn part vs lone window", part, musicnnLone) <= EDGE_TOL);
        }
    }

    @Test
    void windowsComeInTimeOrderWhenAnFcnPartStartsEarly() throws Exception {
        // crnn + fcn + musicnn over 1870 frames at a hop of one step: window 1's fcn part starts 32 frames
        // early (steps [1, 29) = frames [64, 1856)), window 2 does not fit the crnn's 19 steps, and the
        // musicnn's last 50 frames would ask for an end-aligned window at 1870 - 1792 = 78, before window
        // 1's 96: no such window (the host refuses windows out of time order)
        List<Backbones.Backbone> list = new ArrayList<>(model.backbones().list());
        Path fcn = SharedData.require("pretrained/msd/fcn/best_model.pth");
        list.add(1, Backbones.read("msd/fcn", Files.readAllBytes(fcn), fcn.toString()));
        Backbones three = new Backbones(list, Backbones.Features.BOTH);
        TransferModel m = new TransferModel(three, TestTransferModels.randomHead(three.featureSize(), 3, 5),
                TestTransferModels.LABELS, Map.of());
        List<Long> firsts = new ArrayList<>();
        TransferStream stream = m.openStream(1, (i, first, real, p) -> firsts.add(first));
        for (float[] f : TransferModelTest.randomWindows(1, 1870, 23)[0]) {
            stream.accept(f);
        }
        stream.finish();
        assertEquals(List.of(0L, 96L), firsts);
    }

    @Test
    void memoryStaysBoundedOverALongStream() {
        float[][] frames = TransferModelTest.randomWindows(1, 4500, 19)[0];
        int[] windows = {0};
        TransferStream stream = model.openStream(1, (i, first, real, p) -> windows[0]++);
        int maxHeld = 0;
        for (float[] f : frames) {
            stream.accept(f);
            maxHeld = Math.max(maxHeld, stream.heldSteps());
        }
        stream.finish();
        // 29 regular windows (the last: crnn steps [28, 46), musicnn frames [2688, 4412)), then the tail
        // window for the musicnn's last 88 frames
        assertEquals((4500 - 1728) / 96 + 1 + 1, windows[0]);
        // the musicnn part keeps the last window's 1724 front-end frames (for the end-aligned tail) and
        // one chunk of 1024 with its 64-frame halos in flight; the crnn part at most 2 windows of 18 steps
        int bound = MusicnnTiles.STREAM_SPAN + StreamPart.MUSICNN_CHUNK_FRAMES + 2 * 64 + 96 + 2 * 18 + 6;
        System.out.println("most steps held over 4500 frames: " + maxHeld + " (bound " + bound + ")");
        assertTrue(maxHeld <= bound, "held steps " + maxHeld);
    }
}
