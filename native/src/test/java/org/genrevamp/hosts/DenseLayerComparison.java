package org.genrevamp.hosts;

import java.util.Arrays;
import java.util.List;

/**
 * Compares a colour-3D-plot layer exported by Sonic Visualiser (rows without times, see
 * {@link SvLayerCsv}) with the same output printed by vamp-simple-host (features with times).
 *
 * <p>Alignment: SV puts the feature at time {@code t} in row {@code round(t * inputRate / resolution)}
 * (svcore FeatureExtractionModelTransformer::addFeature), {@code resolution} being the output's step
 * in frames. The two hosts do not start at the same place: for a frequency-domain plugin SV's first
 * block is centred on frame 0 while vamp-simple-host's first block starts at frame 0 and is
 * timestamped half a block later — so SV has extra leading (and trailing) rows, and the mapping by
 * time, not by row number, is what lines them up.
 */
public final class DenseLayerComparison {
    /**
     * Both hosts print each float with 6 significant digits; two roundings of equal floats differ by
     * at most one unit in the 6th digit, i.e. 1e-5 relative when the leading digit is 1. Twice that.
     */
    public static final double SIX_DIGIT_RELATIVE_TOLERANCE = 2e-5;
    /** Floor for values printed near zero, where the relative bound is meaningless (units of the output). */
    public static final double NEAR_ZERO_ABSOLUTE_TOLERANCE = 1e-6;

    /**
     * @param matched      vamp-simple-host features found in SV's rows
     * @param compared     values compared
     * @param mismatches   values outside the tolerance
     * @param worst        the largest |sv - host| / (relTol * max(|sv|,|host|) + absTol): above 1 is a mismatch
     * @param firstProblem a sentence about the first mismatch (or missing row / bin-count difference), "" when none
     */
    public record Report(int hostFeatures, int svRows, int svBins, int hostBins, long resolutionFrames, int rowOffset,
            int matched, long compared, long mismatches, double worst, String firstProblem) {
        public boolean agrees() {
            return matched == hostFeatures && mismatches == 0 && firstProblem.isEmpty();
        }

        @Override
        public String toString() {
            return "host features " + hostFeatures + " (" + hostBins + " bins), SV rows " + svRows + " (" + svBins
                    + " bins), resolution " + resolutionFrames + " frames, SV row of first feature " + rowOffset
                    + ", matched " + matched + ", compared " + compared + " values, mismatches " + mismatches
                    + ", worst error/tolerance " + worst + (firstProblem.isEmpty() ? "" : ", first problem: " + firstProblem);
        }
    }

    private DenseLayerComparison() {
    }

    /**
     * @param svRows       SV's exported rows ({@link SvLayerCsv#numericRows})
     * @param host         vamp-simple-host's features for the same output and file (at least 2)
     * @param inputRate    the audio file's sample rate in Hz (both hosts analyse at the file's rate)
     * @param binsCompared how many leading bins to compare (SV writes only the bins visible in its pane)
     */
    public static Report compare(List<double[]> svRows, List<VampFeature> host, double inputRate, int binsCompared) {
        if (host.size() < 2) {
            throw new IllegalArgumentException("need at least 2 host features to find the step, got " + host.size());
        }
        double[] steps = new double[host.size() - 1];
        for (int i = 1; i < host.size(); i++) {
            steps[i - 1] = host.get(i).seconds() - host.get(i - 1).seconds();
        }
        Arrays.sort(steps);
        long resolution = Math.round(steps[steps.length / 2] * inputRate);
        if (resolution <= 0) {
            throw new IllegalArgumentException("host features are not increasing in time (median step " + steps[steps.length / 2] + " s)");
        }
        int svBins = svRows.isEmpty() ? 0 : svRows.get(0).length;
        int hostBins = host.get(0).values().length;
        String firstProblem = "";
        if (svBins < binsCompared || hostBins < binsCompared) {
            firstProblem = "asked to compare " + binsCompared + " bins, SV has " + svBins + ", host " + hostBins;
        }
        int offset = (int) Math.round(host.get(0).seconds() * inputRate / resolution);
        int matched = 0;
        long compared = 0;
        long mismatches = 0;
        double worst = 0;
        for (VampFeature f : host) {
            int row = (int) Math.round(f.seconds() * inputRate / resolution);
            if (row < 0 || row >= svRows.size()) {
                if (firstProblem.isEmpty()) {
                    firstProblem = "host feature at " + f.seconds() + " s maps to SV row " + row + ", SV has " + svRows.size();
                }
                continue;
            }
            matched++;
            double[] sv = svRows.get(row);
            int n = Math.min(binsCompared, Math.min(sv.length, f.values().length));
            for (int b = 0; b < n; b++) {
                double a = sv[b];
                double h = f.values()[b];
                compared++;
                double ratio = (Double.isNaN(a) && Double.isNaN(h)) || a == h ? 0
                        : Math.abs(a - h) / (SIX_DIGIT_RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(h)) + NEAR_ZERO_ABSOLUTE_TOLERANCE);
                if (!(ratio <= 1)) {
                    mismatches++;
                    if (firstProblem.isEmpty()) {
                        firstProblem = "at " + f.seconds() + " s (SV row " + row + ") bin " + b + ": SV " + a + ", host " + h;
                    }
                }
                worst = Double.isNaN(ratio) ? Double.POSITIVE_INFINITY : Math.max(worst, ratio);
            }
        }
        return new Report(host.size(), svRows.size(), svBins, hostBins, resolution, offset, matched, compared, mismatches, worst, firstProblem);
    }
}
