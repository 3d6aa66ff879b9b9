package org.genrevamp.trainer.batch;

import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.genrevamp.model.bundle.BundleException;
import org.genrevamp.model.bundle.GenreModel;
import org.genrevamp.model.GenreModels;

/**
 * Which model a batch job annotates with, as shipped to the executors: a bundled name or a bundle
 * file path (which every executor must see at the same path), and its version, the first 12 hex
 * digits of the SHA-256 of the bundle's bytes (computed once on the driver, checked on each load).
 *
 * @param nameOrFile a bundled model name ({@code default}, {@code msd-crnn}, …) or a bundle file
 * @param version    SHA-256 prefix of the bundle's bytes
 */
public record ModelRef(String nameOrFile, String version) implements Serializable {

    static final int VERSION_HEX_DIGITS = 12;

    /** Resolves {@code nameOrFile} and fingerprints its bytes. */
    public static ModelRef of(String nameOrFile) throws BundleException {
        return new ModelRef(nameOrFile, digest(GenreModels.bytesOfFileOrBundled(nameOrFile)));
    }

    /** Loads the model, refusing a bundle whose bytes changed since the driver fingerprinted it. */
    public GenreModel load() throws BundleException {
        byte[] bytes = GenreModels.bytesOfFileOrBundled(nameOrFile);
        String found = digest(bytes);
        if (!found.equals(version)) {
            throw new BundleException(GenreModels.sourceOf(nameOrFile) + ": bundle changed during the job (version "
                    + found + ", the job started with " + version + ")");
        }
        return GenreModels.read(GenreModels.sourceOf(nameOrFile), bytes);
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .substring(0, VERSION_HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }
}
