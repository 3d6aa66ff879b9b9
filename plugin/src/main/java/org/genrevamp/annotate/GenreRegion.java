package org.genrevamp.annotate;

/**
 * One contiguous stretch of a file with one genre (or {@link GenreSegmenter#UNKNOWN_INDEX}).
 *
 * @param startSeconds    start, in seconds from the start of the file
 * @param durationSeconds length in seconds, > 0
 * @param genreIndex      index into the model's labels, or {@link GenreSegmenter#UNKNOWN_INDEX} (-1)
 * @param label           the genre name, or {@link GenreSegmenter#UNKNOWN_LABEL}
 * @param meanProbability window path: mean over the region's windows of the probability of
 *                        {@code genreIndex} (for an unknown region, of their top probabilities); segment,
 *                        then label ({@link SegmentedTrack}): the head's probability of the genre on the
 *                        region's pooled features (unknown: the top probability)
 * @param firstWindow     window path: index of the first window whose centre lies in the region; segment,
 *                        then label: the first streamed window pooled, -1 when the region was labelled
 *                        from the stream's kept steps inside it (shorter than a window)
 * @param windowCount     windows whose centres lie in the region, or streamed windows pooled (1 for a
 *                        region labelled from its kept steps), >= 1
 */
public record GenreRegion(double startSeconds, double durationSeconds, int genreIndex, String label,
        double meanProbability, int firstWindow, int windowCount) {

    /** End in seconds: {@code startSeconds + durationSeconds}. */
    public double endSeconds() {
        return startSeconds + durationSeconds;
    }

    /** Whether the model was not confident enough to name a genre here. */
    public boolean unknown() {
        return genreIndex == GenreSegmenter.UNKNOWN_INDEX;
    }
}
