package org.genrevamp.model.scratch;

import static org.genrevamp.model.bundle.BundleZip.prefix;
import org.genrevamp.model.bundle.BundleZip;
import org.genrevamp.model.bundle.BundleException;
import org.genrevamp.model.bundle.BundleMetadata;
import org.genrevamp.model.bundle.Architecture;
import org.genrevamp.model.bundle.MelNormaliser;
import org.genrevamp.model.bundle.BundleOutline;

import org.genrevamp.model.runtime.Nd4jThreads;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.genrevamp.dsp.MelConfig;

/**
 * The bundle file: a zip holding {@value #METADATA_ENTRY} (format version, architecture, MelConfig,
 * labels, hierarchy, window, normaliser, model card) and {@value #NETWORK_ENTRY} (the DL4J
 * ComputationGraph as written by {@link ModelSerializer}). Reading checks everything the plugin
 * relies on and refuses with a message that names the source and the reason.
 */
public final class BundleFormat {

    public static final String METADATA_ENTRY = "bundle.json";
    static final String NETWORK_ENTRY = "network.zip";
    /** Version written by this code; bump it when bundle.json changes incompatibly. */
    static final int FORMAT_VERSION = 1;
    static final String FORMAT_NAME = "genre-vamp-bundle";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BundleFormat() {
    }

    // ---------------------------------------------------------------- writing

