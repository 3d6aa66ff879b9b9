package org.genrevamp.model.scratch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * DL4J names custom layers in a saved network's {@code configuration.json} by their Java class. Bundles
 * written before the model room was split name them in their old package; this renames them so those
 * bundles (the shipped {@code parallel} model, users' own) still load.
 */
final class MovedLayerClasses {

    static final String CONFIGURATION_ENTRY = "configuration.json";
    /** Old class name -> current one. */
    private static final Map<String, String> MOVED = Map.of(
            "\"org.genrevamp.model.GruLayer\"", "\"" + GruLayer.class.getName() + "\"");

    private MovedLayerClasses() {
    }

    /** {@code networkZip} with moved layer classes renamed; the same array when nothing needs it. */
    static byte[] upgrade(byte[] networkZip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(networkZip.length);
        boolean changed = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(networkZip));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals(CONFIGURATION_ENTRY)) {
                    String json = new String(bytes, StandardCharsets.UTF_8);
                    String renamed = json;
                    for (Map.Entry<String, String> m : MOVED.entrySet()) {
                        renamed = renamed.replace(m.getKey(), m.getValue());
                    }
                    if (!renamed.equals(json)) {
                        changed = true;
                        bytes = renamed.getBytes(StandardCharsets.UTF_8);
                    }
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return changed ? out.toByteArray() : networkZip;
    }
}
