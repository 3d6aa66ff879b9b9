/**
 * Labelled audio and how it is split: GTZAN-style folders, FMA metadata, song-level train/valid/test splits, artist splits and GTZAN's fault-filtered split.
 *
 * <p>May import: trainer.console; model rooms, annotate, dsp, audio. Enforced by {@code RoomsTest}.
 */
package org.genrevamp.trainer.dataset;
