package org.genrevamp.model.transfer;

import org.genrevamp.model.bundle.BundleZip;
import org.genrevamp.model.bundle.BundleException;
import org.genrevamp.model.bundle.BundleOutline;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.genrevamp.dsp.MelConfig;
import org.genrevamp.dsp.RhythmFeatures;

/**
 * The transfer bundle file: a zip holding, in this order,
 * <ol>
 *   <li>{@code labels.txt} and {@code melconfig.properties} ({@link BundleOutline}: what listings read);</li>
 *   <li>{@value #METADATA_ENTRY}: format, backbones (name and entry), feature layout, labels, head
 *       weights and the model card; {@code "rhythm": "onset-tempogram-v2"} when the head also takes
 *       {@code RhythmFeatures} (absent otherwise: older bundles read unchanged); {@code "tagMapping"}
 *       (format version 2): the {@link TagGenreMapping} fused with the head, its weight and per genre
 *       its tags and normaliser. A bundle without a mapping is written as version 1, and version 1
 *       bundles load as the head alone;</li>
 *   <li>{@code backbones/<name>.pth}: each pretrained network's original legacy PyTorch checkpoint,
 *       read at load time by the restricted {@code TorchCheckpoint} reader (no Python anywhere);</li>
 *   <li>{@value #NOTICE_ENTRY}: the pretrained weights' MIT notice, when the card carries it.</li>
 * </ol>
 */
public final class TransferFormat {

    public static final String METADATA_ENTRY = "transfer.json";
    static final String NOTICE_ENTRY = "LICENSE-pretrained.txt";
    static final String FORMAT_NAME = "genre-vamp-transfer";
    /** Written by bundles without a tag mapping; still read. */
    static final int FORMAT_VERSION = 1;
    /** Written by bundles with a tag mapping ({@code "tagMapping"}). */
    static final int FORMAT_VERSION_MAPPING = 2;
    /** Card field holding the third-party licence text that {@value #NOTICE_ENTRY} repeats. */
    static final String CARD_NOTICE = "pretrainedLicence";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TransferFormat() {
    }

    static void write(TransferModel model, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, BundleOutline.LABELS_ENTRY, BundleOutline.labelsText(model.labels()));
            put(zip, BundleOutline.MEL_CONFIG_ENTRY, BundleOutline.melConfigText(model.melConfig()));
            put(zip, METADATA_ENTRY, JSON.writeValueAsBytes(toJson(model)));
            for (Backbones.Backbone b : model.backbones().list()) {
                put(zip, entryOf(b.name()), b.checkpoint());
            }
            Object notice = model.card().get(CARD_NOTICE);
            if (notice != null) {
                put(zip, NOTICE_ENTRY, notice.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** {@code backbones/msd-crnn.pth} for {@code msd/crnn}. */
    static String entryOf(String backbone) {
        return "backbones/" + backbone.replace('/', '-') + ".pth";
    }

    private static ObjectNode toJson(TransferModel m) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT_NAME);
        root.put("formatVersion", m.mapping() == null ? FORMAT_VERSION : FORMAT_VERSION_MAPPING);
        ArrayNode backbones = root.putArray("backbones");
        for (Backbones.Backbone b : m.backbones().list()) {
            backbones.addObject().put("name", b.name()).put("entry", entryOf(b.name()));
        }
        root.put("features", m.backbones().featureKind().id());
        root.put("windowFrames", m.windowFrames());
        if (m.rhythm()) {
            root.put("rhythm", RhythmFeatures.ID);
        }
        ArrayNode labels = root.putArray("labels");
        m.labels().forEach(labels::add);
        GenreHead h = m.head();
        ObjectNode head = root.putObject("head");
        head.set("mean", floats(h.mean()));
        head.set("std", floats(h.std()));
        if (h.hiddenSize() > 0) {
            head.set("hiddenWeights", matrix(h.hiddenWeights()));
            head.set("hiddenBias", floats(h.hiddenBias()));
        }
        head.set("outputWeights", matrix(h.outputWeights()));
        head.set("outputBias", floats(h.outputBias()));
        if (m.mapping() != null) {
            root.set("tagMapping", mappingJson(m.mapping()));
        }
        root.set("card", JSON.valueToTree(m.card()));
        return root;
    }

