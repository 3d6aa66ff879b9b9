package org.genrevamp.trainer.report;

/**
 * A model's output for one window.
 *
 * @param trackId       the song the window comes from
 * @param truth         the true label index
 * @param probabilities softmax output, one per label
 */
public record ScoredWindow(String trackId, int truth, float[] probabilities) {
}
