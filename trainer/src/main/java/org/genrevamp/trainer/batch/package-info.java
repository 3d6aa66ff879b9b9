/**
 * Batch jobs on Spark: annotating many files ({@code annotate}, one model per executor JVM) and extracting backbone embeddings for {@code prepare --backbone}, with their CSV, lab and JAMS outputs.
 *
 * <p>May import: trainer.transfer, trainer.features, trainer.dataset, trainer.console; model rooms, annotate, dsp, audio. Enforced by {@code RoomsTest}.
 */
package org.genrevamp.trainer.batch;
