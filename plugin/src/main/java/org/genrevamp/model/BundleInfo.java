package org.genrevamp.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A bundle's metadata (labels, window, MelConfig, card) read without its network: no ND4J or DL4J
 * class is touched, so hosts that only list the plugin's outputs (which depend on the labels) stay fast.
 * The checks are those of {@link ModelBundle#load}; the network itself is checked only by loading it.
 */
public final class BundleInfo {

    private BundleInfo() {
    }

    /**
     * @throws BundleException naming the file and the reason (missing, not a zip, no metadata, bad metadata)
     */
    public static BundleMetadata readFile(Path file) throws BundleException {
        String source = String.valueOf(file);
        if (file == null || !Files.isRegularFile(file)) {
            throw new BundleException(BundleFormat.prefix(source) + "file not found");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(source, in);
        } catch (IOException e) {
            throw new BundleException(BundleFormat.prefix(source) + "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Metadata of a bundle shipped on the classpath (name or alias, as {@link ModelBundle#loadBundled}).
     *
     * @throws BundleException when there is no such bundle or its metadata is invalid
     */
    public static BundleMetadata readBundled(String name) throws BundleException {
        byte[] bytes = BundledModels.bytes(name, BundleInfo.class.getClassLoader());
        try {
            return read(BundledModels.source(name), new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new BundleException(BundleFormat.prefix(BundledModels.source(name)) + "corrupt zip file: " + e.getMessage(), e);
        }
    }

    private static BundleMetadata read(String source, InputStream in) throws BundleException, IOException {
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(BundleFormat.METADATA_ENTRY)) {
                    return BundleFormat.metadata(source, zip.readAllBytes());
                }
            }
        }
        throw new BundleException(BundleFormat.prefix(source) + "missing entry '" + BundleFormat.METADATA_ENTRY
                + "' (or not a zip file)");
    }
}
