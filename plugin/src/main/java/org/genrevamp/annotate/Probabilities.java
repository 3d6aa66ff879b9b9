package org.genrevamp.annotate;

/** Small helpers over per-window probability vectors (one value per genre, each in [0, 1]). */
public final class Probabilities {

    /** Slack allowed above 1 (float softmax rounding). */
    static final double ABOVE_ONE_TOLERANCE = 1e-3;

    private Probabilities() {
    }

    /** Index of the largest value; the lowest index wins a tie. */
    public static int argmax(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    /** A window's confidence: its top probability. */
    public static float confidence(float[] p) {
        return p[argmax(p)];
    }

    /**
     * Checks an {@code [n][genres]} matrix: every row {@code genres} long, every value finite and in
     * [0, 1] (up to {@link #ABOVE_ONE_TOLERANCE}). Rows need not sum to 1.
     *
     * @param who prefix for the message, e.g. {@code "GenreSegmenter.segment"}
     * @throws IllegalArgumentException naming the first bad window and genre
     */
    static void check(float[][] probabilities, int genres, String who) {
        if (probabilities == null) {
            throw new IllegalArgumentException(who + ": probabilities must not be null");
        }
        for (int t = 0; t < probabilities.length; t++) {
            float[] row = probabilities[t];
            if (row == null || row.length != genres) {
                throw new IllegalArgumentException(who + ": window " + t + " needs " + genres + " probabilities, got "
                        + (row == null ? "null" : row.length));
            }
            for (int g = 0; g < genres; g++) {
                float v = row[g];
                if (!(v >= 0 && v <= 1 + ABOVE_ONE_TOLERANCE)) {
                    throw new IllegalArgumentException(who + ": window " + t + " genre " + g
                            + " has probability " + v + " (need a finite value in [0, 1])");
                }
            }
        }
    }
}
