package org.genrevamp.annotate;

/**
 * Averages each run of {@code k} consecutive window predictions into one estimate, sliding by one
 * window: estimate {@code j} is the mean of windows {@code j .. j+k-1}, placed at the mean of their
 * centres. This is how the plugin honours an analysis window longer than the model's input: with
 * windows every {@code hop} seconds, {@code k = 1 + round((window - modelWindow) / hop)} windows
 * cover {@code window} seconds. {@code k = 1} passes predictions through unchanged. A file with
 * fewer than {@code k} windows gets one estimate, the mean of all of them. Keeps {@code k} rows only.
 */
public final class WindowAverager {

    /** Receives one estimate; {@code probabilities} is reused after return. */
    @FunctionalInterface
    public interface EstimateSink {
        /**
         * @param index          estimate number, from 0
         * @param firstWindow    the first window averaged into it
         * @param centreSeconds  mean centre of the averaged windows
         * @param probabilities  mean probabilities, one per genre
         */
        void accept(int index, WindowSpan firstWindow, double centreSeconds, float[] probabilities);
    }

    private final int k;
    private final int genres;
    private final EstimateSink sink;
    private final float[][] rows;
    private final double[] centres;
    private final WindowSpan[] spans;
    private final float[] mean;
    private long received;
    private int emitted;

    /**
     * @param k      windows per estimate, >= 1
     * @param genres probabilities per window, >= 1
     * @throws IllegalArgumentException on bad sizes or a null sink
     */
    public WindowAverager(int k, int genres, EstimateSink sink) {
        if (k < 1 || genres < 1 || sink == null) {
            throw new IllegalArgumentException("WindowAverager: need k >= 1, genres >= 1 and a sink, got " + k + ", " + genres);
        }
        this.k = k;
        this.genres = genres;
        this.sink = sink;
        this.rows = new float[k][genres];
        this.centres = new double[k];
        this.spans = new WindowSpan[k];
        this.mean = new float[genres];
    }

    /** Windows per estimate for an analysis window of {@code windowSeconds} made of model windows. */
    public static int windowsPerEstimate(double windowSeconds, double modelWindowSeconds, double hopSeconds) {
        return 1 + (int) Math.max(0, Math.round((windowSeconds - modelWindowSeconds) / hopSeconds));
    }

    /** Takes the next window's prediction (copied). */
    public void add(WindowSpan span, float[] probabilities) {
        int slot = (int) (received % k);
        System.arraycopy(probabilities, 0, rows[slot], 0, genres);
        centres[slot] = span.centreSeconds();
        spans[slot] = span;
        received++;
        if (received >= k) {
            emit(k);
        }
    }

    /** End of file: a file with fewer than k (but some) windows gets its single estimate now. */
    public void finish() {
        if (emitted == 0 && received > 0) {
            emit((int) received);
        }
    }

    /** Forgets everything. */
    public void reset() {
        received = 0;
        emitted = 0;
    }

    /** Mean of the last {@code n} windows received. */
    private void emit(int n) {
        java.util.Arrays.fill(mean, 0f);
        double centre = 0;
        WindowSpan first = null;
        for (long w = received - n; w < received; w++) {
            int slot = (int) (w % k);
            for (int g = 0; g < genres; g++) {
                mean[g] += rows[slot][g] / n;
            }
            centre += centres[slot] / n;
            if (first == null) {
                first = spans[slot];
            }
        }
        sink.accept(emitted++, first, centre, mean);
    }
}
