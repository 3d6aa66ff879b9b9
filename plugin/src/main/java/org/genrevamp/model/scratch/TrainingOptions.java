package org.genrevamp.model.scratch;

/**
 * Hyper-parameters that {@link Architectures#build} bakes into a network configuration.
 *
 * @param seed         seed for weight initialisation and dropout masks
 * @param updater      optimiser
 * @param learningRate step size
 * @param momentum     Nesterov momentum (used by {@link Updater#NESTEROVS} only)
 * @param dropout      fraction of activations DROPPED before the dense layers, in [0, 1)
 * @param l2           L2 weight decay coefficient, >= 0 (0 = off)
 */
public record TrainingOptions(long seed, Updater updater, double learningRate, double momentum,
                              double dropout, double l2) {

    /** Optimisers the trainer may select. */
    public enum Updater {
        /** SGD with Nesterov momentum, as the GTZAN seed trained. */
        NESTEROVS,
        ADAM
    }

    public TrainingOptions {
        if (updater == null) {
            throw new IllegalArgumentException("TrainingOptions: updater must not be null");
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("TrainingOptions: learningRate must be > 0, got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("TrainingOptions: momentum must be in [0, 1), got " + momentum);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("TrainingOptions: dropout must be in [0, 1), got " + dropout);
        }
        if (!(l2 >= 0) || !Double.isFinite(l2)) {
            throw new IllegalArgumentException("TrainingOptions: l2 must be >= 0, got " + l2);
        }
    }

    /** The GTZAN seed's recipe: seed 42, SGD + Nesterov momentum 0.9 at 0.01, dropout 0.25, no L2. */
    public static TrainingOptions defaults() {
        return new TrainingOptions(42L, Updater.NESTEROVS, 0.01, 0.9, 0.25, 0.0);
    }

    public TrainingOptions withSeed(long newSeed) {
        return new TrainingOptions(newSeed, updater, learningRate, momentum, dropout, l2);
    }

    public TrainingOptions withUpdater(Updater newUpdater, double newLearningRate) {
        return new TrainingOptions(seed, newUpdater, newLearningRate, momentum, dropout, l2);
    }

    public TrainingOptions withDropout(double newDropout) {
        return new TrainingOptions(seed, updater, learningRate, momentum, newDropout, l2);
    }

    public TrainingOptions withL2(double newL2) {
        return new TrainingOptions(seed, updater, learningRate, momentum, dropout, newL2);
    }
}
