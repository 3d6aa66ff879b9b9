/**
 * Turning a dataset's audio into log-mel spectrograms, in parallel, for training.
 *
 * <p>May import: trainer.dataset, trainer.console; model rooms, annotate, dsp, audio. Enforced by {@code RoomsTest}.
 */
package org.genrevamp.trainer.features;
