package org.genrevamp.model.transfer;

import org.genrevamp.model.BundleInfo;
import org.genrevamp.model.GenreModels;
import org.genrevamp.model.bundle.BundleException;
import org.genrevamp.model.bundle.BundleOutline;
import org.genrevamp.model.bundle.GenreModel;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.genrevamp.dsp.MelConfig;
import org.genrevamp.testing.SharedData;
import org.genrevamp.testing.ZipFiles;
import org.genrevamp.testing.TestTransferModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transfer bundles: save/load round trip with the real msd/crnn checkpoint, and bad bundles. */
class TransferModelTest {

    static final List<String> LABELS = TestTransferModels.LABELS;

    static TransferModel crnnModel() throws Exception {
        return TestTransferModels.crnnWithRandomHead();
    }

    static float[][][] randomWindows(int n, int frames, long seed) {
        Random r = new Random(seed);
        float[][][] w = new float[n][frames][96];
        for (float[][] window : w) {
            for (float[] frame : window) {
                for (int b = 0; b < 96; b++) {
                    frame[b] = (float) (-40 + 15 * r.nextGaussian());
                }
            }
        }
        return w;
    }

    @Test
    void roundTripGivesIdenticalPredictionsAndListing(@TempDir Path dir) throws Exception {
        TransferModel model = crnnModel();
        assertEquals(32 + 50, model.backbones().featureSize());
        assertEquals(1813, model.windowFrames());
        assertEquals(MelConfig.torchaudioTagger(), model.melConfig());
        float[][][] windows = randomWindows(2, 1813, 5);
        float[][] before = model.predict(windows);
        Path file = dir.resolve("t.zip");
        model.save(file);
        GenreModel loaded = GenreModels.load(file);
        assertTrue(loaded instanceof TransferModel, loaded.getClass().toString());
        float[][] after = loaded.predict(windows);
        for (int i = 0; i < before.length; i++) {
            assertArrayEquals(before[i], after[i], 0f);
            assertEquals(1.0, before[i][0] + before[i][1] + before[i][2], 1e-5);
        }
        assertEquals("MIT test notice", loaded.card().get("pretrainedLicence"));
        BundleOutline outline = BundleInfo.outlineOfFile(file);
        assertEquals(LABELS, outline.labels());
        assertEquals(MelConfig.torchaudioTagger(), outline.melConfig());
        assertEquals("transfer:msd/crnn", loaded.architecture());
    }

    @Test
    void rhythmFeaturesFollowTheBackboneFeaturesAndSurviveTheRoundTrip(@TempDir Path dir) throws Exception {
        TransferModel plain = crnnModel();
        Backbones backbones = plain.backbones();
        int size = TransferModel.featureSize(backbones, true);
        assertEquals(backbones.featureSize() + org.genrevamp.dsp.RhythmFeatures.SIZE, size);
        GenreHead head = org.genrevamp.testing.TestTransferModels.randomHead(size, LABELS.size(), 7);
        TransferModel model = new TransferModel(backbones, head, LABELS, Map.of(), true);
        assertTrue(model.rhythm());
        assertTrue(!model.streams(), "a rhythm head runs window by window: the stream keeps no window's frames");
        float[][][] windows = randomWindows(2, 1813, 9);
        float[][] p = model.predict(windows);
        float[][] features = backbones.features(windows);
        for (int i = 0; i < windows.length; i++) {
            float[] r = org.genrevamp.dsp.RhythmFeatures.features(windows[i], MelConfig.torchaudioTagger().hopSeconds());
            float[] both = Arrays.copyOf(features[i], size);
            System.arraycopy(r, 0, both, features[i].length, r.length);
            assertArrayEquals(head.probabilities(both), p[i], 0f, "window " + i);
        }
        Path file = dir.resolve("rhythm.zip");
        model.save(file);
        TransferModel loaded = (TransferModel) GenreModels.load(file);
        assertTrue(loaded.rhythm());
        float[][] after = loaded.predict(windows);
        for (int i = 0; i < p.length; i++) {
            assertArrayEquals(p[i], after[i], 0f);
        }
        IllegalArgumentException wrongSize = assertThrows(IllegalArgumentException.class,
                () -> new TransferModel(backbones, plain.head(), LABELS, Map.of(), true));
        assertTrue(wrongSize.getMessage().contains("and the rhythm features give " + size), wrongSize.getMessage());
    }

