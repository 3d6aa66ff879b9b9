package org.genrevamp.vamp;

import java.util.ArrayList;
import java.util.List;
import org.genrevamp.annotate.AnnotationSettings;
import org.genrevamp.annotate.SegmenterParams;
import org.genrevamp.annotate.WindowPlan;
import org.genrevamp.model.transfer.TagSource;

/**
 * The plugin's parameters, their descriptors and current values.
 * <ul>
 *   <li>{@code model}: which model (value names from {@link ModelCatalogue}); default: the first.</li>
 *   <li>{@code window}: seconds of audio behind each estimate. The network always sees windows of its
 *       own length; a longer window averages {@code 1 + round((window - modelWindow) / hop)} consecutive
 *       network windows (see {@link org.genrevamp.annotate.WindowAverager}). 0 (the default) means the
 *       model's own window; a non-zero window shorter than the model's is refused by {@code initialise}.</li>
 *   <li>{@code hop}: seconds between windows (rounded to whole spectrogram frames); no longer than the
 *       model's window (refused otherwise, as windows would leave gaps).</li>
 *   <li>{@code smoothing}, {@code minsegment}, {@code unknown}, {@code sensitivity}: {@link SegmenterParams}.</li>
 *   <li>{@code tagger}: whose tags the {@code tags}/{@code tracktags} outputs show: {@code off} or a
 *       {@link TagSource}; default {@code msd} (free with the default model, which runs msd/crnn).</li>
 * </ul>
 */
final class GenreParameters {

    static final String MODEL = "model";
    static final String WINDOW = "window";
    static final String HOP = "hop";
    static final String SMOOTHING = "smoothing";
    static final String MIN_SEGMENT = "minsegment";
    static final String UNKNOWN = "unknown";
    static final String SENSITIVITY = "sensitivity";
    static final String TAGGER = "tagger";
    /** Value names of {@value #TAGGER}: off, then the tag sources. */
    static final List<String> TAGGER_NAMES = taggerNames();
    static final int DEFAULT_TAGGER = 1 + TagSource.MSD.ordinal();

    static final float MAX_WINDOW_SECONDS = 60f;
    static final float MIN_HOP_SECONDS = 0.1f;
    static final float MAX_HOP_SECONDS = 30f;
    static final float MAX_SMOOTHING = 20f;
    static final float MAX_MIN_SEGMENT_SECONDS = 120f;

    private final List<String> modelNames;
    private float model;
    private float window;
    private float hop = (float) WindowPlan.DEFAULT_HOP_SECONDS;
    private float smoothing = (float) SegmenterParams.DEFAULT_SMOOTHING;
    private float minSegment = (float) SegmenterParams.DEFAULT_MIN_SEGMENT_SECONDS;
    private float unknown = (float) SegmenterParams.DEFAULT_UNKNOWN_THRESHOLD;
    private float sensitivity = (float) SegmenterParams.DEFAULT_SENSITIVITY;
    private float tagger = DEFAULT_TAGGER;

    GenreParameters(List<String> modelNames) {
        this.modelNames = List.copyOf(modelNames);
    }

