package org.genrevamp.trainer.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Window-level and track-level figures of one model on one set of windows. A track's prediction is
 * the mean of its windows' probabilities (all its files together).
 */
public record Evaluation(Metrics windows, Metrics tracks) {

    /** @throws IllegalArgumentException when one track's windows disagree on the true label */
    public static Evaluation of(List<ScoredWindow> scored, List<String> labels) {
        int[] truth = new int[scored.size()];
        float[][] probabilities = new float[scored.size()][];
        Map<String, float[]> sums = new LinkedHashMap<>();
        Map<String, Integer> trackTruth = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < scored.size(); i++) {
            ScoredWindow w = scored.get(i);
            truth[i] = w.truth();
            probabilities[i] = w.probabilities();
            Integer previous = trackTruth.putIfAbsent(w.trackId(), w.truth());
            if (previous != null && previous != w.truth()) {
                throw new IllegalArgumentException("Evaluation: track " + w.trackId() + " has windows labelled "
                        + labels.get(previous) + " and " + labels.get(w.truth()));
            }
            float[] sum = sums.computeIfAbsent(w.trackId(), t -> new float[labels.size()]);
            for (int c = 0; c < sum.length; c++) {
                sum[c] += w.probabilities()[c];
            }
            counts.merge(w.trackId(), 1, Integer::sum);
        }
        List<float[]> trackProbabilities = new ArrayList<>();
        int[] trackLabels = new int[sums.size()];
        int t = 0;
        for (Map.Entry<String, float[]> e : sums.entrySet()) {
            float[] mean = e.getValue();
            int count = counts.get(e.getKey());
            for (int c = 0; c < mean.length; c++) {
                mean[c] /= count;
            }
            trackProbabilities.add(mean);
            trackLabels[t++] = trackTruth.get(e.getKey());
        }
        return new Evaluation(Metrics.of(truth, probabilities, labels),
                Metrics.of(trackLabels, trackProbabilities.toArray(new float[0][]), labels));
    }
}
