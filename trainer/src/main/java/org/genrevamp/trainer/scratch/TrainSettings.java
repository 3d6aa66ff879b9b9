package org.genrevamp.trainer.scratch;

import java.util.List;
import org.genrevamp.model.bundle.Architecture;
import org.genrevamp.model.scratch.TrainingOptions;

/**
 * Everything that decides a training run. {@link #fingerprint()} covers what must not change when
 * a run is resumed (everything but the epoch budget and patience).
 *
 * @param architecture       network family
 * @param windowSeconds      window length in seconds
 * @param epochs             maximum epochs
 * @param batchSize          windows per update
 * @param patience           epochs without a better validation loss before stopping early
 * @param options            updater, learning rate, dropout, L2, seed
 * @param genres             genres to train on (empty: all in the cache)
 * @param officialSplit      use the dataset's own split column
 * @param validationFraction share of each genre's tracks for validation (random split)
 * @param testFraction       share for test (random split)
 * @param trainSample        training windows scored in inference mode each epoch for the curves
 */
public record TrainSettings(Architecture architecture, double windowSeconds, int epochs, int batchSize, int patience,
                            TrainingOptions options, List<String> genres, boolean officialSplit,
                            double validationFraction, double testFraction, int trainSample) {
    public TrainSettings {
        genres = List.copyOf(genres);
        if (!(windowSeconds > 0) || epochs < 1 || batchSize < 1 || patience < 1 || trainSample < 1) {
            throw new IllegalArgumentException("TrainSettings: need windowSeconds > 0 and epochs, batch size, patience,"
                    + " train sample >= 1");
        }
    }

    /** Window length in frames at the cache's hop: {@code round(windowSeconds / hopSeconds)}. */
    public int windowFrames(double hopSeconds) {
        return (int) Math.round(windowSeconds / hopSeconds);
    }

    /** The settings that a resumed run must share with the interrupted one. */
    public String fingerprint() {
        return String.join(";", architecture.id(), Double.toString(windowSeconds), Integer.toString(batchSize),
                options.toString(), genres.toString(), Boolean.toString(officialSplit),
                Double.toString(validationFraction), Double.toString(testFraction), Integer.toString(trainSample));
    }
}
