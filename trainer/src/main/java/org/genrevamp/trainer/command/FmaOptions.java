package org.genrevamp.trainer.command;

import org.genrevamp.trainer.dataset.FmaSource;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The FMA dataset options of {@code prepare} and {@code train --backbone} (a picocli argument group). */
public final class FmaOptions {

    @Option(names = "--fma-metadata", required = true, description = "FMA fma_metadata folder (tracks.csv, genres.csv)")
    Path metadata;

    @Option(names = "--fma-audio", required = true, description = "FMA audio folder (NNN/NNNNNN.mp3)")
    Path audio;

    @Option(names = "--fma-subset", description = "keep only this set.subset (small, medium, large)")
    String subset;

    public FmaSource source() {
        return new FmaSource(metadata, audio, subset);
    }
}
