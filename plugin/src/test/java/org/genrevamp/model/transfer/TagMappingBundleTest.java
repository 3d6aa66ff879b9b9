package org.genrevamp.model.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.genrevamp.model.GenreModels;
import org.genrevamp.model.bundle.BundleException;
import org.genrevamp.testing.TestTransferModels;
import org.genrevamp.testing.ZipFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tag mappings inside transfer bundles, with the real msd/crnn (skipped without the shared data): they
 * survive a round trip and are applied where the head's probabilities are made; a bundle of format
 * version 1 loads as the head alone; hostile mapping entries are refused with a clear message.
 */
class TagMappingBundleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A test mapping over jazz / metal / reggae from msd tags (reggae has none in msd: 'chill' stands in). */
    private static TagGenreMapping mapping(Backbones backbones, double weight) {
        return TagGenreMapping.resolve(List.of(
                new TagGenreMapping.Genre("jazz", List.of(new TagGenreMapping.Tag("msd", "jazz")), 0.05),
                new TagGenreMapping.Genre("metal", List.of(new TagGenreMapping.Tag("msd", "metal"),
                        new TagGenreMapping.Tag("msd", "heavy metal")), 0.02),
                new TagGenreMapping.Genre("reggae", List.of(new TagGenreMapping.Tag("msd", "chill")), 0.1)),
                weight, backbones, TestTransferModels.LABELS);
    }

    private static Path withMapping(Path dir) throws Exception {
        TransferModel plain = TestTransferModels.crnnWithRandomHead();
        TransferModel model = new TransferModel(plain.backbones(), plain.head(), plain.labels(), plain.card(), false,
                mapping(plain.backbones(), 0.4));
        Path file = dir.resolve("mapped.zip");
        model.save(file);
        return file;
    }

    @Test
    void mappingSurvivesTheRoundTripAndFusesWhereTheHeadPredicts(@TempDir Path dir) throws Exception {
        Path file = withMapping(dir);
        assertEquals(2, json(file).get("formatVersion").asInt());
        TransferModel loaded = (TransferModel) GenreModels.load(file);
        assertEquals(0.4, loaded.mapping().weight(), 0);
        assertEquals(0.02, loaded.mapping().genres().get(1).normaliser(), 0);
        float[][][] windows = TransferModelTest.randomWindows(2, 1813, 11);
        float[][] features = loaded.backbones().features(windows);
        float[][] p = loaded.predict(windows);
        // the msd/crnn features are its 32-value embedding, then its 50 tags: 'jazz' is tag 9
        assertEquals(32 + 9, loaded.backbones().tagColumn(0, 9));
        for (int i = 0; i < p.length; i++) {
            float[] head = loaded.head().probabilities(features[i]);
            assertArrayEquals(loaded.mapping().fuse(head, features[i]), p[i], 0f);
            assertNotEquals(head[0], p[i][0], "the mapping changes the head's output");
            assertArrayEquals(p[i], loaded.predictFeatures(features[i]), 0f, "one path for windows and pooled features");
        }
    }

    @Test
    void versionOneBundlesLoadAsTheHeadAlone(@TempDir Path dir) throws Exception {
        TransferModel plain = TestTransferModels.crnnWithRandomHead();
        Path file = dir.resolve("plain.zip");
        plain.save(file);
        assertEquals(1, json(file).get("formatVersion").asInt(), "no mapping: still written as version 1");
        TransferModel loaded = (TransferModel) GenreModels.load(file);
        assertNull(loaded.mapping());
        float[][][] windows = TransferModelTest.randomWindows(1, 1813, 12);
        float[] features = loaded.backbones().features(windows)[0];
        assertArrayEquals(loaded.head().probabilities(features), loaded.predict(windows)[0], 0f);
        // the shipped two-network bundle was written before the mapping existed
        TransferModel shipped = (TransferModel) GenreModels.loadBundled("msd-crnn-fcn");
        assertNull(shipped.mapping());
    }

    @Test
    void hostileMappingEntriesAreRefusedNamingTheProblem(@TempDir Path dir) throws Exception {
        Path good = withMapping(dir);
        Map<String, Consumer<ObjectNode>> edits = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        edits.put("unknownTag", m -> genre(m, 0).withArray("tags").addObject().put("set", "msd").put("tag", "polka"));
        expected.put("unknownTag", "genre 'jazz': msd 'polka' is not a tag of msd");
        edits.put("nanWeight", m -> m.put("weight", "NaN"));
        expected.put("nanWeight", "the weight on the mapping must be a number from 0 to 1, got NaN");
        edits.put("nanNormaliser", m -> genre(m, 1).put("normaliser", "NaN"));
        expected.put("nanNormaliser", "genre 'metal' has normaliser NaN, must be finite and > 0");
        edits.put("wrongGenre", m -> genre(m, 2).put("genre", "reggea"));
        expected.put("wrongGenre", "the model's label 'reggae' has no genre entry");
        edits.put("extraGenre", m -> m.withArray("genres").addObject().put("genre", "polka").put("normaliser", 1)
                .putArray("tags").addObject().put("set", "msd").put("tag", "rock"));
        expected.put("extraGenre", "genre 'polka' is not one of the model's labels");
        edits.put("absentSet", m -> genre(m, 2).withArray("tags").addObject().put("set", "jamendo").put("tag", "genre: reggae"));
        expected.put("absentSet", "jamendo 'genre: reggae' comes from no backbone whose tags the head sees");
        edits.put("unknownSet", m -> genre(m, 2).withArray("tags").addObject().put("set", "spotify").put("tag", "reggae"));
        expected.put("unknownSet", "unknown tag set 'spotify'");
        edits.put("noTags", m -> genre(m, 0).putArray("tags"));
        expected.put("noTags", "genre 'jazz' needs at least one tag");
        edits.put("textWeight", m -> m.put("weight", "heavy"));
        expected.put("textWeight", "field 'weight' must be a number");
        for (Map.Entry<String, Consumer<ObjectNode>> e : edits.entrySet()) {
            Path file = edited(good, dir.resolve(e.getKey() + ".zip"), root -> e.getValue().accept((ObjectNode) root.get("tagMapping")));
            String m = assertThrows(BundleException.class, () -> GenreModels.load(file), e.getKey()).getMessage();
            assertTrue(m.contains(e.getKey() + ".zip") && m.contains(expected.get(e.getKey())), e.getKey() + ": " + m);
        }
        Path oldVersion = edited(good, dir.resolve("v1.zip"), root -> root.put("formatVersion", 1));
        String m = assertThrows(BundleException.class, () -> GenreModels.load(oldVersion)).getMessage();
        assertTrue(m.contains("a tag mapping needs transfer bundle format version 2"), m);
    }

    private static ObjectNode genre(ObjectNode mapping, int i) {
        return (ObjectNode) mapping.withArray("genres").get(i);
    }

    private static ObjectNode json(Path bundle) throws Exception {
        return (ObjectNode) JSON.readTree(ZipFiles.entries(bundle).get(TransferFormat.METADATA_ENTRY));
    }

    private static Path edited(Path bundle, Path out, Consumer<ObjectNode> edit) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>(ZipFiles.entries(bundle));
        ObjectNode root = json(bundle);
        edit.accept(root);
        entries.put(TransferFormat.METADATA_ENTRY, JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8));
        Files.write(out, ZipFiles.zip(entries));
        return out;
    }
}
