/**
 * Training genre heads on frozen backbones: embedding extraction and its cache, augmentation, head fitting and choice by validation loss, artist-grouped cross-validation and the transfer reports.
 *
 * <p>May import: trainer.scratch, trainer.annotations, trainer.features, trainer.report, trainer.dataset, trainer.console; model rooms, annotate, dsp, audio. Enforced by {@code RoomsTest}.
 */
package org.genrevamp.trainer.transfer;
