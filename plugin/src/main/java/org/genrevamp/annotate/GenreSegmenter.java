package org.genrevamp.annotate;

import java.util.ArrayList;
import java.util.List;

/**
 * Window probabilities -> contiguous genre regions covering {@code [0, duration)} exactly.
 *
 * <ol>
 *   <li>Viterbi decoding with a switch penalty of {@link SegmenterParams#smoothing()} nats
 *       ({@link ViterbiSmoother}); runs of equal genre become regions.</li>
 *   <li>While some region is shorter than {@link SegmenterParams#minSegmentSeconds()} (and there is more
 *       than one), the shortest (earliest on a tie) joins a neighbour: the one whose genre the short
 *       region's own windows rate more probable on average (the more similar); on a tie the longer
 *       neighbour, then the earlier. Neighbours that end up with the same genre merge.</li>
 *   <li>Regions whose mean probability of their genre is below {@link SegmenterParams#unknownThreshold()}
 *       become {@link #UNKNOWN_INDEX} / {@link #UNKNOWN_LABEL}; adjacent unknown regions merge.</li>
 * </ol>
 * A boundary between windows {@code i-1} and {@code i} lies halfway between their centres; the first
 * region starts at 0 and the last ends at the file's duration, so each window belongs to exactly one region.
 */
public final class GenreSegmenter {

    /** Genre index of an unknown region: a number (hosts need a value) that is no label's index. */
    public static final int UNKNOWN_INDEX = -1;
    public static final String UNKNOWN_LABEL = "unknown";

    private final List<String> labels;
    private final SegmenterParams params;

    /**
     * @param labels genre names, index = genre index, at least one
     * @param params knobs
     * @throws IllegalArgumentException on null or empty arguments
     */
    public GenreSegmenter(List<String> labels, SegmenterParams params) {
        if (labels == null || labels.isEmpty() || params == null) {
            throw new IllegalArgumentException("GenreSegmenter: need at least one label and non-null params");
        }
        this.labels = List.copyOf(labels);
        this.params = params;
    }

    /** Segments a collected track; see {@link #segment(float[][], double[], double)}. */
    public List<GenreRegion> segment(ProbabilityTrack track, double durationSeconds) {
        return segment(track.probabilities(), track.centres(), durationSeconds);
    }

    /**
     * @param probabilities   {@code [n][labels]} window probabilities in [0, 1]
     * @param centreSeconds   window centres in seconds, length n, strictly increasing, within [0, durationSeconds]
     * @param durationSeconds the file's length in seconds
     * @return regions in time order, contiguous, first starting at 0, last ending at {@code durationSeconds};
     *         empty when n == 0
     * @throws IllegalArgumentException on mismatched lengths, bad probabilities, or centres outside the file
     */
    public List<GenreRegion> segment(float[][] probabilities, double[] centreSeconds, double durationSeconds) {
        int n = checkInputs(probabilities, centreSeconds, durationSeconds);
        if (n == 0) {
            return List.of();
        }
        double[] bounds = WindowCells.boundaries(centreSeconds, durationSeconds);
        List<Run> runs = runsOf(ViterbiSmoother.decode(probabilities, params.smoothing()));
        mergeShortRuns(runs, probabilities, bounds);
        markUnknown(runs, probabilities);
        List<GenreRegion> regions = new ArrayList<>(runs.size());
        for (Run r : runs) {
            regions.add(new GenreRegion(bounds[r.from], bounds[r.to] - bounds[r.from], r.genre,
                    r.genre == UNKNOWN_INDEX ? UNKNOWN_LABEL : labels.get(r.genre),
                    r.genre == UNKNOWN_INDEX ? meanConfidence(probabilities, r) : meanOf(probabilities, r, r.genre),
                    r.from, r.to - r.from));
        }
        return regions;
    }

    /** Windows {@code [from, to)} with one genre. */
    private static final class Run {
        final int from;
        int to;
        int genre;

        Run(int from, int to, int genre) {
            this.from = from;
            this.to = to;
            this.genre = genre;
        }
    }

    private int checkInputs(float[][] probabilities, double[] centres, double duration) {
        if (probabilities == null || centres == null || probabilities.length != centres.length) {
            throw new IllegalArgumentException("GenreSegmenter.segment: need one centre per probability vector");
        }
        Probabilities.check(probabilities, labels.size(), "GenreSegmenter.segment");
        WindowCells.check(centres, duration, "GenreSegmenter.segment");
        return centres.length;
    }

    private static List<Run> runsOf(int[] path) {
        List<Run> runs = new ArrayList<>();
        for (int t = 0; t < path.length; t++) {
            if (runs.isEmpty() || runs.get(runs.size() - 1).genre != path[t]) {
                runs.add(new Run(t, t + 1, path[t]));
            } else {
                runs.get(runs.size() - 1).to = t + 1;
            }
        }
        return runs;
    }

    private void mergeShortRuns(List<Run> runs, float[][] p, double[] bounds) {
        while (runs.size() > 1) {
            int shortest = -1;
            for (int i = 0; i < runs.size(); i++) {
                double d = length(runs.get(i), bounds);
                if (d < params.minSegmentSeconds() && (shortest < 0 || d < length(runs.get(shortest), bounds))) {
                    shortest = i;
                }
            }
            if (shortest < 0) {
                return;
            }
            Run run = runs.get(shortest);
            Run left = shortest > 0 ? runs.get(shortest - 1) : null;
            Run right = shortest + 1 < runs.size() ? runs.get(shortest + 1) : null;
            run.genre = preferLeft(run, left, right, p, bounds) ? left.genre : right.genre;
            coalesce(runs, shortest);
        }
    }

    /** Whether the short run {@code run} should join {@code left} rather than {@code right}. */
    private static boolean preferLeft(Run run, Run left, Run right, float[][] p, double[] bounds) {
        if (left == null || right == null) {
            return right == null;
        }
        double l = meanOf(p, run, left.genre);
        double r = meanOf(p, run, right.genre);
        if (l != r) {
            return l > r;
        }
        return length(left, bounds) >= length(right, bounds);
    }

    /** Merges runs around index i that share its genre. */
    private static void coalesce(List<Run> runs, int i) {
        Run run = runs.get(i);
        if (i + 1 < runs.size() && runs.get(i + 1).genre == run.genre) {
            run.to = runs.remove(i + 1).to;
        }
        if (i > 0 && runs.get(i - 1).genre == run.genre) {
            runs.get(i - 1).to = runs.remove(i).to;
        }
    }

    private void markUnknown(List<Run> runs, float[][] p) {
        for (Run r : runs) {
            if (meanOf(p, r, r.genre) < params.unknownThreshold()) {
                r.genre = UNKNOWN_INDEX;
            }
        }
        for (int i = runs.size() - 1; i > 0; i--) {
            if (runs.get(i).genre == UNKNOWN_INDEX && runs.get(i - 1).genre == UNKNOWN_INDEX) {
                runs.get(i - 1).to = runs.remove(i).to;
            }
        }
    }

    private static double length(Run r, double[] bounds) {
        return bounds[r.to] - bounds[r.from];
    }

    private static double meanOf(float[][] p, Run r, int genre) {
        double sum = 0;
        for (int t = r.from; t < r.to; t++) {
            sum += p[t][genre];
        }
        return sum / (r.to - r.from);
    }

    private static double meanConfidence(float[][] p, Run r) {
        double sum = 0;
        for (int t = r.from; t < r.to; t++) {
            sum += Probabilities.confidence(p[t]);
        }
        return sum / (r.to - r.from);
    }
}
