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
}
