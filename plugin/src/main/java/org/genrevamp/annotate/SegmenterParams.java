package org.genrevamp.annotate;

/**
 * User-facing knobs of {@link GenreSegmenter} (the plugin's parameters).
 *
 * @param smoothing         cost of one genre change in nats (log-probability), >= 0; 0 = per-window argmax.
 *                          Suggested {@link #DEFAULT_SMOOTHING} = off: the transfer models' 29 s windows
 *                          already smooth; on medleys of 15-30 s sections (MedleyBenchmark, GTZAN test
 *                          tracks) every cost above 0 lost 4-13 points of frame accuracy and added 2-8 s
 *                          of boundary error. 2 suits the 2 s scratch models (a single window must then be
 *                          e^(2*2) ~ 55 times likelier as B than A to break an A stretch)
 * @param minSegmentSeconds regions shorter than this many seconds are merged into a neighbour, >= 0 (0 = off).
 *                          Suggested {@link #DEFAULT_MIN_SEGMENT_SECONDS}: shorter than any section of a
 *                          DJ set; it removes single-window blips (0 gave 4.8 regions for 4 true sections
 *                          on the medleys, 5 gave 3.9 at the same accuracy), while 10 s started to merge
 *                          15 s sections away (1.5 points lower)
 * @param unknownThreshold  regions whose mean probability of their genre is below this are labelled
 *                          unknown, in [0, 1] (0 = off). Suggested {@link #DEFAULT_UNKNOWN_THRESHOLD}:
 *                          above chance for 5-10 genres (0.1-0.2). Chosen on the GTZAN test medleys with
 *                          the default's calibrated head (MedleyBenchmark): 0.25 marks 4 % of the frames,
 *                          and those are right 55 % of the time against 75 % for all; 0.4 marked 17 %,
 *                          right 72 % of the time, so it hid mostly right labels
 * @param sensitivity       in [0, 1]: how readily the change detector of the transfer models
 *                          ({@link SegmentedTrack}) proposes a change; higher finds more candidates (a
 *                          novelty peak must exceed its running median by {@code (1 - sensitivity) / 10} times
 *                          the curve's mean, {@link FooteNovelty}). Suggested {@link #DEFAULT_SENSITIVITY},
 *                          chosen on the shared-song and ballroom medleys (MedleyBenchmark)
 */
public record SegmenterParams(double smoothing, double minSegmentSeconds, double unknownThreshold, double sensitivity) {

    public static final double DEFAULT_SMOOTHING = 0.0;
    public static final double DEFAULT_MIN_SEGMENT_SECONDS = 5.0;
    public static final double DEFAULT_UNKNOWN_THRESHOLD = 0.25;
    public static final double DEFAULT_SENSITIVITY = 0.5;

    public SegmenterParams {
        require(smoothing >= 0 && Double.isFinite(smoothing), "smoothing must be finite and >= 0 nats, got " + smoothing);
        require(minSegmentSeconds >= 0 && Double.isFinite(minSegmentSeconds),
                "minSegmentSeconds must be finite and >= 0 s, got " + minSegmentSeconds);
        require(unknownThreshold >= 0 && unknownThreshold <= 1, "unknownThreshold must be in [0, 1], got " + unknownThreshold);
        require(sensitivity >= 0 && sensitivity <= 1, "sensitivity must be in [0, 1], got " + sensitivity);
    }

    /** With the default {@link #DEFAULT_SENSITIVITY}. */
    public SegmenterParams(double smoothing, double minSegmentSeconds, double unknownThreshold) {
        this(smoothing, minSegmentSeconds, unknownThreshold, DEFAULT_SENSITIVITY);
    }

    /** The suggested defaults. */
    public static SegmenterParams defaults() {
        return new SegmenterParams(DEFAULT_SMOOTHING, DEFAULT_MIN_SEGMENT_SECONDS, DEFAULT_UNKNOWN_THRESHOLD,
                DEFAULT_SENSITIVITY);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("SegmenterParams: " + message);
        }
    }
}
