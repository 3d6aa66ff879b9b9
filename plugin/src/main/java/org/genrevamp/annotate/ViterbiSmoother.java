package org.genrevamp.annotate;

/**
 * Most likely genre sequence for a series of window probabilities when every change of genre costs
 * {@code switchPenalty} nats: maximises {@code sum_t log p_t(s_t) - switchPenalty * #(s_t != s_t-1)}.
 *
 * <p>With penalty 0 this is the per-window argmax. A one-window excursion to genre B inside genre A
 * survives only when {@code log(p(B)/p(A))} at that window exceeds {@code 2 * switchPenalty}; a change
 * that lasts to the end of the file needs its summed log-ratio to exceed {@code switchPenalty}.
 * Uniform prior over the first window's genre. Memory: one {@code short} backpointer per window and
 * genre (60 min at a 1.5 s hop with 10 genres: 48 kB); ties go to the lowest genre index.
 */
public final class ViterbiSmoother {

    /** Probabilities are floored here before the log, so a hard 0 is a large finite cost. */
    static final double PROBABILITY_FLOOR = 1e-6;

    private ViterbiSmoother() {
    }

    /**
     * @param probabilities {@code [n][genres]} window probabilities in [0, 1], n >= 0, genres >= 1
     * @param switchPenalty cost of one genre change in nats, >= 0 and finite
     * @return the genre index per window (length n)
     * @throws IllegalArgumentException on a bad penalty or bad probabilities
     */
    public static int[] decode(float[][] probabilities, double switchPenalty) {
        if (!(switchPenalty >= 0) || Double.isInfinite(switchPenalty)) {
            throw new IllegalArgumentException("ViterbiSmoother.decode: switchPenalty must be finite and >= 0, got "
                    + switchPenalty);
        }
        int n = probabilities == null ? 0 : probabilities.length;
        if (n == 0) {
            return new int[0];
        }
        int genres = probabilities[0] == null ? 0 : probabilities[0].length;
        if (genres < 1 || genres > Short.MAX_VALUE) {
            throw new IllegalArgumentException("ViterbiSmoother.decode: need 1.." + Short.MAX_VALUE + " genres, got " + genres);
        }
        Probabilities.check(probabilities, genres, "ViterbiSmoother.decode");

        short[][] back = new short[n][genres];
        double[] score = new double[genres];
        double[] next = new double[genres];
        for (int g = 0; g < genres; g++) {
            score[g] = logOf(probabilities[0][g]);
        }
        for (int t = 1; t < n; t++) {
            int best = argmax(score);
            for (int g = 0; g < genres; g++) {
                // either stay in g for free or come from the best state for the penalty
                double viaSwitch = score[best] - switchPenalty;
                int from = viaSwitch > score[g] || (viaSwitch == score[g] && best < g) ? best : g;
                back[t][g] = (short) from;
                next[g] = (from == g ? score[g] : viaSwitch) + logOf(probabilities[t][g]);
            }
            // renormalise so scores stay near 0 over hours of windows (no precision loss)
            double max = next[argmax(next)];
            for (int g = 0; g < genres; g++) {
                score[g] = next[g] - max;
            }
        }
        int[] path = new int[n];
        path[n - 1] = argmax(score);
        for (int t = n - 1; t > 0; t--) {
            path[t - 1] = back[t][path[t]];
        }
        return path;
    }

    private static double logOf(float p) {
        return Math.log(Math.max(p, PROBABILITY_FLOOR));
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
