package org.genrevamp.model.tagger;

/**
 * What a tagger network computes for one window.
 *
 * @param embedding the penultimate activations (the input of the final tag layer, after its
 *                  ReLU/GRU and before dropout): what a genre head is trained on
 * @param tags      the sigmoid tag probabilities, in the order of the tag list
 */
public record TaggerOutput(float[] embedding, float[] tags) {
}
