package org.genrevamp.trainer.scratch;

import org.genrevamp.trainer.report.EpochRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Progress of a run, saved as {@code state.json} beside the checkpoints after every epoch so an
 * interrupted run can be resumed.
 *
 * @param fingerprint      {@link TrainSettings#fingerprint()} of the run
 * @param cacheHash        file-list hash of the cache it trains on
 * @param history          one record per finished epoch
 * @param bestEpoch        epoch with the lowest validation loss so far (0 = none yet)
 * @param bestLoss         that loss
 * @param stoppedEarly     true once patience ran out
 * @param peakRssMiB       highest peak resident memory of the training processes so far (all sessions), MiB
 */
public record TrainingState(String fingerprint, String cacheHash, List<EpochRecord> history, int bestEpoch,
                            double bestLoss, boolean stoppedEarly, double peakRssMiB) {
    public TrainingState {
        history = List.copyOf(history);
    }

    static TrainingState start(String fingerprint, String cacheHash) {
        return new TrainingState(fingerprint, cacheHash, List.of(), 0, Double.POSITIVE_INFINITY, false, 0);
    }

    int epochsDone() {
        return history.size();
    }

    /** Epochs since the best one. */
    int sinceBest() {
        return history.size() - bestEpoch;
    }

    TrainingState after(EpochRecord epoch, int patience, double rssMiB) {
        List<EpochRecord> next = new ArrayList<>(history);
        next.add(epoch);
        boolean better = epoch.validationLoss() < bestLoss;
        int best = better ? epoch.epoch() : bestEpoch;
        double loss = better ? epoch.validationLoss() : bestLoss;
        return new TrainingState(fingerprint, cacheHash, next, best, loss, next.size() - best >= patience,
                Math.max(peakRssMiB, rssMiB));
    }
}
