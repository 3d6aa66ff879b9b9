package org.genrevamp.annotate;

import java.util.Arrays;

/**
 * The growing list of per-window predictions of one file: centre time and probability vector per
 * window, in window order. Holds {@code n * genres} floats (60 min at a 1.5 s hop, 10 genres: ~100 kB).
 */
public final class ProbabilityTrack {

    private final int genres;
    private float[][] probabilities = new float[64][];
    private double[] centres = new double[64];
    private int size;

    /** @param genres probabilities per window, >= 1 */
    public ProbabilityTrack(int genres) {
        if (genres < 1) {
            throw new IllegalArgumentException("ProbabilityTrack: genres must be >= 1, got " + genres);
        }
        this.genres = genres;
    }

    /**
     * Appends one window's prediction (copied).
     *
     * @param centreSeconds the window's centre ({@link WindowSpan#centreSeconds()}), later than the previous one
     * @param probability   {@code genres} probabilities in [0, 1]
     * @throws IllegalArgumentException on a bad vector or a centre that does not increase
     */
    public void add(double centreSeconds, float[] probability) {
        Probabilities.check(new float[][] {probability}, genres, "ProbabilityTrack.add");
        if (!Double.isFinite(centreSeconds) || (size > 0 && centreSeconds <= centres[size - 1])) {
            throw new IllegalArgumentException("ProbabilityTrack.add: window centre " + centreSeconds
                    + " s must be finite and after " + (size > 0 ? centres[size - 1] : "nothing"));
        }
        if (size == centres.length) {
            centres = Arrays.copyOf(centres, size * 2);
            probabilities = Arrays.copyOf(probabilities, size * 2);
        }
        centres[size] = centreSeconds;
        probabilities[size] = probability.clone();
        size++;
    }

    /** Forgets all windows. */
    public void clear() {
        Arrays.fill(probabilities, 0, size, null);
        size = 0;
    }

    public int size() {
        return size;
    }

    public int genres() {
        return genres;
    }

    /** {@code [size][genres]} probabilities (copy of the outer array; rows are shared, do not modify). */
    public float[][] probabilities() {
        return Arrays.copyOf(probabilities, size);
    }

    /** Window centres in seconds, length {@code size}. */
    public double[] centres() {
        return Arrays.copyOf(centres, size);
    }
}
