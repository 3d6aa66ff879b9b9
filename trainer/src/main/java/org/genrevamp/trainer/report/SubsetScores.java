package org.genrevamp.trainer.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Restricts scored windows to a subset of genres: keeps the windows whose true genre is in the
 * subset and only the subset's outputs, so ranking happens among those genres alone (as a network
 * trained on the subset would rank).
 */
public final class SubsetScores {
    private SubsetScores() {
    }

    /**
     * @throws IllegalArgumentException when a subset genre is not a label
     */
    public static Evaluation evaluate(List<ScoredWindow> scored, List<String> labels, List<String> subset) {
        int[] columns = new int[subset.size()];
        for (int i = 0; i < subset.size(); i++) {
            columns[i] = labels.indexOf(subset.get(i));
            if (columns[i] < 0) {
                throw new IllegalArgumentException("subset genre '" + subset.get(i) + "' is not one of " + labels);
            }
        }
        List<ScoredWindow> kept = new ArrayList<>();
        for (ScoredWindow w : scored) {
            for (int i = 0; i < columns.length; i++) {
                if (columns[i] == w.truth()) {
                    float[] p = new float[columns.length];
                    for (int j = 0; j < columns.length; j++) {
                        p[j] = w.probabilities()[columns[j]];
                    }
                    kept.add(new ScoredWindow(w.trackId(), i, p));
                }
            }
        }
        return Evaluation.of(kept, subset);
    }
}
