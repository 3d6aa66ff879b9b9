package org.genrevamp.trainer.report;

import java.util.List;

/**
 * Classification figures over n examples. Top-1 and top-3 are shares of examples whose true label
 * is the most likely, or among the three most likely, predictions.
 *
 * @param n         examples scored
 * @param top1      share with the true label ranked first, in [0, 1]
 * @param top3      share with the true label among the first three, in [0, 1]
 * @param macroF1   mean F1 over the labels that occur in the truth or the predictions
 * @param f1        F1 per label (0 where precision + recall is 0)
 * @param labels    label names, the index order of everything else
 * @param confusion {@code confusion[truth][predicted]} counts
 */
public record Metrics(int n, double top1, double top3, double macroF1, double[] f1, List<String> labels,
                      int[][] confusion) {

    /**
     * Scores predictions.
     *
     * @param truth         true label index per example
     * @param probabilities per example a score per label (higher = more likely)
     * @param labels        label names
     * @throws IllegalArgumentException on mismatched lengths or label indices out of range
     */
    public static Metrics of(int[] truth, float[][] probabilities, List<String> labels) {
        if (truth.length != probabilities.length) {
            throw new IllegalArgumentException("Metrics: " + truth.length + " labels for " + probabilities.length
                    + " predictions");
        }
        int k = labels.size();
        int[][] confusion = new int[k][k];
        int top1 = 0;
        int top3 = 0;
        for (int i = 0; i < truth.length; i++) {
            if (probabilities[i].length != k || truth[i] < 0 || truth[i] >= k) {
                throw new IllegalArgumentException("Metrics: example " + i + " has " + probabilities[i].length
                        + " scores / label " + truth[i] + " for " + k + " labels");
            }
            int rank = rankOf(probabilities[i], truth[i]);
            top1 += rank == 0 ? 1 : 0;
            top3 += rank < 3 ? 1 : 0;
            confusion[truth[i]][argmax(probabilities[i])]++;
        }
        double[] f1 = new double[k];
        double f1Sum = 0;
        int present = 0;
        for (int c = 0; c < k; c++) {
            int tp = confusion[c][c];
            int actual = 0;
            int predicted = 0;
            for (int j = 0; j < k; j++) {
                actual += confusion[c][j];
                predicted += confusion[j][c];
            }
            f1[c] = actual + predicted == 0 ? 0 : 2.0 * tp / (actual + predicted);
            if (actual + predicted > 0) {
                f1Sum += f1[c];
                present++;
            }
        }
        int n = truth.length;
        return new Metrics(n, n == 0 ? 0 : (double) top1 / n, n == 0 ? 0 : (double) top3 / n,
                present == 0 ? 0 : f1Sum / present, f1, List.copyOf(labels), confusion);
    }

    /** Index of the largest score (the first of ties). */
    public static int argmax(float[] scores) {
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Rank of {@code label}, 0 = first. Ties are broken as {@link #argmax} does (lower index first), so
     * a network that outputs equal scores does not get credit for every label.
     */
    static int rankOf(float[] scores, int label) {
        int ahead = 0;
        for (int j = 0; j < scores.length; j++) {
            if (scores[j] > scores[label] || (scores[j] == scores[label] && j < label)) {
                ahead++;
            }
        }
        return ahead;
    }

    /** The figures reports and {@code evaluate --json} write: top1, top3, n, macroF1, labels, confusion. */
    public java.util.Map<String, Object> asJson() {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("top1", top1);
        out.put("top3", top3);
        out.put("n", n);
        out.put("macroF1", macroF1);
        out.put("labels", labels);
        out.put("confusion", confusion);
        return out;
    }
}
