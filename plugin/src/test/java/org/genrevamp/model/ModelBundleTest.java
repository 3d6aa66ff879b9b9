package org.genrevamp.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.genrevamp.dsp.MelConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBundleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ModelBundle bundle;
    private static Path saved;

    @TempDir
    static Path dir;

    @BeforeAll
    static void saveOne() throws IOException {
        bundle = TinyModels.bundle(Architecture.CNN);
        saved = dir.resolve("cnn.zip");
        bundle.save(saved);
    }

    @Test
    void roundTripGivesIdenticalPredictionsAndMetadata() throws Exception {
        ModelBundle loaded = ModelBundle.load(saved);
        float[][][] windows = TinyModels.windows(7, TinyModels.FRAMES, 3);
        float[][] before = bundle.predict(windows);
        float[][] after = loaded.predict(windows);
        for (int i = 0; i < before.length; i++) {
            assertArrayEquals(before[i], after[i], 0f, "window " + i);
        }
        assertEquals(bundle.metadata(), loaded.metadata());
        assertEquals("cnn", loaded.architecture());
        assertEquals(TinyModels.LABELS, loaded.labels());
        assertEquals(Map.of("blues", "roots"), loaded.hierarchy());
        assertEquals(Map.of("accuracy", 0.5), loaded.card().get("figures"));
        assertEquals(Double.POSITIVE_INFINITY, loaded.melConfig().topDb());
        assertEquals(TinyModels.FRAMES * 512 / 22050.0, loaded.windowSeconds(), 1e-12);
        assertEquals(bundle.network().params(), loaded.network().params());
    }

    @Test
    void trainingRoundTripKeepsUpdaterState() throws Exception {
        ModelBundle trained = TinyModels.bundle(Architecture.CNN);
        trained.network().fit(FeatureLayout.dataSet(Architecture.CNN, TinyModels.windows(4, TinyModels.FRAMES, 5),
                new int[] {0, 1, 2, 0}, 3, TinyModels.normaliser()));
        Path file = dir.resolve("training.zip");
        trained.save(file, true);
        ModelBundle loaded = ModelBundle.loadForTraining(file);
        assertEquals(trained.network().getUpdater().getStateViewArray(), loaded.network().getUpdater().getStateViewArray());
    }

    @Test
    void predictRefusesWindowsOfTheWrongLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> bundle.predict(TinyModels.windows(1, TinyModels.FRAMES + 1, 1)));
        assertTrue(e.getMessage().contains("17 frames, the model takes 16"), e.getMessage());
    }

    @Test
    void predictRefusesNonFiniteValues() {
        float[][][] w = TinyModels.windows(1, TinyModels.FRAMES, 1);
        w[0][3][2] = Float.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bundle.predict(w));
        assertTrue(e.getMessage().contains("frame 3 band 2 is NaN"), e.getMessage());
    }

    // ------------------------------------------------------------ refusals

    @Test
    void refusesMissingFile() {
        assertRefused(dir.resolve("nope.zip"), "file not found");
    }

    @Test
    void refusesNonZip() throws IOException {
        Path file = dir.resolve("text.zip");
        Files.writeString(file, "hello");
        assertRefused(file, "not a zip file");
    }

    @Test
    void refusesMissingNetworkEntry() throws IOException {
        Path file = rewrite("no-network.zip", json -> { }, Map.of(BundleFormat.NETWORK_ENTRY, new byte[0]), true);
        assertRefused(file, "missing entry 'network.zip'");
    }

    @Test
    void refusesUnknownFormatVersion() throws IOException {
        assertRefused(rewrite("v9.zip", json -> json.put("formatVersion", 9)),
                "bundle format version 9 is not supported (this plugin reads version 1)");
    }

    @Test
    void refusesUnknownArchitecture() throws IOException {
        assertRefused(rewrite("arch.zip", json -> json.put("architecture", "transformer")),
                "unknown architecture 'transformer' (known: cnn, crnn, parallel)");
    }

    @Test
    void refusesMelConfigWithTopDb() throws IOException {
        assertRefused(rewrite("topdb.zip", json -> ((ObjectNode) json.get("melConfig")).put("topDb", 80.0)),
                "topDb=80.0 dB but the plugin feeds networks MelStream frames without top_db");
    }

    @Test
    void refusesInvalidMelConfig() throws IOException {
        assertRefused(rewrite("fmax.zip", json -> ((ObjectNode) json.get("melConfig")).put("fMax", 20000.0)),
                "MelConfig cannot be honoured: MelConfig: fMax must be <= sampleRate/2");
    }

    @Test
    void refusesUnknownMelScale() throws IOException {
        assertRefused(rewrite("scale.zip", json -> ((ObjectNode) json.get("melConfig")).put("melScale", "BARK")),
                "MelConfig cannot be honoured");
    }

    @Test
    void refusesMissingField() throws IOException {
        assertRefused(rewrite("nolabels.zip", json -> json.remove("labels")), "bundle.json is missing field 'labels'");
    }

    @Test
    void refusesLabelCountDifferentFromNetworkOutputs() throws IOException {
        assertRefused(rewrite("labels.zip", json -> json.putArray("labels").add("blues").add("b").add("c").add("d")),
                "bundle has 4 labels but the network outputs 3 classes");
    }

    @Test
    void refusesWindowSecondsThatDisagreeWithFrames() throws IOException {
        assertRefused(rewrite("seconds.zip", json -> json.put("windowSeconds", 3.0)), "window frames mismatch");
    }

    @Test
    void refusesWindowTooShortForTheNetwork() throws IOException {
        assertRefused(rewrite("frames.zip", json -> {
            json.put("windowFrames", 2);
            json.put("windowSeconds", 2 * 512 / 22050.0);
        }), "window frames mismatch: architecture 'cnn' needs windows of at least 3 frames, the bundle declares 2");
    }

    @Test
    void refusesMelBandsDifferentFromTheNetworkInput() throws IOException {
        MelConfig wider = TinyModels.melConfig().withMelBands(12, 0.0, 11025.0, MelConfig.MelScale.SLANEY,
                MelConfig.MelNorm.SLANEY);
        MelNormaliser normaliser = MelNormaliser.identity(12);
        assertRefused(rewrite("bands.zip", json -> {
            ObjectNode replaced = BundleFormat.toJson(new BundleMetadata(Architecture.CNN, wider, TinyModels.LABELS,
                    Map.of(), TinyModels.FRAMES, normaliser, Map.of()));
            json.setAll(replaced);
        }), "cannot take windows of 16 frames x 12 mel bands");
    }

    @Test
    void createRefusesNetworkOfAnotherArchitecture() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelBundle.create(TinyModels.network(Architecture.CNN), TinyModels.metadata(Architecture.PARALLEL)));
        assertTrue(e.getMessage().contains("do not match architecture 'parallel'"), e.getMessage());
    }

    private static void assertRefused(Path file, String expected) {
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.load(file));
        assertTrue(e.getMessage().startsWith("model bundle " + file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static Path rewrite(String name, Consumer<ObjectNode> edit) throws IOException {
        return rewrite(name, edit, Map.of(), false);
    }

    /** Copies the saved bundle with bundle.json edited and entries replaced (or dropped when {@code drop}). */
    private static Path rewrite(String name, Consumer<ObjectNode> edit, Map<String, byte[]> replace, boolean drop)
            throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(saved)))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        ObjectNode json = (ObjectNode) JSON.readTree(entries.get(BundleFormat.METADATA_ENTRY));
        edit.accept(json);
        entries.put(BundleFormat.METADATA_ENTRY, JSON.writeValueAsBytes(json));
        for (Map.Entry<String, byte[]> r : replace.entrySet()) {
            if (drop) {
                entries.remove(r.getKey());
            } else {
                entries.put(r.getKey(), r.getValue());
            }
        }
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

}
