/**
 * Training the from-scratch DL4J networks: the memory-mapped spectrogram cache, window plans and readers, the training loop with early stopping, scoring and writing the finished bundle.
 *
 * <p>May import: trainer.features, trainer.report, trainer.dataset, trainer.console; model rooms, annotate, dsp, audio. Enforced by {@code RoomsTest}.
 */
package org.genrevamp.trainer.scratch;
