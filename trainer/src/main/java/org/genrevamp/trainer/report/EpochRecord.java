package org.genrevamp.trainer.report;

/**
 * Figures of one training epoch. Training-split figures are measured twice: {@code fitLoss} while
 * fitting (dropout active, weights moving) and {@code trainLoss}/{@code trainTop1} afterwards in
 * inference mode on a fixed sample of training windows, comparable with the validation figures.
 *
 * @param epoch             1-based
 * @param fitLoss           mean cross-entropy reported by the optimiser over the epoch
 * @param trainLoss         cross-entropy on the training sample, inference mode
 * @param trainTop1         top-1 on the training sample, inference mode
 * @param validationLoss    cross-entropy on all validation windows
 * @param validationTop1    top-1 on all validation windows
 * @param seconds           wall time of the epoch's fitting
 * @param examplesPerSecond training windows fitted per second
 */
public record EpochRecord(int epoch, double fitLoss, double trainLoss, double trainTop1, double validationLoss,
                          double validationTop1, double seconds, double examplesPerSecond) {
}