    @Test
    void streamedWindowsGoThroughTheSameHead() throws Exception {
        TransferModel model = crnnModel();
        float[][] frames = randomWindows(1, 1728 + 3 * 96, 9)[0];
        List<float[]> streamed = new java.util.ArrayList<>();
        List<Long> firsts = new java.util.ArrayList<>();
        TransferStream stream = model.openStream(1, (i, first, real, p) -> {
            streamed.add(p);
            firsts.add(first);
            assertEquals(1728, real);
        });
        for (float[] f : frames) {
            stream.accept(f);
        }
        stream.finish();
        assertEquals(List.of(0L, 96L, 192L, 288L), firsts);
        for (float[] p : streamed) {
            assertEquals(1.0, p[0] + p[1] + p[2], 1e-5);
        }
    }

    @Test
    void shortStreamGivesOneLoopedWindowWithItsRealLength() throws Exception {
        TransferModel model = crnnModel();
        float[][] frames = randomWindows(1, 150, 3)[0];   // 2.4 s, like a short GTZAN excerpt
        int[] calls = {0};
        TransferStream stream = model.openStream(1, (i, first, real, p) -> {
            calls[0]++;
            assertEquals(150, real);
            assertEquals(0, first);
        });
        Arrays.stream(frames).forEach(stream::accept);
        stream.finish();
        assertEquals(1, calls[0]);
    }


    private static String failure(Path file) {
        return assertThrows(BundleException.class, () -> GenreModels.load(file)).getMessage();
    }

    @Test
    void truncatedForeignAndNonZipBundlesFailWithOneClearMessage(@TempDir Path dir) throws Exception {
        TransferModel model = crnnModel();
        Path good = dir.resolve("good.zip");
        model.save(good);
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = dir.resolve("truncated.zip");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        String m = failure(truncated);
        assertTrue(m.contains("truncated.zip") && (m.contains("truncated") || m.contains("corrupt")), m);

        Path foreign = dir.resolve("foreign.zip");
        Files.write(foreign, ZipFiles.zip(Map.of("hello.txt", "hi".getBytes())));
        m = failure(foreign);
        assertTrue(m.contains("not a genre-vamp bundle"), m);

        Path text = dir.resolve("text.zip");
        Files.writeString(text, "not a zip");
        assertTrue(failure(text).contains("not a zip file"));
    }

    @Test
    void missingOrMisshapedTensorsAndUnsafeCheckpointsAreRefusedNamingTheBackbone(@TempDir Path dir) throws Exception {
        TransferModel model = crnnModel();
        Path good = dir.resolve("good.zip");
        model.save(good);
        Map<String, byte[]> entries = ZipFiles.entries(good);
        String entry = TransferFormat.entryOf("msd/crnn");
        // a valid checkpoint that is not a tagger (one 3x4 tensor named 'w'), a hostile one, a truncated one
        Map<String, String> reasons = Map.of("crafted_view.pth", "msd/crnn", "crafted_global.pth", "refused global os.system",
                "crafted_truncated.pth", "truncated");
        for (Map.Entry<String, String> crafted : reasons.entrySet()) {
            Map<String, byte[]> broken = new java.util.LinkedHashMap<>(entries);
            broken.put(entry, resource("/org/genrevamp/model/tagger/checkpoint/" + crafted.getKey()));
            Path file = dir.resolve(crafted.getKey() + ".zip");
            Files.write(file, ZipFiles.zip(broken));
            String m = failure(file);
            assertTrue(m.contains(crafted.getKey() + ".zip") && m.contains(crafted.getValue()), m);
        }
        // misshaped: the checkpoint of another architecture under the crnn name reads as that architecture,
        // whose feature size the head does not take
        Map<String, byte[]> other = new java.util.LinkedHashMap<>(entries);
        other.put(entry, Files.readAllBytes(SharedData.require("pretrained/msd/fcn/best_model.pth")));
        Path file = dir.resolve("other.zip");
        Files.write(file, ZipFiles.zip(other));
        String m = failure(file);
        assertTrue(m.contains("features"), m);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = TransferModelTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return in.readAllBytes();
        }
    }
}
