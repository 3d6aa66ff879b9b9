package org.genrevamp.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores a genre segmentation against the known sections of a medley: the share of a time grid whose
 * predicted label is the true one (frame accuracy), and how far each true genre change is from the
 * nearest predicted change (boundary error). Shared by the medley host test and the medley benchmark.
 */
public final class SegmentScore {

    /** Grid step of {@link #frameAccuracy} in seconds. */
    public static final double GRID_STEP_S = 0.1;

    /** A labelled span {@code [start, end)} in seconds: a true section or a predicted region. */
    public record Segment(double start, double end, String label) {
    }

    private SegmentScore() {
    }

    /**
     * Share of the points {@code (i + 0.5) * step} before {@code duration} where {@code predicted}'s
     * label equals {@code truth}'s (a point outside every predicted segment counts as wrong).
     */
    public static double frameAccuracy(List<Segment> truth, List<Segment> predicted, double duration, double step) {
        int points = 0;
        int right = 0;
        for (int i = 0; (i + 0.5) * step < duration; i++) {
            double x = (i + 0.5) * step;
            points++;
            String expected = labelAt(truth, x);
            if (expected != null && expected.equals(labelAt(predicted, x))) {
                right++;
            }
        }
        return points == 0 ? 0 : right / (double) points;
    }

    /** {@link #frameAccuracy} on the {@value #GRID_STEP_S} s grid. */
    public static double frameAccuracy(List<Segment> truth, List<Segment> predicted, double duration) {
        return frameAccuracy(truth, predicted, duration, GRID_STEP_S);
    }

    /** The label of the segment holding {@code x}, or null when none does. */
    public static String labelAt(List<Segment> segments, double x) {
        for (Segment s : segments) {
            if (x >= s.start() && x < s.end()) {
                return s.label();
            }
        }
        return null;
    }

    /** Where the label changes: the start of each segment whose label differs from the previous segment's. */
    public static List<Double> changes(List<Segment> segments) {
        List<Double> changes = new ArrayList<>();
        for (int i = 1; i < segments.size(); i++) {
            if (!segments.get(i).label().equals(segments.get(i - 1).label())) {
                changes.add(segments.get(i).start());
            }
        }
        return changes;
    }

    /**
     * For each true change (in order), the distance in seconds to the nearest predicted change;
     * {@code Double.POSITIVE_INFINITY} when nothing changes in {@code predicted}.
     */
    public static double[] boundaryErrors(List<Segment> truth, List<Segment> predicted) {
        List<Double> found = changes(predicted);
        return changes(truth).stream().mapToDouble(t -> found.stream().mapToDouble(f -> Math.abs(f - t))
                .min().orElse(Double.POSITIVE_INFINITY)).toArray();
    }

    /**
     * Boundary hit rate as {@code mir_eval.segment.detection} scores it: each true change matched to at most
     * one predicted change within {@code window} seconds and vice versa, as many pairs as possible
     * (maximum bipartite matching); the file's start and end are not changes.
     *
     * @param hits matched pairs
     */
    public record Detection(double precision, double recall, double f, int hits, int truth, int predicted) {
    }

    /** See {@link Detection}; precision and recall are 1 when there is nothing to find or predict, as mir_eval's. */
    public static Detection detection(List<Double> truth, List<Double> predicted, double window) {
        int[] matchOfPredicted = new int[predicted.size()];
        java.util.Arrays.fill(matchOfPredicted, -1);
        int hits = 0;
        for (int t = 0; t < truth.size(); t++) {
            if (augment(t, truth, predicted, window, matchOfPredicted, new boolean[predicted.size()])) {
                hits++;
            }
        }
        double precision = predicted.isEmpty() ? (truth.isEmpty() ? 1 : 0) : hits / (double) predicted.size();
        double recall = truth.isEmpty() ? 1 : hits / (double) truth.size();
        double f = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Detection(precision, recall, f, hits, truth.size(), predicted.size());
    }

    /** Kuhn's augmenting path from true change t. */
    private static boolean augment(int t, List<Double> truth, List<Double> predicted, double window, int[] match,
                                   boolean[] seen) {
        for (int p = 0; p < predicted.size(); p++) {
            if (!seen[p] && Math.abs(truth.get(t) - predicted.get(p)) <= window) {
                seen[p] = true;
                if (match[p] < 0 || augment(match[p], truth, predicted, window, match, seen)) {
                    match[p] = t;
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Median over the true changes of the distance to the nearest predicted change (mir_eval's
     * reference-to-estimate deviation); NaN when either side has none.
     */
    public static double medianDeviation(List<Double> truth, List<Double> predicted) {
        if (truth.isEmpty() || predicted.isEmpty()) {
            return Double.NaN;
        }
        double[] d = truth.stream().mapToDouble(t -> predicted.stream().mapToDouble(p -> Math.abs(p - t)).min()
                .orElseThrow()).sorted().toArray();
        return d.length % 2 == 1 ? d[d.length / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
    }
}
