package org.genrevamp.model;

import org.genrevamp.model.bundle.BundleZip;
import org.genrevamp.model.bundle.BundleException;
import org.genrevamp.model.scratch.BundleFormat;
import org.genrevamp.model.bundle.GenreModel;
import org.genrevamp.model.transfer.TransferFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loads any kind of genre model bundle: a {@code ModelBundle} (zip with {@code bundle.json} and
 * {@code network.zip}) or a {@code TransferModel} (zip with {@code transfer.json} and pretrained
 * checkpoints), told apart by their entries. Every failure is a {@link BundleException} whose message
 * names the file and the reason.
 */
public final class GenreModels {

    private GenreModels() {
    }

    /** Reads the bundle file {@code file}. */
    public static GenreModel load(Path file) throws BundleException {
        String source = String.valueOf(file);
        if (file == null || !Files.isRegularFile(file)) {
            throw new BundleException(BundleZip.prefix(source) + "file not found");
        }
        try {
            return read(source, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new BundleException(BundleZip.prefix(source) + "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads a bundle shipped in the plugin jar (name or alias; {@code default} is the plugin's default). */
    public static GenreModel loadBundled(String name) throws BundleException {
        ClassLoader loader = GenreModels.class.getClassLoader();
        return read(BundledModels.source(name), BundledModels.bytes(name, loader));
    }

    /** Names {@link #loadBundled} accepts, sorted. */
    public static List<String> bundledNames() {
        return BundledModels.names(GenreModels.class.getClassLoader());
    }

    /** A bundle file if {@code nameOrFile} is one, else the bundled model of that name. */
    public static GenreModel loadFileOrBundled(String nameOrFile) throws BundleException {
        return read(sourceOf(nameOrFile), bytesOfFileOrBundled(nameOrFile));
    }

    /** The bytes {@link #loadFileOrBundled} reads (for a digest that tells versions of a bundle apart). */
    public static byte[] bytesOfFileOrBundled(String nameOrFile) throws BundleException {
        if (isBundled(nameOrFile)) {
            return BundledModels.bytes(nameOrFile, GenreModels.class.getClassLoader());
        }
        Path file = Path.of(nameOrFile);
        if (!Files.isRegularFile(file)) {
            throw new BundleException(BundleZip.prefix(nameOrFile) + "file not found (and no bundled model of"
                    + " that name: " + String.join(", ", bundledNames()) + ")");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BundleException(BundleZip.prefix(nameOrFile) + "cannot be read: " + e.getMessage(), e);
        }
    }

    /** How messages name {@code nameOrFile}. */
    public static String sourceOf(String nameOrFile) {
        return isBundled(nameOrFile) ? BundledModels.source(nameOrFile) : nameOrFile;
    }

    private static boolean isBundled(String nameOrFile) {
        return !Files.exists(Path.of(nameOrFile)) && bundledNames().contains(nameOrFile);
    }

    /**
     * Reads a bundle of either kind from its bytes.
     *
     * @param source how messages name it
     */
    public static GenreModel read(String source, byte[] bytes) throws BundleException {
        if (!BundleZip.isZip(bytes)) {
            throw new BundleException(BundleZip.prefix(source) + "not a zip file (a bundle is a zip holding "
                    + BundleFormat.METADATA_ENTRY + " or " + TransferFormat.METADATA_ENTRY + ")");
        }
        Map<String, byte[]> entries = BundleZip.unzip(source, bytes);
        if (entries.containsKey(TransferFormat.METADATA_ENTRY)) {
            return TransferFormat.read(source, entries);
        }
        if (entries.containsKey(BundleFormat.METADATA_ENTRY)) {
            return BundleFormat.read(source, entries, false);
        }
        throw new BundleException(BundleZip.prefix(source) + "not a genre-vamp bundle: no "
                + BundleFormat.METADATA_ENTRY + " or " + TransferFormat.METADATA_ENTRY + " entry (entries: "
                + new TreeMap<>(entries).keySet() + ")");
    }
}
