package org.genrevamp.vamp;

import java.util.List;
import org.genrevamp.annotate.GenreRegion;
import org.genrevamp.annotate.GenreSegmenter;
import org.genrevamp.annotate.ProbabilityTrack;
import org.genrevamp.annotate.Probabilities;
import org.genrevamp.annotate.SegmenterParams;
import org.genrevamp.annotate.TrackSummary;
import org.genrevamp.annotate.WindowAccumulator;
import org.genrevamp.annotate.WindowAverager;
import org.genrevamp.annotate.WindowPlan;
import org.genrevamp.annotate.WindowSpan;
import org.genrevamp.dsp.MelConfig;
import org.genrevamp.model.BackboneStream;
import org.genrevamp.model.GenreModel;
import org.genrevamp.model.TransferModel;
import org.genrevamp.model.TransferStream;

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
 * Windows are predicted in batches of {@link #BATCH} as they complete (inside {@code process}), so a
 * host call never waits for more than one batch, and memory holds one window of frames plus one
 * probability vector per estimate.
 */
final class GenreOutputs implements FrameOutput {

    static final String SEGMENTS = "segments";
    static final String PROBABILITIES = "probabilities";
    static final String CONFIDENCE = "confidence";
    static final String TRACK = "track";
    /** Output numbers relative to this object's first output. */
    static final int SEGMENTS_OUT = 0, PROBABILITIES_OUT = 1, CONFIDENCE_OUT = 2, TRACK_OUT = 3;
    /** Windows per forward pass: 16 windows of the CNN take ~0.1 s on one core, far below the host's 10 s. */
    static final int BATCH = WindowAccumulator.DEFAULT_BATCH_SIZE;

    private final List<String> labels;
    private final double hopSecondsForDescriptor;
    private final GenreParameters parameters;
    private GenreModel model;
    private WindowPlan plan;
    private WindowAccumulator accumulator;
    private TransferStream transfer;   // instead of the accumulator for a streaming transfer model
    private BackboneStream.Sink backboneTap;   // sees the transfer stream's backbone outputs, or null
    private WindowAverager averager;
    private ProbabilityTrack track;
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
        this.hopSecondsForDescriptor = plan(Integer.MAX_VALUE, melConfig, sampleRate, parameters.hopSeconds()).hopSeconds();
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

    /** Receives one backbone's output per window of the transfer stream. */
    @FunctionalInterface
    interface BackboneSink {
        /**
         * @param firstFrame where the backbone's part of the window starts
         * @param realFrames frames of real audio in the whole window
         * @param joined     the backbone's {@link org.genrevamp.model.Backbones#joined} output
         */
        void window(long firstFrame, int realFrames, float[] joined);
    }

    /**
     * Hands {@code sink} the output of the bound model's backbone {@code name} for every window, when the
     * model streams and has that backbone (after {@link #bind}, before {@link #start}).
     *
     * @return whether it will: false when the model does not run that network in a stream
     */
    boolean shareBackbone(String name, BackboneSink sink) {
        backboneTap = null;
        if (model instanceof TransferModel t && t.streams() && t.backbones().indexOf(name) >= 0) {
            int i = t.backbones().indexOf(name);
            backboneTap = w -> sink.window(w.partFirstFrames()[i], w.realFrames(), w.outputs().get(i));
        }
        return backboneTap != null;
    }

    /**
     * Checks the window and hop parameters against the model.
     *
     * @return a reason to refuse them, or null when they are fine
     */
    static String checkTiming(GenreParameters p, double modelWindowSeconds) {
        if (p.hopSeconds() > modelWindowSeconds + 1e-6) {
            return "hop " + p.hopSeconds() + " s is longer than the model's " + round2(modelWindowSeconds)
                    + " s window (windows would leave gaps)";
        }
        if (p.windowSeconds() > 0 && p.windowSeconds() < modelWindowSeconds - 1e-6) {
            return "window " + p.windowSeconds() + " s is shorter than the model's " + round2(modelWindowSeconds)
                    + " s window (use 0 for the model's own, or longer to average model windows)";
        }
        return null;
    }

    @Override
    public void start(MelConfig config, double sampleRate) {
        transfer = null;
        accumulator = null;
        if (model instanceof TransferModel t && t.streams()) {
            // windows of the streamed length, hops of whole CRNN steps no longer than a window
            int window = t.streamWindowFrames();
            int maxHop = window / TransferStream.STRIDE_FRAMES * TransferStream.STRIDE_FRAMES;
            plan = plan(window, config, sampleRate, Math.min(parameters.hopSeconds(), maxHop * config.hopSecondsAt(sampleRate)));
            transfer = t.openStream(plan.hopFrames() / TransferStream.STRIDE_FRAMES, this::streamed, backboneTap);
        } else {
            plan = plan(model.windowFrames(), config, sampleRate, parameters.hopSeconds());
            accumulator = new WindowAccumulator(plan, config.melBands(), BATCH, this::predict);
        }
        double window = parameters.windowSeconds() > 0 ? parameters.windowSeconds() : plan.windowSeconds();
        int k = WindowAverager.windowsPerEstimate(window, plan.windowSeconds(), plan.hopSeconds());
        averager = new WindowAverager(k, labels.size(), this::estimate);
        track = new ProbabilityTrack(labels.size());
    }

    @Override
    public void frame(long index, float[] melDb, FeatureSet out, int firstOutput) {
        this.out = out;
        this.firstOutput = firstOutput;
        if (transfer != null) {
            transfer.accept(melDb);
        } else {
            accumulator.accept(index, melDb);
        }
    }

    @Override
    public void finish(FeatureSet out, int firstOutput, double durationSeconds) {
        this.out = out;
        this.firstOutput = firstOutput;
        if (transfer != null) {
            transfer.finish();
        } else {
            accumulator.finish();
        }
        averager.finish();
        if (track.size() == 0 || durationSeconds <= 0) {
            return;   // no audio: no genre
        }
        double[] centres = track.centres();
        // padding trimmed from the end never cuts into analysed windows: end at or after the last centre
        durationSeconds = Math.max(durationSeconds, centres[centres.length - 1]);
        SegmenterParams params = parameters.segmenter();
        for (GenreRegion r : new GenreSegmenter(labels, params).segment(track, durationSeconds)) {
            out.add(firstOutput + SEGMENTS_OUT, new Feature(RealTime.fromSeconds(r.startSeconds()),
                    RealTime.fromSeconds(r.durationSeconds()), new float[] {r.genreIndex()}, r.label()));
        }
        TrackSummary summary = TrackSummary.of(track, durationSeconds, labels);
        boolean unknown = summary.topProbability() < params.unknownThreshold();
        out.add(firstOutput + TRACK_OUT, new Feature(RealTime.ZERO, RealTime.fromSeconds(durationSeconds),
                new float[] {unknown ? GenreSegmenter.UNKNOWN_INDEX : summary.topIndex()},
                unknown ? GenreSegmenter.UNKNOWN_LABEL + " | " + summary.label() : summary.label()));
    }

    @Override
    public void reset() {
        if (averager != null) {
            if (transfer != null) {
                transfer.reset();
            } else {
                accumulator.reset();
            }
            averager.reset();
            track.clear();
        }
    }

    /**
     * Windows of {@code windowFrames} frames at the parameter's hop, rounded to whole frames and, for
     * the taggers' front end, to whole conv steps of the streamed CRNN (96 frames, 1.536 s).
     */
    static WindowPlan plan(int windowFrames, MelConfig config, double sampleRate, double hopSeconds) {
        int quantum = TransferModel.hopQuantumFrames(config);
        double frameHop = config.hopSecondsAt(sampleRate);
        long hop = Math.max(1, Math.round(hopSeconds / frameHop / quantum)) * quantum;
        return WindowPlan.forMel(config, sampleRate, windowFrames, Math.min(hop, windowFrames) * frameHop);
    }

    private void streamed(int index, long firstFrame, int realFrames, float[] probabilities) {
        averager.add(new WindowSpan(index, firstFrame, realFrames,
                plan.frameCentreSeconds(firstFrame + (realFrames - 1) / 2.0)), probabilities);
    }

    private void predict(float[][][] windows, WindowSpan[] spans) {
        float[][] p = model.predict(windows);
        for (int i = 0; i < spans.length; i++) {
            averager.add(spans[i], p[i]);
        }
    }

    private void estimate(int index, WindowSpan first, double centreSeconds, float[] probabilities) {
        track.add(centreSeconds, probabilities);
        RealTime at = RealTime.fromSeconds(first.firstFrame() * plan.frameHopSeconds());
        out.add(firstOutput + PROBABILITIES_OUT, Feature.at(at, probabilities.clone()));
        out.add(firstOutput + CONFIDENCE_OUT, Feature.at(at, Probabilities.confidence(probabilities)));
    }

    private static String round2(double v) {
        return Double.toString(Math.round(v * 100) / 100.0);
    }
}
