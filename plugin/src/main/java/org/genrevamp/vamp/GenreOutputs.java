package org.genrevamp.vamp;

import java.util.List;
import org.genrevamp.annotate.GenreAnnotator;
import org.genrevamp.annotate.GenreRegion;
import org.genrevamp.annotate.GenreSegmenter;
import org.genrevamp.annotate.Probabilities;
import org.genrevamp.annotate.TrackAnnotation;
import org.genrevamp.dsp.MelConfig;
import org.genrevamp.model.transfer.BackboneStream;
import org.genrevamp.model.bundle.GenreModel;
import org.genrevamp.model.transfer.TransferModel;

/**
 * The genre outputs, from the model's predictions on windows of log-mel frames:
 * <ul>
 *   <li>{@value #PROBABILITIES}: one feature per estimate (FixedSampleRate, 1/hop), one bin per genre,
 *       stamped at the start of its first window (window {@code k} starts at {@code k * hop});</li>
 *   <li>{@value #CONFIDENCE}: the top probability of each estimate, same timing;</li>
 *   <li>{@value #SEGMENTS}: contiguous regions covering the whole input (value = genre index, or -1 with
 *       label {@code unknown}), from {@link GenreSegmenter} at the end;</li>
 *   <li>{@value #TRACK}: one feature from 0 to the end, value = top genre, label = the top three
 *       genres with their duration-weighted mean probabilities (prefixed {@code unknown | } and value -1
 *       when the top one is below the unknown threshold).</li>
 * </ul>
 * The engine is {@link GenreAnnotator} (shared with the trainer's batch job); this class turns its
 * estimates and results into features. Windows are predicted in batches of {@link #BATCH} as they
 * complete (inside {@code process}), so a host call never waits for more than one batch.
 */
final class GenreOutputs implements FrameOutput {

    static final String SEGMENTS = "segments";
    static final String PROBABILITIES = "probabilities";
    static final String CONFIDENCE = "confidence";
    static final String TRACK = "track";
    /** Output numbers relative to this object's first output. */
    static final int SEGMENTS_OUT = 0, PROBABILITIES_OUT = 1, CONFIDENCE_OUT = 2, TRACK_OUT = 3;
    /** Windows per forward pass. */
    static final int BATCH = GenreAnnotator.BATCH;

    private final List<String> labels;
    private final double hopSecondsForDescriptor;
    private final GenreParameters parameters;
    private GenreModel model;
    private GenreAnnotator annotator;
    private BackboneStream.Sink backboneTap;   // sees the transfer stream's backbone outputs, or null
    private FeatureSet out;
    private int firstOutput;

    /**
     * @param labels     the model's genres (descriptors: bin names)
     * @param melConfig  the model's spectrogram config (descriptors: output rate)
     * @param sampleRate the host's rate (descriptors: the hop is a whole number of its samples)
     * @param parameters the plugin's parameters, read at {@link #start}
     */
    GenreOutputs(List<String> labels, MelConfig melConfig, double sampleRate, GenreParameters parameters) {
        this.labels = List.copyOf(labels);
        this.parameters = parameters;
        this.hopSecondsForDescriptor = GenreAnnotator.roundedHopSeconds(Integer.MAX_VALUE, melConfig, sampleRate,
                parameters.hopSeconds());
    }

    @Override
    public List<OutputDescriptor> descriptors() {
        float maxIndex = labels.size() - 1;
        return List.of(
                OutputDescriptor.builder(SEGMENTS).name("Genre Segments")
                        .description("Genre regions covering the whole file: value = genre index (-1 = unknown), label = genre")
                        .bins(1, List.of()).extents(GenreSegmenter.UNKNOWN_INDEX, maxIndex).quantizeStep(1)
                        .variableSampleRate(0).hasDuration(true).build(),
                OutputDescriptor.builder(PROBABILITIES).name("Genre Probabilities")
                        .description("Probability of each genre per analysis window (they sum to 1)")
                        .bins(labels.size(), labels).extents(0, 1).fixedSampleRateEvery(hopSecondsForDescriptor).build(),
                OutputDescriptor.builder(CONFIDENCE).name("Confidence")
                        .description("Top genre probability per analysis window")
                        .bins(1, List.of()).extents(0, 1).fixedSampleRateEvery(hopSecondsForDescriptor).build(),
                OutputDescriptor.builder(TRACK).name("Track Genre")
                        .description("Whole-file genre: label = top three genres with mean probabilities, value = top genre index")
                        .bins(1, List.of()).extents(GenreSegmenter.UNKNOWN_INDEX, maxIndex).quantizeStep(1)
                        .variableSampleRate(0).hasDuration(true).build());
    }

    List<String> labels() {
        return labels;
    }

    /** The loaded model; must be called before {@link #start}. */
    void bind(GenreModel bundle) {
        this.model = bundle;
        this.backboneTap = null;
    }

    /**
     * Hands {@code sink} the output of the bound model's backbone {@code name} for every window, when the
     * model streams and has that backbone (after {@link #bind}, before {@link #start}).
     *
     * @return whether it will: false when the model does not run that network in a stream
     */
    boolean shareBackbone(String name, BackboneStream.PartSink sink) {
        backboneTap = TransferModel.tap(model, name, sink);
        return backboneTap != null;
    }

    /**
     * Checks the window and hop parameters against the model.
     *
     * @return a reason to refuse them, or null when they are fine
     */
    static String checkTiming(GenreParameters p, double modelWindowSeconds) {
        return GenreAnnotator.checkTiming(p.annotation(), modelWindowSeconds);
    }

    @Override
    public void start(MelConfig config, double sampleRate) {
        close();
        annotator = new GenreAnnotator(model, parameters.annotation(), sampleRate, backboneTap, this::estimate);
    }

    @Override
    public void frame(long index, float[] melDb, FeatureSet out, int firstOutput) {
        this.out = out;
        this.firstOutput = firstOutput;
        annotator.frame(index, melDb);
    }

    @Override
    public void finish(FeatureSet out, int firstOutput, double durationSeconds) {
        this.out = out;
        this.firstOutput = firstOutput;
        TrackAnnotation result = annotator.finish(durationSeconds);
        if (result == null) {
            return;   // no audio: no genre
        }
        for (GenreRegion r : result.regions()) {
            out.add(firstOutput + SEGMENTS_OUT, new Feature(RealTime.fromSeconds(r.startSeconds()),
                    RealTime.fromSeconds(r.durationSeconds()), new float[] {r.genreIndex()}, r.label()));
        }
        out.add(firstOutput + TRACK_OUT, new Feature(RealTime.ZERO, RealTime.fromSeconds(result.durationSeconds()),
                new float[] {result.trackIndex()}, result.trackLabel()));
    }

    @Override
    public void reset() {
        if (annotator != null) {
            annotator.reset();
        }
    }

    @Override
    public void close() {
        if (annotator != null) {
            annotator.close();
        }
    }

    private void estimate(double startSeconds, float[] probabilities) {
        RealTime at = RealTime.fromSeconds(startSeconds);
        out.add(firstOutput + PROBABILITIES_OUT, Feature.at(at, probabilities.clone()));
        out.add(firstOutput + CONFIDENCE_OUT, Feature.at(at, Probabilities.confidence(probabilities)));
    }
}
