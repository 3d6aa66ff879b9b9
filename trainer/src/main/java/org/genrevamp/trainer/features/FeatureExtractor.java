package org.genrevamp.trainer.features;

import java.io.IOException;
import java.nio.file.Path;

/** Turns one audio file into log-mel frames. */
@FunctionalInterface
public interface FeatureExtractor {
    /**
     * @return {@code [frames][melBands]} in dB
     * @throws IOException when the file cannot be read or decoded (the file is then skipped)
     */
    float[][] extract(Path file) throws IOException;
}