    List<ParameterDescriptor> descriptors() {
        List<ParameterDescriptor> d = new ArrayList<>();
        d.add(new ParameterDescriptor(MODEL, "Model", "Genre model: a bundled one, or 'custom' (the bundle named by "
                + ModelCatalogue.ENV + " or by a 'model=' line in " + ModelCatalogue.CONF + ")", "",
                0, modelNames.size() - 1, 0, 1, modelNames));
        d.add(new ParameterDescriptor(WINDOW, "Window", "Seconds of audio behind each estimate; 0 = the model's own window"
                + " (longer windows average consecutive model windows)", "s", 0, MAX_WINDOW_SECONDS, 0, 0, List.of()));
        d.add(new ParameterDescriptor(HOP, "Hop", "Seconds between estimates (at most the model's window)", "s",
                MIN_HOP_SECONDS, MAX_HOP_SECONDS, (float) WindowPlan.DEFAULT_HOP_SECONDS, 0, List.of()));
        d.add(new ParameterDescriptor(SMOOTHING, "Smoothing", "Cost of a genre change (nats) in the Viterbi smoothing;"
                + " 0 = off", "", 0, MAX_SMOOTHING, (float) SegmenterParams.DEFAULT_SMOOTHING, 0, List.of()));
        d.add(new ParameterDescriptor(MIN_SEGMENT, "Minimum segment", "Shorter genre regions join a neighbour; 0 = off",
                "s", 0, MAX_MIN_SEGMENT_SECONDS, (float) SegmenterParams.DEFAULT_MIN_SEGMENT_SECONDS, 0, List.of()));
        d.add(new ParameterDescriptor(UNKNOWN, "Unknown below", "Regions whose mean genre probability is below this are"
                + " labelled 'unknown'; 0 = off", "", 0, 1, (float) SegmenterParams.DEFAULT_UNKNOWN_THRESHOLD, 0, List.of()));
        d.add(new ParameterDescriptor(SENSITIVITY, "Change sensitivity", "How readily a genre change is proposed"
                + " (transfer models: candidate changes from 0.77 s spectral statistics, each segment then named from"
                + " its own audio); higher finds more", "", 0, 1, (float) SegmenterParams.DEFAULT_SENSITIVITY, 0, List.of()));
        d.add(new ParameterDescriptor(TAGGER, "Tagger", "Pretrained tagger of the Tags outputs: msd (last.fm tags of the"
                + " Million Song Dataset), mtat (MagnaTagATune), jamendo (MTG-Jamendo genre, instrument, mood); off saves"
                + " its time", "", 0, TAGGER_NAMES.size() - 1, DEFAULT_TAGGER, 1, TAGGER_NAMES));
        return d;
    }

    /** Current value; NaN for an unknown identifier. */
    float get(String id) {
        return switch (id) {
            case MODEL -> model;
            case WINDOW -> window;
            case HOP -> hop;
            case SMOOTHING -> smoothing;
            case MIN_SEGMENT -> minSegment;
            case UNKNOWN -> unknown;
            case SENSITIVITY -> sensitivity;
            case TAGGER -> tagger;
            default -> Float.NaN;
        };
    }

    /** Sets a value clamped to its range (hosts may send anything); false for an unknown identifier. */
    boolean set(String id, float value) {
        if (Float.isNaN(value)) {
            return false;
        }
        switch (id) {
            case MODEL -> model = Math.round(clamp(value, 0, modelNames.size() - 1));
            case WINDOW -> window = clamp(value, 0, MAX_WINDOW_SECONDS);
            case HOP -> hop = clamp(value, MIN_HOP_SECONDS, MAX_HOP_SECONDS);
            case SMOOTHING -> smoothing = clamp(value, 0, MAX_SMOOTHING);
            case MIN_SEGMENT -> minSegment = clamp(value, 0, MAX_MIN_SEGMENT_SECONDS);
            case UNKNOWN -> unknown = clamp(value, 0, 1);
            case SENSITIVITY -> sensitivity = clamp(value, 0, 1);
            case TAGGER -> tagger = Math.round(clamp(value, 0, TAGGER_NAMES.size() - 1));
            default -> {
                return false;
            }
        }
        return true;
    }

    int modelIndex() {
        return (int) model;
    }

    /** The analysis window in seconds, 0 for the model's own. */
    double windowSeconds() {
        return window;
    }

    double hopSeconds() {
        return hop;
    }

    /** The chosen tagger, or null when off. */
    TagSource tagSource() {
        return tagger == 0 ? null : TagSource.values()[(int) tagger - 1];
    }

    private static List<String> taggerNames() {
        List<String> names = new ArrayList<>(List.of("off"));
        names.addAll(TagSource.ids());
        return List.copyOf(names);
    }

    SegmenterParams segmenter() {
        return new SegmenterParams(smoothing, minSegment, unknown, sensitivity);
    }

    /** Hop, window and segmenter as the engine takes them. */
    AnnotationSettings annotation() {
        return new AnnotationSettings(hopSeconds(), windowSeconds(), segmenter());
    }

    private static float clamp(float v, float lo, float hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
