package org.genrevamp.trainer.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Where an FMA dataset lies ({@link FmaDataset}): the {@code fma_metadata} folder, the audio folder and
 * the {@code set.subset} to keep.
 *
 * @param metadata folder holding {@code tracks.csv} and {@code genres.csv}
 * @param audio    folder holding {@code NNN/NNNNNN.mp3}
 * @param subset   {@code small}, {@code medium}, ...; null keeps every track
 */
public record FmaSource(Path metadata, Path audio, String subset) {

    /** The usable tracks of the given top-level genres (empty: all). */
    public Dataset load(Set<String> genres) throws IOException {
        return FmaDataset.load(metadata, audio, subset, genres);
    }
}
