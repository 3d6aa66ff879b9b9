package org.genrevamp.model.bundle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The zip container every kind of bundle shares, and the prefix its error messages start with. */
public final class BundleZip {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private BundleZip() {
    }

    /** Whether {@code bytes} start like a zip file. */
    public static boolean isZip(byte[] bytes) {
        return bytes.length >= ZIP_MAGIC.length && Arrays.equals(Arrays.copyOf(bytes, 4), ZIP_MAGIC);
    }

    /** Every entry of a zip file by name; a corrupt or truncated zip is a BundleException naming the source. */
    public static Map<String, byte[]> unzip(String source, byte[] bytes) throws BundleException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new BundleException(prefix(source) + "corrupt or truncated zip file: " + e.getMessage(), e);
        }
        return entries;
    }

    public static String prefix(String source) {
        return "model bundle " + source + ": ";
    }
}