    private static ObjectNode mappingJson(TagGenreMapping mapping) {
        ObjectNode node = JSON.createObjectNode();
        node.put("weight", mapping.weight());
        ArrayNode genres = node.putArray("genres");
        for (TagGenreMapping.Genre g : mapping.genres()) {
            ObjectNode genre = genres.addObject().put("genre", g.label()).put("normaliser", g.normaliser());
            ArrayNode tags = genre.putArray("tags");
            g.tags().forEach(t -> tags.addObject().put("set", t.set()).put("tag", t.name()));
        }
        return node;
    }

    /** The bundle's tag mapping; every problem is an IllegalArgumentException naming the entry. */
    private static TagGenreMapping readMapping(JsonNode node, Backbones backbones, List<String> labels)
            throws BundleException {
        List<TagGenreMapping.Genre> genres = new ArrayList<>();
        for (JsonNode g : array(node, "genres")) {
            String label = text(g, "genre");
            List<TagGenreMapping.Tag> tags = new ArrayList<>();
            for (JsonNode t : array(g, "tags")) {
                tags.add(new TagGenreMapping.Tag(text(t, "set"), text(t, "tag")));
            }
            genres.add(new TagGenreMapping.Genre(label, tags, number(g, "normaliser", "genre '" + label + "'")));
        }
        return TagGenreMapping.resolve(genres, number(node, "weight", "the mapping"), backbones, labels);
    }

