package org.genrevamp.trainer.command;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How {@code prepare --backbone} and {@code train --backbone} split songs: one declaration for both (a picocli mixin). */
public final class SplitOptions {

    @Option(names = "--split", description = "with --backbone: fault-filtered (GTZAN artist-filtered lists), artist"
            + " (artist-disjoint: artists from --artists, or FMA's artist column; with train --cv: artist-grouped folds),"
            + " official (FMA's set.split, artist-filtered) or random (artists may overlap) (default: ${DEFAULT-VALUE})")
    String split = "fault-filtered";

    @Option(names = "--split-dir", description = "with --split fault-filtered: folder of train.txt/valid.txt/test.txt"
            + " (default: PRETRAINED/gtzan-fault-filtered)")
    Path splitDir;

    @Option(names = "--artists", description = "with --split artist: file of track<TAB>artist lines (track id or file"
            + " name without extension)")
    Path artists;

    /** The fault-filtered lists' folder: {@code --split-dir}, else the one shipped beside the pretrained networks. */
    Path splitDir(Path pretrained) {
        return splitDir != null ? splitDir : pretrained.resolve("gtzan-fault-filtered");
    }
}
