package org.genrevamp.annotate;

/**
 * One contiguous stretch of a file with one genre (or {@link GenreSegmenter#UNKNOWN_INDEX}).
 *
 * @param startSeconds    start, in seconds from the start of the file
 * @param durationSeconds length in seconds, > 0
 * @param genreIndex      index into the model's labels, or {@link GenreSegmenter#UNKNOWN_INDEX} (-1)
 * @param label           the genre name, or {@link GenreSegmenter#UNKNOWN_LABEL}
 * @param meanProbability mean over the region's windows of the probability of {@code genreIndex};
 *                        for an unknown region, the mean of the windows' top probabilities
 * @param firstWindow     index of the first window whose centre lies in the region
 * @param windowCount     number of windows whose centres lie in the region, >= 1
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