    public static void write(ModelBundle bundle, boolean withUpdater, OutputStream out) throws IOException {
        ByteArrayOutputStream network = new ByteArrayOutputStream();
        ModelSerializer.writeModel(bundle.network(), network, withUpdater);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            // the listing's entries first: BundleInfo reads the zip as a stream and stops once it has them
            zip.putNextEntry(new ZipEntry(BundleOutline.LABELS_ENTRY));
            zip.write(BundleOutline.labelsText(bundle.labels()));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(BundleOutline.MEL_CONFIG_ENTRY));
            zip.write(BundleOutline.melConfigText(bundle.melConfig()));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(METADATA_ENTRY));
            zip.write(JSON.writeValueAsBytes(toJson(bundle.metadata())));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(NETWORK_ENTRY));
            network.writeTo(zip);
            zip.closeEntry();
        }
    }

    static ObjectNode toJson(BundleMetadata m) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT_NAME);
        root.put("formatVersion", FORMAT_VERSION);
        root.put("architecture", m.architecture().id());
        root.set("melConfig", melConfigJson(m.melConfig()));
        ArrayNode labels = root.putArray("labels");
        m.labels().forEach(labels::add);
        ObjectNode hierarchy = root.putObject("hierarchy");
        new TreeMap<>(m.hierarchy()).forEach(hierarchy::put);
        root.put("windowFrames", m.windowFrames());
        root.put("windowSeconds", m.windowSeconds());
        ObjectNode normaliser = root.putObject("normaliser");
        ArrayNode mean = normaliser.putArray("mean");
        for (float v : m.normaliser().mean()) {
            mean.add(v);
        }
        ArrayNode std = normaliser.putArray("std");
        for (float v : m.normaliser().std()) {
            std.add(v);
        }
        root.set("card", JSON.valueToTree(m.card()));
        return root;
    }

    private static ObjectNode melConfigJson(MelConfig c) {
        ObjectNode n = JSON.createObjectNode();
        n.put("sampleRate", c.sampleRate());
        n.put("fftSize", c.fftSize());
        n.put("hopSize", c.hopSize());
        n.put("melBands", c.melBands());
        n.put("fMin", c.fMin());
        n.put("fMax", c.fMax());
        n.put("window", c.window().name());
        n.put("centred", c.centred());
        n.put("padMode", c.padMode().name());
        n.put("power", c.power());
        n.put("melScale", c.melScale().name());
        n.put("melNorm", c.melNorm().name());
        n.put("amin", c.amin());
        // JSON has no infinity: an infinite topDb (the only one a bundle may hold) is the string "Infinity"
        if (Double.isInfinite(c.topDb())) {
            n.put("topDb", "Infinity");
        } else {
            n.put("topDb", c.topDb());
        }
        return n;
    }

    // ---------------------------------------------------------------- reading

    /**
     * @param source      file name or resource, for messages
     * @param bytes       the whole bundle file
     * @param withUpdater also restore the updater state (to continue training)
     */
    static ModelBundle read(String source, byte[] bytes, boolean withUpdater) throws BundleException {
        if (!BundleZip.isZip(bytes)) {
            throw new BundleException(prefix(source) + "not a zip file (a bundle is a zip holding "
                    + METADATA_ENTRY + " and " + NETWORK_ENTRY + ")");
        }
        return read(source, BundleZip.unzip(source, bytes), withUpdater);
    }

    /**
     * @param entries the bundle's zip entries by name ({@link #unzip})
     * @see #read(String, byte[], boolean)
     */
    public static ModelBundle read(String source, Map<String, byte[]> entries, boolean withUpdater) throws BundleException {
        for (String required : List.of(METADATA_ENTRY, NETWORK_ENTRY)) {
            if (!entries.containsKey(required)) {
                throw new BundleException(prefix(source) + "missing entry '" + required + "' (entries: "
                        + new TreeMap<>(entries).keySet() + ")");
            }
        }
        BundleMetadata metadata = metadata(source, entries.get(METADATA_ENTRY));
        checkOutline(source, entries, metadata);
        ComputationGraph network;
        try {
            Nd4jThreads.prepare();
            byte[] networkZip = MovedLayerClasses.upgrade(entries.get(NETWORK_ENTRY));
            network = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(networkZip), withUpdater);
        } catch (IOException | RuntimeException e) {
            throw new BundleException(prefix(source) + NETWORK_ENTRY + " is not a readable DL4J ComputationGraph: " + e, e);
        }
        try {
            return ModelBundle.create(network, metadata);
        } catch (IllegalArgumentException e) {
            throw new BundleException(prefix(source) + e.getMessage(), e);
        }
    }

    /**
     * The plain entries listings read (optional: older bundles lack them) must say what bundle.json
     * says, or a host would list one model's outputs and run another's.
     */
    private static void checkOutline(String source, Map<String, byte[]> entries, BundleMetadata metadata)
            throws BundleException {
        byte[] labels = entries.get(BundleOutline.LABELS_ENTRY);
        if (labels != null && !BundleOutline.parseLabels(labels).equals(metadata.labels())) {
            throw new BundleException(prefix(source) + BundleOutline.LABELS_ENTRY + " lists "
                    + BundleOutline.parseLabels(labels) + " but " + METADATA_ENTRY + " has labels " + metadata.labels()
                    + " (the bundle was edited or mis-written)");
        }
        byte[] mel = entries.get(BundleOutline.MEL_CONFIG_ENTRY);
        if (mel != null) {
            MelConfig plain;
            try {
                plain = BundleOutline.parseMelConfig(mel);
            } catch (IllegalArgumentException e) {
                throw new BundleException(prefix(source) + e.getMessage(), e);
            }
            if (!plain.equals(metadata.melConfig())) {
                throw new BundleException(prefix(source) + BundleOutline.MEL_CONFIG_ENTRY + " holds " + plain + " but "
                        + METADATA_ENTRY + " has melConfig " + metadata.melConfig() + " (the bundle was edited or mis-written)");
            }
        }
    }

    public static BundleMetadata metadata(String source, byte[] json) throws BundleException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new BundleException(prefix(source) + METADATA_ENTRY + " is not valid JSON: " + e.getMessage(), e);
        }
        Fields f = new Fields(source, root);
        String format = f.text(root, "format");
        if (!FORMAT_NAME.equals(format)) {
            throw new BundleException(prefix(source) + METADATA_ENTRY + " has format '" + format + "', expected '"
                    + FORMAT_NAME + "'");
        }
        int version = f.integer(root, "formatVersion");
        if (version != FORMAT_VERSION) {
            throw new BundleException(prefix(source) + "bundle format version " + version
                    + " is not supported (this plugin reads version " + FORMAT_VERSION + ")");
        }
        Architecture architecture;
        try {
            architecture = Architecture.fromId(f.text(root, "architecture"));
        } catch (IllegalArgumentException e) {
            throw new BundleException(prefix(source) + e.getMessage(), e);
        }
        MelConfig mel = melConfig(f, f.object(root, "melConfig"));
        List<String> labels = new ArrayList<>();
        for (JsonNode label : f.array(root, "labels")) {
            if (!label.isTextual()) {
                throw new BundleException(prefix(source) + "labels must be strings, got " + label);
            }
            labels.add(label.asText());
        }
        Map<String, String> hierarchy = new HashMap<>();
        JsonNode h = root.get("hierarchy");
        if (h != null && !h.isNull()) {
            if (!h.isObject()) {
                throw new BundleException(prefix(source) + "hierarchy must be an object of label -> parent");
            }
            h.fields().forEachRemaining(e -> hierarchy.put(e.getKey(), e.getValue().asText()));
        }
        int windowFrames = f.integer(root, "windowFrames");
        double windowSeconds = f.number(root, "windowSeconds");
        JsonNode norm = f.object(root, "normaliser");
        float[] mean = f.floats(norm, "mean");
        float[] std = f.floats(norm, "std");
        Map<String, Object> card;
        try {
            JsonNode c = root.get("card");
            card = c == null || c.isNull() ? Map.of() : JSON.convertValue(c, new TypeReference<Map<String, Object>>() { });
        } catch (IllegalArgumentException e) {
            throw new BundleException(prefix(source) + "card must be a JSON object: " + e.getMessage(), e);
        }
        BundleMetadata metadata;
        try {
            metadata = new BundleMetadata(architecture, mel, labels, hierarchy, windowFrames,
                    new MelNormaliser(mean, std), card);
        } catch (IllegalArgumentException e) {
            throw new BundleException(prefix(source) + e.getMessage(), e);
        }
        // windowSeconds is redundant (frames x hop); a disagreement means the file was edited or mis-written
        if (Math.abs(windowSeconds - metadata.windowSeconds()) > 0.5 * mel.hopSeconds()) {
            throw new BundleException(prefix(source) + "window frames mismatch: windowFrames " + windowFrames + " x hop "
                    + mel.hopSeconds() + " s = " + metadata.windowSeconds() + " s, but windowSeconds is " + windowSeconds);
        }
        return metadata;
    }

    private static MelConfig melConfig(Fields f, JsonNode n) throws BundleException {
        try {
            return new MelConfig(f.number(n, "sampleRate"), f.integer(n, "fftSize"), f.integer(n, "hopSize"),
                    f.integer(n, "melBands"), f.number(n, "fMin"), f.number(n, "fMax"),
                    MelConfig.Window.valueOf(f.text(n, "window")), f.bool(n, "centred"),
                    MelConfig.PadMode.valueOf(f.text(n, "padMode")), f.number(n, "power"),
                    MelConfig.MelScale.valueOf(f.text(n, "melScale")), MelConfig.MelNorm.valueOf(f.text(n, "melNorm")),
                    f.number(n, "amin"), f.number(n, "topDb"));
        } catch (IllegalArgumentException e) {
            throw new BundleException(prefix(f.source) + "MelConfig cannot be honoured: " + e.getMessage(), e);
        }
    }

    /** Typed field access with messages that name the missing or mistyped field. */
    private record Fields(String source, JsonNode root) {

        JsonNode field(JsonNode parent, String name) throws BundleException {
            JsonNode v = parent.get(name);
            if (v == null || v.isNull()) {
                throw new BundleException(prefix(source) + METADATA_ENTRY + " is missing field '" + name + "'");
            }
            return v;
        }

        BundleException wrongType(String name, String type, JsonNode v) {
            return new BundleException(prefix(source) + METADATA_ENTRY + " field '" + name + "' must be " + type
                    + ", got " + v);
        }

        String text(JsonNode parent, String name) throws BundleException {
            JsonNode v = field(parent, name);
            if (!v.isTextual()) {
                throw wrongType(name, "a string", v);
            }
            return v.asText();
        }

        int integer(JsonNode parent, String name) throws BundleException {
            JsonNode v = field(parent, name);
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw wrongType(name, "an integer", v);
            }
            return v.intValue();
        }

        boolean bool(JsonNode parent, String name) throws BundleException {
            JsonNode v = field(parent, name);
            if (!v.isBoolean()) {
                throw wrongType(name, "true or false", v);
            }
            return v.booleanValue();
        }

        /** A number, or the strings "Infinity" / "-Infinity" (JSON has no infinities). */
        double number(JsonNode parent, String name) throws BundleException {
            JsonNode v = field(parent, name);
            if (v.isNumber()) {
                return v.doubleValue();
            }
            if (v.isTextual() && (v.asText().equals("Infinity") || v.asText().equals("-Infinity"))) {
                return Double.parseDouble(v.asText());
            }
            throw wrongType(name, "a number", v);
        }

        JsonNode object(JsonNode parent, String name) throws BundleException {
            JsonNode v = field(parent, name);
            if (!v.isObject()) {
                throw wrongType(name, "an object", v);
            }
            return v;
        }

        JsonNode array(JsonNode parent, String name) throws BundleException {
            JsonNode v = field(parent, name);
            if (!v.isArray()) {
                throw wrongType(name, "an array", v);
            }
            return v;
        }

        float[] floats(JsonNode parent, String name) throws BundleException {
            JsonNode a = array(parent, name);
            float[] out = new float[a.size()];
            for (int i = 0; i < out.length; i++) {
                if (!a.get(i).isNumber()) {
                    throw wrongType(name + "[" + i + "]", "a number", a.get(i));
                }
                out[i] = a.get(i).floatValue();
            }
            return out;
        }
    }
}
