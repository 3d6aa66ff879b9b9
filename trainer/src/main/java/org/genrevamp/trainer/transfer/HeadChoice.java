package org.genrevamp.trainer.transfer;

import java.util.List;

/**
 * One head configuration tried on the validation part, and how it scored there.
 *
 * @param name           e.g. {@code linear l2=0.001}
 * @param trainer        the settings
 * @param validationTop1 track-level top-1 on the validation part
 * @param validationLoss mean cross-entropy of the validation windows
 */
public record HeadChoice(String name, HeadTrainer trainer, double validationTop1, double validationLoss) {

    /**
     * The head to ship: the lowest validation cross-entropy, ties to the higher track top-1. The
     * plugin shows probabilities, a confidence curve and {@code unknown}; a head that is sure and
     * wrong on music unlike its training data costs more there than one validation track of top-1
     * shows (the lightly regularised heads reached 0.99 for classical on whole hip-hop and pop songs),
     * and on ~90 validation tracks top-1 moves by whole tracks while the loss moves smoothly.
     */
    public static HeadChoice best(List<HeadChoice> tried) {
        if (tried.isEmpty()) {
            throw new IllegalArgumentException("no head was tried");
        }
        HeadChoice best = tried.get(0);
        for (HeadChoice c : tried) {
            if (c.validationLoss() < best.validationLoss() - 1e-9
                    || Math.abs(c.validationLoss() - best.validationLoss()) <= 1e-9 && c.validationTop1() > best.validationTop1()) {
                best = c;
            }
        }
        return best;
    }
}
