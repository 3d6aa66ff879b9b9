/**
 * Transfer models: the pretrained taggers as frozen backbones ({@code Backbones}), their streams over a file's spectrogram ({@code BackboneStream}, {@code StreamPart}, the FCN and musicnn tails), the genre head on top ({@code GenreHead}), the transfer bundle format ({@code TransferFormat}) and the tag sources the plugin's tag outputs read.
 *
 * <p>May import: model.bundle, model.tagger, model.runtime, dsp. Enforced by {@code RoomsTest}.
 */
package org.genrevamp.model.transfer;
