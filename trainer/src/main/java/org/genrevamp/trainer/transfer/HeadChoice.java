package org.genrevamp.trainer.transfer;

/**
 * One head configuration tried on the validation part, and how it scored there.
 *
 * @param name           e.g. {@code linear l2=0.001}
 * @param trainer        the settings
 * @param validationTop1 track-level top-1 on the validation part
 * @param validationLoss mean cross-entropy of the validation windows
 */
public record HeadChoice(String name, HeadTrainer trainer, double validationTop1, double validationLoss) {
}
