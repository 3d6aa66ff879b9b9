package org.genrevamp.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loads any kind of genre model bundle: a {@link ModelBundle} (zip with {@code bundle.json} and
 * {@code network.zip}) or a {@link TransferModel} (zip with {@code transfer.json} and pretrained
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
            throw new BundleException(BundleFormat.prefix(source) + "file not found");
        }
        try {
            return read(source, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new BundleException(BundleFormat.prefix(source) + "cannot be read: " + e.getMessage(), e);
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
        Path path = Path.of(nameOrFile);
        return Files.exists(path) || !bundledNames().contains(nameOrFile) ? load(path) : loadBundled(nameOrFile);
    }

    static GenreModel read(String source, byte[] bytes) throws BundleException {
        if (!BundleFormat.isZip(bytes)) {
            throw new BundleException(BundleFormat.prefix(source) + "not a zip file (a bundle is a zip holding "
                    + BundleFormat.METADATA_ENTRY + " or " + TransferFormat.METADATA_ENTRY + ")");
        }
        Map<String, byte[]> entries = BundleFormat.unzip(source, bytes);
        if (entries.containsKey(TransferFormat.METADATA_ENTRY)) {
            return TransferFormat.read(source, entries);
        }
        if (entries.containsKey(BundleFormat.METADATA_ENTRY)) {
            return BundleFormat.read(source, entries, false);
        }
        throw new BundleException(BundleFormat.prefix(source) + "not a genre-vamp bundle: no "
                + BundleFormat.METADATA_ENTRY + " or " + TransferFormat.METADATA_ENTRY + " entry (entries: "
                + new TreeMap<>(entries).keySet() + ")");
    }
}
