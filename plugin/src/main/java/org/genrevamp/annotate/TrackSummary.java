package org.genrevamp.annotate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The whole-file genre: each window's probabilities weighted by the time it stands for (its cell,
 * see {@link GenreSegmenter}), so the end-aligned tail window, which overlaps its predecessor, is not
 * over-counted and the result is a duration-weighted mean.
 *
 * @param meanProbabilities duration-weighted mean probability per genre (length = labels)
 * @param topIndex          genre with the highest mean (lowest index on a tie)
 * @param topProbability    its mean probability
 * @param label             the top {@link #LABEL_GENRES} genres with their means, e.g.
 *                          {@code reggae 0.71 | hiphop 0.12 | pop 0.06} (two decimals, Locale.ROOT)
 */
public record TrackSummary(double[] meanProbabilities, int topIndex, double topProbability, String label) {

    /** Genres named in {@link #label()} (fewer when the model has fewer). */
    public static final int LABEL_GENRES = 3;

    public TrackSummary {
        meanProbabilities = meanProbabilities.clone();
    }

    @Override
    public double[] meanProbabilities() {
        return meanProbabilities.clone();
    }

    /** Summary of a collected track; see {@link #of(float[][], double[], double, List)}. */
    public static TrackSummary of(ProbabilityTrack track, double durationSeconds, List<String> labels) {
        return of(track, durationSeconds, labels, LABEL_GENRES);
    }

    /**
     * Summary of a collected track whose label names the top {@code named} labels (tags: several of 50
     * independent probabilities, where a genre summary names three).
     */
    public static TrackSummary of(ProbabilityTrack track, double durationSeconds, List<String> labels, int named) {
        return of(track.probabilities(), track.centres(), durationSeconds, labels, named);
    }

    /**
     * @param probabilities   {@code [n][labels]} window probabilities in [0, 1], n >= 1
     * @param centreSeconds   window centres in seconds, strictly increasing, within [0, durationSeconds]
     * @param durationSeconds the file's length in seconds, > 0
     * @param labels          genre names
     * @throws IllegalArgumentException when there are no windows, or on bad inputs (see {@link GenreSegmenter#segment})
     */
    public static TrackSummary of(float[][] probabilities, double[] centreSeconds, double durationSeconds,
            List<String> labels) {
        return of(probabilities, centreSeconds, durationSeconds, labels, LABEL_GENRES);
    }

    private static TrackSummary of(float[][] probabilities, double[] centreSeconds, double durationSeconds,
            List<String> labels, int named) {
        if (labels == null || labels.isEmpty()) {
            throw new IllegalArgumentException("TrackSummary.of: need at least one label");
        }
        if (probabilities == null || centreSeconds == null || probabilities.length != centreSeconds.length
                || probabilities.length == 0) {
            throw new IllegalArgumentException("TrackSummary.of: need at least one window and one centre per window");
        }
        Probabilities.check(probabilities, labels.size(), "TrackSummary.of");
        WindowCells.check(centreSeconds, durationSeconds, "TrackSummary.of");
        double[] bounds = WindowCells.boundaries(centreSeconds, durationSeconds);
        double[] mean = new double[labels.size()];
        for (int t = 0; t < probabilities.length; t++) {
            double weight = (bounds[t + 1] - bounds[t]) / durationSeconds;
            for (int g = 0; g < mean.length; g++) {
                mean[g] += weight * probabilities[t][g];
            }
        }
        List<Integer> order = ranked(mean);
        int top = order.get(0);
        return new TrackSummary(mean, top, mean[top], format(mean, order, labels, named));
    }

    /**
     * Summary of one probability vector for the whole file (the head on the file's pooled features,
     * {@link SegmentedTrack}).
     */
    public static TrackSummary ofWhole(float[] probabilities, List<String> labels) {
        if (labels == null || probabilities == null || probabilities.length != labels.size()) {
            throw new IllegalArgumentException("TrackSummary.ofWhole: need one probability per label");
        }
        double[] mean = new double[probabilities.length];
        for (int g = 0; g < mean.length; g++) {
            mean[g] = probabilities[g];
        }
        List<Integer> order = ranked(mean);
        int top = order.get(0);
        return new TrackSummary(mean, top, mean[top], format(mean, order, labels, LABEL_GENRES));
    }

    /** Genre indices by decreasing mean, lowest index first on a tie. */
    private static List<Integer> ranked(double[] mean) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, mean.length).boxed().toList());
        order.sort(Comparator.<Integer>comparingDouble(g -> -mean[g]).thenComparingInt(g -> g));
        return order;
    }

    private static String format(double[] mean, List<Integer> order, List<String> labels, int named) {
        return order.stream().limit(named)
                .map(g -> String.format(Locale.ROOT, "%s %.2f", labels.get(g), mean[g]))
                .collect(Collectors.joining(" | "));
    }
}
