package org.genrevamp.annotate;

import java.util.List;

/**
 * What {@link GenreAnnotator} says about one whole file: its genre regions and its track genre.
 *
 * @param durationSeconds where the regions end (the input's length, at least the last estimate's centre)
 * @param regions         contiguous regions covering {@code [0, durationSeconds)}
 * @param summary         duration-weighted mean probabilities and the top three genres
 * @param unknown         whether the top genre's mean probability is below the unknown threshold
 */
public record TrackAnnotation(double durationSeconds, List<GenreRegion> regions, TrackSummary summary, boolean unknown) {

    public TrackAnnotation {
        regions = List.copyOf(regions);
    }

    /** The track genre's index: the top genre, or {@link GenreSegmenter#UNKNOWN_INDEX} when unknown. */
    public int trackIndex() {
        return unknown ? GenreSegmenter.UNKNOWN_INDEX : summary.topIndex();
    }

    /** The plugin's {@code track} label: the top three genres, prefixed {@code unknown | } when unknown. */
    public String trackLabel() {
        return unknown ? GenreSegmenter.UNKNOWN_LABEL + " | " + summary.label() : summary.label();
    }
}
