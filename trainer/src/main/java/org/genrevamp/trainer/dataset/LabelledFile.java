package org.genrevamp.trainer.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One audio file of a dataset with its labels.
 *
 * @param file          the audio file
 * @param trackId       the song it belongs to; files with the same id are the same song and are
 *                      kept on the same side of every split
 * @param genre         the training label (top-level genre)
 * @param genres        the genre hierarchy, top-level first (sub-genres after); at least {@code genre}
 * @param officialSplit the dataset's own split ("training", "validation", "test"), or null when it has none
 * @param artist        who made it (FMA's {@code artist.id}), or null when the dataset does not say
 */
public record LabelledFile(Path file, String trackId, String genre, List<String> genres, String officialSplit,
                           String artist) {
    public LabelledFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(genre, "genre");
        genres = List.copyOf(genres);
    }

    /** A file with one genre and no official split. */
    public static LabelledFile of(Path file, String trackId, String genre) {
        return new LabelledFile(file, trackId, genre, List.of(genre), null, null);
    }
}
