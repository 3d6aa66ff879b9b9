package org.genrevamp.annotate;

/**
 * The stretch of time each window stands for: from halfway after the previous window's centre to
 * halfway before the next one's, the first from 0, the last to the file's end. These cells tile
 * {@code [0, duration)}: they place region boundaries and weight the track summary.
 */
final class WindowCells {

    private WindowCells() {
    }

    /**
     * @return bounds of length n + 1: window i's cell is {@code [bounds[i], bounds[i+1])}; bounds[0] = 0,
     *         bounds[n] = duration; strictly increasing after {@link #check} passed
     */
    static double[] boundaries(double[] centres, double duration) {
        int n = centres.length;
        double[] b = new double[n + 1];
        for (int i = 1; i < n; i++) {
            b[i] = 0.5 * (centres[i - 1] + centres[i]);
        }
        b[n] = duration;
        return b;
    }

    /**
     * Centres finite, strictly increasing, within [0, duration]; duration finite, >= 0, and > 0 when
     * there are windows.
     *
     * @throws IllegalArgumentException naming {@code who} and the first bad window
     */
    static void check(double[] centres, double duration, String who) {
        if (!(duration >= 0) || Double.isInfinite(duration)) {
            throw new IllegalArgumentException(who + ": duration must be finite and >= 0 s, got " + duration);
        }
        if (centres.length > 0 && duration == 0) {
            throw new IllegalArgumentException(who + ": windows given for a file of duration 0");
        }
        for (int i = 0; i < centres.length; i++) {
            double c = centres[i];
            boolean inFile = c >= 0 && c <= duration;
            boolean increasing = i == 0 || c > centres[i - 1];
            if (!inFile || !increasing) {
                throw new IllegalArgumentException(who + ": window " + i + " centre " + c
                        + " s must lie in [0, " + duration + "] s and after the previous centre");
            }
        }
    }
}
