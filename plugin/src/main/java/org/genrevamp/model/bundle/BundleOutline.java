package org.genrevamp.model.bundle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.genrevamp.dsp.MelConfig;

/**
 * What a host's listing needs from a bundle (the output descriptors): the labels and the MelConfig.
 * Bundles also store them as two plain entries beside bundle.json, {@value #LABELS_ENTRY} (one label a
 * line, UTF-8) and {@value #MEL_CONFIG_ENTRY} ({@link Properties}, bundle.json's melConfig field names),
 * because JSON parsing (Jackson) costs a listing about 340 ms of class loading. {@code ModelBundle.load}
 * refuses a bundle whose plain entries disagree with bundle.json.
 *
 * @param labels    class names in network output order (the rules of {@link BundleMetadata#labels})
 * @param melConfig the spectrogram the network was trained on
 */
public record BundleOutline(List<String> labels, MelConfig melConfig) {

    public static final String LABELS_ENTRY = "labels.txt";
    public static final String MEL_CONFIG_ENTRY = "melconfig.properties";

    /**
     * @throws IllegalArgumentException when the labels break the rules of {@link BundleMetadata}
     */
    public BundleOutline {
        if (melConfig == null) {
            throw new IllegalArgumentException("melConfig must not be null");
        }
        labels = BundleMetadata.checkLabels(labels);
    }

    public static BundleOutline of(BundleMetadata m) {
        return new BundleOutline(m.labels(), m.melConfig());
    }

    /** {@value #LABELS_ENTRY}: one label a line, each ending in a newline. */
    public static byte[] labelsText(List<String> labels) {
        StringBuilder sb = new StringBuilder();
        for (String label : labels) {
            if (label.indexOf('\n') >= 0 || label.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("label '" + label + "' holds a line break");
            }
            sb.append(label).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static List<String> parseLabels(byte[] text) {
        String s = new String(text, StandardCharsets.UTF_8);
        if (s.endsWith("\n")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.isEmpty() ? List.of() : Arrays.asList(s.split("\n", -1));
    }

    /** {@value #MEL_CONFIG_ENTRY}: one {@code name=value} line a field, in record order, no date comment. */
    public static byte[] melConfigText(MelConfig c) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("sampleRate", c.sampleRate());
        fields.put("fftSize", c.fftSize());
        fields.put("hopSize", c.hopSize());
        fields.put("melBands", c.melBands());
        fields.put("fMin", c.fMin());
        fields.put("fMax", c.fMax());
        fields.put("window", c.window().name());
        fields.put("centred", c.centred());
        fields.put("padMode", c.padMode().name());
        fields.put("power", c.power());
        fields.put("melScale", c.melScale().name());
        fields.put("melNorm", c.melNorm().name());
        fields.put("amin", c.amin());
        fields.put("topDb", c.topDb());   // Double.toString: exact, and "Infinity" parses back
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @throws IllegalArgumentException naming the missing or malformed field, or the MelConfig's own complaint
     */
    public static MelConfig parseMelConfig(byte[] text) {
        Properties p = new Properties();
        try {
            p.load(new InputStreamReader(new ByteArrayInputStream(text), StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(MEL_CONFIG_ENTRY + " is malformed: " + e.getMessage(), e);
        }
        Field f = new Field(p);
        return new MelConfig(f.number("sampleRate"), f.integer("fftSize"), f.integer("hopSize"),
                f.integer("melBands"), f.number("fMin"), f.number("fMax"),
                MelConfig.Window.valueOf(f.text("window")), f.bool("centred"),
                MelConfig.PadMode.valueOf(f.text("padMode")), f.number("power"),
                MelConfig.MelScale.valueOf(f.text("melScale")), MelConfig.MelNorm.valueOf(f.text("melNorm")),
                f.number("amin"), f.number("topDb"));
    }

    /** Typed property access whose messages name the field. */
    private record Field(Properties p) {

        String text(String name) {
            String v = p.getProperty(name);
            if (v == null) {
                throw new IllegalArgumentException(MEL_CONFIG_ENTRY + " is missing field '" + name + "'");
            }
            return v.trim();
        }

        boolean bool(String name) {
            String v = text(name);
            if (!v.equals("true") && !v.equals("false")) {
                throw new IllegalArgumentException(MEL_CONFIG_ENTRY + " field '" + name + "' must be true or false");
            }
            return v.equals("true");
        }

        double number(String name) {
            try {
                return Double.parseDouble(text(name));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(MEL_CONFIG_ENTRY + " field '" + name + "' must be a number", e);
            }
        }

        int integer(String name) {
            try {
                return Integer.parseInt(text(name));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(MEL_CONFIG_ENTRY + " field '" + name + "' must be an integer", e);
            }
        }
    }
}
