package org.genrevamp.dsp;

import java.util.Arrays;

/**
 * Summary of the |dB| differences between two spectrograms over the bins a test compares.
 *
 * @param count bins compared
 * @param mean  mean |difference| in dB (0 when none compared)
 * @param p99   99th percentile (nearest rank below) in dB
 * @param max   largest in dB
 */
record DbDifferences(int count, double mean, double p99, double max) {

    /** Summarises the first {@code count} entries of {@code diffs} (absolute differences in dB). */
    static DbDifferences of(double[] diffs, int count) {
        if (count == 0) {
            return new DbDifferences(0, 0, 0, 0);
        }
        double[] sorted = Arrays.copyOf(diffs, count);
        Arrays.sort(sorted);
        double sum = 0;
        for (double d : sorted) {
            sum += d;
        }
        return new DbDifferences(count, sum / count, sorted[(int) (0.99 * (count - 1))], sorted[count - 1]);
    }

    @Override
    public String toString() {
        return String.format("%d bins: mean %.4f dB, p99 %.4f dB, max %.4f dB", count, mean, p99, max);
    }
}
