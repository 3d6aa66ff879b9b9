package org.genrevamp.hosts;

import java.util.Arrays;
import java.util.List;

/**
 * Compares a colour-3D-plot layer exported by Sonic Visualiser (rows without times, see
 * {@link SvLayerCsv}) with the same output printed by vamp-simple-host (features with times).
 *
 * <p>Alignment, as SV 4.5 does it (svcore FeatureExtractionModelTransformer): the model's resolution is
 * {@code round(inputRate / outputSampleRate)} frames and a timestamped feature at {@code t} seconds goes
 * to row {@code floor(round(t * inputRate) / resolution)}. The two hosts do not start at the same
 * place: for a frequency-domain plugin SV's first block is centred on frame 0 while vamp-simple-host's
 * first block starts at frame 0 and is timestamped half a block later — so SV has extra leading (and
 * trailing) rows, and the mapping by time, not by row number, is what lines them up.
 *
 * <p>When the output's step is not a whole number of frames (a fractional hop, e.g. 1114.56 frames at
 * 48 kHz) SV's rounding sends two features to one row, and the later overwrites the earlier: those are
 * counted as {@code collisions}, and the layer then cannot agree.
 */
public final class DenseLayerComparison {
    /** A value agrees when {@code |sv - host| <= relative * max(|sv|, |host|) + absolute} (units of the output). */
    public record Tolerance(double relative, double absolute) {
    }

    /**
     * Both hosts print each float with 6 significant digits; two roundings of equal floats differ by
     * at most one unit in the 6th digit, i.e. 1e-5 relative when the leading digit is 1. Twice that.
     */
    public static final double SIX_DIGIT_RELATIVE_TOLERANCE = 2e-5;
    /** Floor for values printed near zero, where the relative bound is meaningless (units of the output). */
    public static final double NEAR_ZERO_ABSOLUTE_TOLERANCE = 1e-6;
    /** Same samples in both hosts: only the printing differs. */
    public static final Tolerance SIX_DIGIT_TEXT = new Tolerance(SIX_DIGIT_RELATIVE_TOLERANCE, NEAR_ZERO_ABSOLUTE_TOLERANCE);

    /**
     * @param matched      vamp-simple-host features found in SV's rows
     * @param compared     values compared
     * @param mismatches   values outside the tolerance
     * @param collisions   host features that SV put in the same row as the previous feature
     * @param worst        the largest |sv - host| / (relative * max(|sv|,|host|) + absolute): above 1 is a mismatch
     * @param firstProblem a sentence about the first mismatch (or missing row / bin-count difference), "" when none
     */
    public record Report(int hostFeatures, int svRows, int svBins, int hostBins, long resolutionFrames, int rowOffset,
            int matched, int collisions, long compared, long mismatches, double worst, String firstProblem) {
        public boolean agrees() {
            return matched == hostFeatures && collisions == 0 && mismatches == 0 && firstProblem.isEmpty();
        }

        @Override
        public String toString() {
            return "host features " + hostFeatures + " (" + hostBins + " bins), SV rows " + svRows + " (" + svBins
                    + " bins), resolution " + resolutionFrames + " frames, SV row of first feature " + rowOffset
                    + ", matched " + matched + ", collisions " + collisions + ", compared " + compared + " values, mismatches " + mismatches
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
     * @param tolerance    how close values must be
     */
    public static Report compare(List<double[]> svRows, List<VampFeature> host, double inputRate, int binsCompared,
            Tolerance tolerance) {
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
        int offset = svRow(host.get(0).seconds(), inputRate, resolution);
        int matched = 0;
        int collisions = 0;
        int previousRow = Integer.MIN_VALUE;
        long compared = 0;
        long mismatches = 0;
        double worst = 0;
        for (VampFeature f : host) {
            int row = svRow(f.seconds(), inputRate, resolution);
            if (row == previousRow) {
                collisions++;
                if (firstProblem.isEmpty()) {
                    firstProblem = "SV puts the features at " + f.seconds() + " s and the one before in the same row " + row
                            + " (output step " + steps[steps.length / 2] * inputRate + " frames is not whole)";
                }
            }
            previousRow = row;
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
                        : Math.abs(a - h) / (tolerance.relative() * Math.max(Math.abs(a), Math.abs(h)) + tolerance.absolute());
                if (!(ratio <= 1)) {
                    mismatches++;
                    if (firstProblem.isEmpty()) {
                        firstProblem = "at " + f.seconds() + " s (SV row " + row + ") bin " + b + ": SV " + a + ", host " + h;
                    }
                }
                worst = Double.isNaN(ratio) ? Double.POSITIVE_INFINITY : Math.max(worst, ratio);
            }
        }
        return new Report(host.size(), svRows.size(), svBins, hostBins, resolution, offset, matched, collisions, compared, mismatches, worst, firstProblem);
    }

    /** The row SV 4.5 stores a feature at {@code seconds} in (see the class comment). */
    static int svRow(double seconds, double inputRate, long resolution) {
        return (int) Math.floorDiv(Math.round(seconds * inputRate), resolution);
    }
}
