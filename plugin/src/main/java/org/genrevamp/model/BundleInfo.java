package org.genrevamp.model;

import org.genrevamp.model.bundle.BundleZip;
import org.genrevamp.model.bundle.BundleException;
import org.genrevamp.model.scratch.BundleFormat;
import org.genrevamp.model.bundle.BundleMetadata;
import org.genrevamp.model.bundle.BundleOutline;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A bundle's metadata (labels, window, MelConfig, card) read without its network: no ND4J or DL4J
 * class is touched, so hosts that only list the plugin's outputs (which depend on the labels) stay fast.
 * The checks are those of {@code ModelBundle.load}; the network itself is checked only by loading it.
 * {@link #outlineOfFile} and {@link #outlineOfBundled} are cheaper still: they read the bundle's plain
 * {@link BundleOutline} entries and parse JSON only for bundles written before those existed.
 */
public final class BundleInfo {

    private BundleInfo() {
    }

    /**
     * @throws BundleException naming the file and the reason (missing, not a zip, no metadata, bad metadata)
     */
    public static BundleMetadata readFile(Path file) throws BundleException {
        return entries(file, false).metadata();
    }

    /**
     * Metadata of a bundle shipped on the classpath (name or alias, as {@link GenreModels#loadBundled}).
     *
     * @throws BundleException when there is no such bundle or its metadata is invalid
     */
    public static BundleMetadata readBundled(String name) throws BundleException {
        return bundledEntries(name, false).metadata();
    }

    /**
     * Labels and MelConfig of a bundle file, for listings.
     *
     * @throws BundleException naming the file and the reason (missing, not a zip, no metadata, bad entries)
     */
    public static BundleOutline outlineOfFile(Path file) throws BundleException {
        return entries(file, true).outline();
    }

    /**
     * Labels and MelConfig of a bundle shipped on the classpath (name or alias), for listings.
     *
     * @throws BundleException when there is no such bundle or its entries are invalid
     */
    public static BundleOutline outlineOfBundled(String name) throws BundleException {
        return bundledEntries(name, true).outline();
    }

    /** Names {@link #outlineOfBundled} accepts, as {@link GenreModels#loadBundled} accepts. */
    public static List<String> bundledNames() {
        return BundledModels.names(BundleInfo.class.getClassLoader());
    }

    private static Entries entries(Path file, boolean outlineWillDo) throws BundleException {
        String source = String.valueOf(file);
        if (file == null || !Files.isRegularFile(file)) {
            throw new BundleException(BundleZip.prefix(source) + "file not found");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Entries.read(source, in, outlineWillDo);
        } catch (IOException e) {
            throw new BundleException(BundleZip.prefix(source) + "cannot be read: " + e.getMessage(), e);
        }
    }

    private static Entries bundledEntries(String name, boolean outlineWillDo) throws BundleException {
        try (InputStream in = BundledModels.open(name, BundleInfo.class.getClassLoader())) {
            return Entries.read(BundledModels.source(name), in, outlineWillDo);
        } catch (IOException e) {
            throw new BundleException(BundleZip.prefix(BundledModels.source(name)) + "corrupt zip file: "
                    + e.getMessage(), e);
        }
    }

    /** The small entries of a bundle, read as a stream (the network entry is skipped). */
    private record Entries(String source, byte[] labels, byte[] melConfig, byte[] json) {

        /** @param outlineWillDo stop once both plain outline entries are read (bundle.json is not needed) */
        static Entries read(String source, InputStream in, boolean outlineWillDo) throws IOException {
            byte[] labels = null;
            byte[] mel = null;
            byte[] json = null;
            try (ZipInputStream zip = new ZipInputStream(in)) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    switch (e.getName()) {
                        case BundleOutline.LABELS_ENTRY -> labels = zip.readAllBytes();
                        case BundleOutline.MEL_CONFIG_ENTRY -> mel = zip.readAllBytes();
                        case BundleFormat.METADATA_ENTRY -> json = zip.readAllBytes();
                        default -> { }
                    }
                    if (outlineWillDo ? labels != null && mel != null : json != null) {
                        break;
                    }
                }
            }
            return new Entries(source, labels, mel, json);
        }

        BundleMetadata metadata() throws BundleException {
            if (json == null) {
                throw new BundleException(BundleZip.prefix(source) + "missing entry '" + BundleFormat.METADATA_ENTRY
                        + "' (or not a zip file)");
            }
            return BundleFormat.metadata(source, json);
        }

        BundleOutline outline() throws BundleException {
            if (labels == null || melConfig == null) {
                return BundleOutline.of(metadata());   // a bundle from before the plain entries: parse its JSON
            }
            try {
                return new BundleOutline(BundleOutline.parseLabels(labels), BundleOutline.parseMelConfig(melConfig));
            } catch (IllegalArgumentException e) {
                throw new BundleException(BundleZip.prefix(source) + e.getMessage(), e);
            }
        }
    }
}