    private static String text(JsonNode parent, String name) {
        JsonNode v = parent.get(name);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("tag mapping: field '" + name + "' must be a string in " + parent);
        }
        return v.asText();
    }

    /** A JSON number, or the strings "NaN" / "Infinity" Jackson writes for them, read as such (and refused later). */
    private static double number(JsonNode parent, String name, String where) {
        JsonNode v = parent.get(name);
        if (v != null && v.isNumber()) {
            return v.doubleValue();
        }
        if (v != null && v.isTextual() && List.of("NaN", "Infinity", "-Infinity").contains(v.asText())) {
            return Double.parseDouble(v.asText());
        }
        throw new IllegalArgumentException("tag mapping: " + where + " field '" + name + "' must be a number, got " + v);
    }

    private static ArrayNode floats(float[] v) {
        ArrayNode a = JSON.createArrayNode();
        for (float x : v) {
            a.add(x);
        }
        return a;
    }

    private static ArrayNode matrix(float[][] m) {
        ArrayNode a = JSON.createArrayNode();
        for (float[] row : m) {
            a.add(floats(row));
        }
        return a;
    }

    /**
     * @param source  file or resource name, for messages
     * @param entries the bundle's zip entries by name
     */
    public static TransferModel read(String source, Map<String, byte[]> entries) throws BundleException {
        String prefix = BundleZip.prefix(source);
        JsonNode root;
        try {
            root = JSON.readTree(entries.get(METADATA_ENTRY));
        } catch (IOException e) {
            throw new BundleException(prefix + METADATA_ENTRY + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!FORMAT_NAME.equals(root.path("format").asText())) {
            throw new BundleException(prefix + METADATA_ENTRY + " has format '" + root.path("format").asText()
                    + "', expected '" + FORMAT_NAME + "'");
        }
        int version = root.path("formatVersion").asInt(-1);
        if (version != FORMAT_VERSION && version != FORMAT_VERSION_MAPPING) {
            throw new BundleException(prefix + "transfer bundle format version " + root.path("formatVersion")
                    + " is not supported (this plugin reads versions " + FORMAT_VERSION + " and " + FORMAT_VERSION_MAPPING + ")");
        }
        if (root.has("tagMapping") && version < FORMAT_VERSION_MAPPING) {
            throw new BundleException(prefix + "a tag mapping needs transfer bundle format version "
                    + FORMAT_VERSION_MAPPING + ", this one says " + version);
        }
        try {
            List<Backbones.Backbone> list = new ArrayList<>();
            for (JsonNode b : array(root, "backbones")) {
                String name = b.path("name").asText("");
                String entry = b.path("entry").asText("");
                byte[] checkpoint = entries.get(entry);
                if (name.isEmpty() || checkpoint == null) {
                    throw new BundleException(prefix + "backbone '" + name + "' names entry '" + entry
                            + "', which the bundle does not hold");
                }
                list.add(Backbones.read(name, checkpoint, source + "!" + entry));
            }
            Backbones backbones = new Backbones(list, Backbones.Features.fromId(root.path("features").asText("")));
            if (root.path("windowFrames").asInt(-1) != backbones.windowFrames()) {
                throw new BundleException(prefix + "window frames mismatch: " + METADATA_ENTRY + " says "
                        + root.path("windowFrames") + ", the backbones take " + backbones.windowFrames());
            }
            List<String> labels = new ArrayList<>();
            array(root, "labels").forEach(l -> labels.add(l.asText()));
            JsonNode h = root.path("head");
            GenreHead head = new GenreHead(floats(h, "mean"), floats(h, "std"),
                    h.has("hiddenWeights") ? matrix(h, "hiddenWeights") : null,
                    h.has("hiddenBias") ? floats(h, "hiddenBias") : null,
                    matrix(h, "outputWeights"), floats(h, "outputBias"));
            Map<String, Object> card = root.has("card")
                    ? JSON.convertValue(root.get("card"), new TypeReference<Map<String, Object>>() { }) : Map.of();
            boolean rhythm = root.has("rhythm");
            if (rhythm && !RhythmFeatures.ID.equals(root.path("rhythm").asText())) {
                throw new BundleException(prefix + "rhythm features '" + root.path("rhythm").asText()
                        + "' are not known to this plugin (it computes '" + RhythmFeatures.ID + "')");
            }
            TagGenreMapping mapping = root.has("tagMapping") ? readMapping(root.get("tagMapping"), backbones, labels) : null;
            TransferModel model = new TransferModel(backbones, head, labels, card, rhythm, mapping);
            checkOutline(source, entries, model);
            return model;
        } catch (IllegalArgumentException e) {
            throw new BundleException(prefix + e.getMessage(), e);
        }
    }

    /** The plain listing entries must describe the model that loads, or a host would list one and run another. */
    private static void checkOutline(String source, Map<String, byte[]> entries, TransferModel model)
            throws BundleException {
        byte[] labels = entries.get(BundleOutline.LABELS_ENTRY);
        byte[] mel = entries.get(BundleOutline.MEL_CONFIG_ENTRY);
        if (labels == null || mel == null) {
            throw new BundleException(BundleZip.prefix(source) + "missing entry '" + BundleOutline.LABELS_ENTRY
                    + "' or '" + BundleOutline.MEL_CONFIG_ENTRY + "'");
        }
        MelConfig plain = BundleOutline.parseMelConfig(mel);
        if (!BundleOutline.parseLabels(labels).equals(model.labels()) || !plain.equals(model.melConfig())) {
            throw new BundleException(BundleZip.prefix(source) + BundleOutline.LABELS_ENTRY + "/"
                    + BundleOutline.MEL_CONFIG_ENTRY + " disagree with " + METADATA_ENTRY
                    + " (the bundle was edited or mis-written)");
        }
    }

    private static JsonNode array(JsonNode parent, String name) throws BundleException {
        JsonNode a = parent.get(name);
        if (a == null || !a.isArray()) {
            throw new IllegalArgumentException(METADATA_ENTRY + " field '" + name + "' must be an array");
        }
        return a;
    }

    private static float[] floats(JsonNode parent, String name) throws BundleException {
        JsonNode a = array(parent, name);
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            if (!a.get(i).isNumber()) {
                throw new IllegalArgumentException(METADATA_ENTRY + " field '" + name + "[" + i + "]' must be a number");
            }
            out[i] = a.get(i).floatValue();
        }
        return out;
    }

    private static float[][] matrix(JsonNode parent, String name) throws BundleException {
        JsonNode a = array(parent, name);
        float[][] out = new float[a.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = floats(a, i);
        }
        return out;
    }

    private static float[] floats(JsonNode rows, int i) throws BundleException {
        JsonNode row = rows.get(i);
        if (row == null || !row.isArray()) {
            throw new IllegalArgumentException(METADATA_ENTRY + " matrix row " + i + " must be an array");
        }
        float[] out = new float[row.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = row.get(j).floatValue();
        }
        return out;
    }
}
