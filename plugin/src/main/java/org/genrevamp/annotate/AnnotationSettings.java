package org.genrevamp.annotate;

/**
 * How a file is annotated, independent of who asks (the plugin's parameters, the trainer's batch job).
 *
 * @param hopSeconds    seconds between estimates, > 0 (rounded to whole frames, and for streaming
 *                      transfer models to whole CNN-RNN steps, by {@link GenreAnnotator})
 * @param windowSeconds seconds of audio behind each estimate; 0 = the model's own window, longer
 *                      averages consecutive model windows ({@link WindowAverager})
 * @param segmenter     smoothing, minimum segment and unknown threshold of the regions
 */
public record AnnotationSettings(double hopSeconds, double windowSeconds, SegmenterParams segmenter) {

    public AnnotationSettings {
        if (!(hopSeconds > 0) || !Double.isFinite(hopSeconds)) {
            throw new IllegalArgumentException("hopSeconds must be > 0, got " + hopSeconds);
        }
        if (!(windowSeconds >= 0) || !Double.isFinite(windowSeconds)) {
            throw new IllegalArgumentException("windowSeconds must be >= 0, got " + windowSeconds);
        }
        if (segmenter == null) {
            throw new NullPointerException("segmenter");
        }
    }

    /** The plugin's defaults: hop {@value WindowPlan#DEFAULT_HOP_SECONDS} s, the model's window, default segmenter. */
    public static AnnotationSettings defaults() {
        return new AnnotationSettings(WindowPlan.DEFAULT_HOP_SECONDS, 0, SegmenterParams.defaults());
    }
}
