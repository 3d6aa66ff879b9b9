package org.genrevamp.model.scratch;

import org.genrevamp.model.BundleInfo;
import org.genrevamp.model.BundledModels;
import org.genrevamp.model.GenreModels;
import org.genrevamp.model.bundle.Architecture;
import org.genrevamp.model.bundle.BundleException;
import org.genrevamp.model.bundle.BundleMetadata;
import org.genrevamp.model.bundle.BundleOutline;
import org.genrevamp.model.bundle.MelNormaliser;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.genrevamp.dsp.MelConfig;
import org.genrevamp.testing.NativeOutput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ModelBundleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, byte[]> OUTLINE_ENTRIES = Map.of(BundleOutline.LABELS_ENTRY, new byte[0],
            BundleOutline.MEL_CONFIG_ENTRY, new byte[0]);
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

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void everyArchitectureRoundTripsBitIdentically(Architecture architecture) throws Exception {
        ModelBundle original = TinyModels.bundle(architecture);
        Path file = dir.resolve(architecture.id() + "-roundtrip.zip");
        original.save(file);
        ModelBundle loaded = ModelBundle.load(file);
        float[][][] windows = TinyModels.windows(3, TinyModels.FRAMES, 9);
        float[][] before = original.predict(windows);
        float[][] after = loaded.predict(windows);
        for (int i = 0; i < before.length; i++) {
            assertArrayEquals(before[i], after[i], 0f, architecture.id() + " window " + i);
        }
        assertEquals(original.network().params(), loaded.network().params());
    }

    @Test
    void bundledModelsAreListedAndLoadedThroughTheIndexAndItsAliases() throws Exception {
        Path classpath = dir.resolve("classpath");
        Files.createDirectories(classpath.resolve("models"));
        Files.copy(saved, classpath.resolve("models/tiny.zip"));
        Files.writeString(classpath.resolve("models/index.txt"), "# test index\ntiny\ndefault = tiny\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classpath.toUri().toURL()}, null)) {
            assertEquals(List.of("default", "tiny"), BundledModels.names(loader));
            ModelBundle viaAlias = BundledModels.load("default", loader);
            float[][][] windows = TinyModels.windows(2, TinyModels.FRAMES, 4);
            assertArrayEquals(bundle.predict(windows)[1], viaAlias.predict(windows)[1], 0f);
            BundleException missing = assertThrows(BundleException.class, () -> BundledModels.load("rock", loader));
            assertTrue(missing.getMessage().contains("no bundled model named 'rock' (bundled: default, tiny)"),
                    missing.getMessage());
            BundleException badName = assertThrows(BundleException.class, () -> BundledModels.load("../x", loader));
            assertTrue(badName.getMessage().contains("bundle names match"), badName.getMessage());
        }
    }

    @Test
    void thePluginJarListsWhatItShips() {
        // the committed index lists no bundle until the trainer exports one; whatever it lists must load
        for (String name : GenreModels.bundledNames()) {
            assertDoesNotThrow(() -> GenreModels.loadBundled(name), name);
        }
    }

    @Test
    void bundledCardsNameNoPathOfTheMachineThatTrained() throws Exception {
        // cards travel with the plugin: a cache or data path of the training machine means nothing elsewhere
        java.util.regex.Pattern machinePath = java.util.regex.Pattern.compile("(^|[\\s\"'=:(])/(tmp|home|root|work|Users)/");
        for (String name : GenreModels.bundledNames()) {
            String card = new ObjectMapper().writeValueAsString(GenreModels.loadBundled(name).card());
            assertTrue(!machinePath.matcher(card).find(), name + "'s card names a path of the training machine: " + card);
        }
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

    // ------------------------------------------------------------ the listing's plain entries

    @Test
    void theOutlineEntriesSayWhatBundleJsonSays() throws Exception {
        BundleOutline plain = BundleInfo.outlineOfFile(saved);
        assertEquals(new BundleOutline(TinyModels.LABELS, TinyModels.melConfig()), plain);
        assertEquals(BundleOutline.of(BundleInfo.readFile(saved)), plain);
    }

    @Test
    void aBundleWithoutOutlineEntriesStillListsAndLoads() throws Exception {
        Path old = rewrite("no-outline.zip", json -> { });
        assertEquals(BundleOutline.of(BundleInfo.readFile(saved)), BundleInfo.outlineOfFile(old));
        assertEquals(TinyModels.LABELS, ModelBundle.load(old).labels());
    }

    @Test
    void refusesLabelsTxtThatDisagreesWithBundleJson() throws IOException {
        List<String> swapped = new java.util.ArrayList<>(TinyModels.LABELS);
        java.util.Collections.swap(swapped, 0, 1);
        Path file = rewrite("swapped-labels.zip", json -> { },
                Map.of(BundleOutline.LABELS_ENTRY, BundleOutline.labelsText(swapped)), false);
        assertRefused(file, "labels.txt lists " + swapped + " but bundle.json has labels " + TinyModels.LABELS);
    }

    @Test
    void refusesMelConfigPropertiesThatDisagreeWithBundleJson() throws IOException {
        MelConfig other = TinyModels.melConfig().withMelBands(TinyModels.melConfig().melBands(), 20.0, 11025.0,
                MelConfig.MelScale.SLANEY, MelConfig.MelNorm.SLANEY);
        Path file = rewrite("other-mel.zip", json -> { },
                Map.of(BundleOutline.MEL_CONFIG_ENTRY, BundleOutline.melConfigText(other)), false);
        assertRefused(file, "melconfig.properties holds " + other + " but bundle.json has melConfig");
    }

    @Test
    void refusesMalformedMelConfigProperties() throws IOException {
        byte[] broken = "sampleRate=22050.0\nfftSize=lots\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path file = rewrite("broken-mel.zip", json -> { }, Map.of(BundleOutline.MEL_CONFIG_ENTRY, broken), false);
        assertRefused(file, "melconfig.properties field 'fftSize' must be an integer");
        BundleException listing = assertThrows(BundleException.class, () -> BundleInfo.outlineOfFile(file));
        assertTrue(listing.getMessage().startsWith("model bundle " + file + ": melconfig.properties"), listing.getMessage());
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
        Path file = rewrite("bands.zip", json -> {
            ObjectNode replaced = BundleFormat.toJson(new BundleMetadata(Architecture.CNN, wider, TinyModels.LABELS,
                    Map.of(), TinyModels.FRAMES, normaliser, Map.of()));
            json.setAll(replaced);
        });
        // the dry run fails inside libnd4j, which also prints the reason on the process's stdout
        NativeOutput.Captured<Void> run = NativeOutput.capture(() -> {
            assertRefused(file, "cannot take windows of 16 frames x 12 mel bands");
            return null;
        });
        assertTrue(run.text().contains("CUSTOM CONV1D OP: wrong shape of weights array"), run.text());
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

    /** Copies the saved bundle with bundle.json edited and without the plain outline entries (as older bundles). */
    private static Path rewrite(String name, Consumer<ObjectNode> edit) throws IOException {
        return rewrite(name, edit, OUTLINE_ENTRIES, true);
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
