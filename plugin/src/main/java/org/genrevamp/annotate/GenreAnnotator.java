package org.genrevamp.annotate;

import java.util.List;
import org.genrevamp.dsp.MelConfig;
import org.genrevamp.model.transfer.BackboneStream;
import org.genrevamp.model.bundle.GenreModel;
import org.genrevamp.model.transfer.TransferModel;
import org.genrevamp.model.transfer.TransferStream;

/**
 * The genre engine for one signal at a time: log-mel frames in, estimates as they complete, genre
 * regions and the track genre at the end. The plugin ({@code vamp.GenreOutputs}) and the trainer's
 * batch job both annotate through this class, so their results cannot drift apart.
 *
 * <ol>
 *   <li>Construct with the loaded model and the settings (checked with {@link #checkTiming} first).</li>
 *   <li>{@link #frame} for every MelStream frame of the model's {@link MelConfig}; estimates go to the
 *       {@link EstimateSink} as their windows complete (predicted in batches of {@link #BATCH}, or
 *       streamed for transfer models).</li>
 *   <li>{@link #finish} with the input's duration: regions and track genre.</li>
 *   <li>{@link #reset} to start another signal with the same model.</li>
 * </ol>
 * Memory holds one window of frames plus one probability vector per estimate.
 */
public final class GenreAnnotator {

    /** Windows per forward pass: 16 windows of the CNN take ~0.1 s on one core, far below a host's 10 s. */
    public static final int BATCH = WindowAccumulator.DEFAULT_BATCH_SIZE;

    /** Receives each estimate as it completes. */
    @FunctionalInterface
    public interface EstimateSink {
        /**
         * @param startSeconds  start of the estimate's first window (window {@code k} starts at {@code k * hop})
         * @param probabilities one per genre, summing to 1; reused after return
         */
        void estimate(double startSeconds, float[] probabilities);
    }

    private final GenreModel model;
    private final AnnotationSettings settings;
    private final EstimateSink sink;
    private final WindowPlan plan;
    private final WindowAccumulator accumulator;
    private final TransferStream transfer;   // instead of the accumulator for a streaming transfer model
    private final WindowAverager averager;
    private final ProbabilityTrack track;
    private final SegmentedTrack segmented;  // segment, then label: streaming transfer models only
    private double endSeconds;  // where the last finished signal's regions end

    /**
     * @param model       the loaded model; frames must follow its {@link GenreModel#melConfig()} at {@code sampleRate}
     * @param settings    hop, window and segmenter ({@link #checkTiming} them against the model first)
     * @param sampleRate  the input's rate: frames and hops are whole numbers of its samples
     * @param backboneTap sees a streaming transfer model's backbone outputs per window, or null
     * @param sink        receives the estimates (may ignore them)
     */
    public GenreAnnotator(GenreModel model, AnnotationSettings settings, double sampleRate, BackboneStream.Sink backboneTap,
                          EstimateSink sink) {
        this.model = model;
        this.settings = settings;
        this.sink = sink;
        MelConfig config = model.melConfig();
        if (model instanceof TransferModel t && t.streams()) {
            // windows of the streamed length, hops of whole CRNN steps no longer than a window
            int window = t.streamWindowFrames();
            int maxHop = window / TransferStream.STRIDE_FRAMES * TransferStream.STRIDE_FRAMES;
            plan = plan(window, config, sampleRate, Math.min(settings.hopSeconds(), maxHop * config.hopSecondsAt(sampleRate)));
            segmented = new SegmentedTrack(t, plan.frameHopSeconds(), window, this::spanOutputs);
            BackboneStream.Sink outputs = backboneTap == null ? segmented::window : w -> {
                backboneTap.window(w);
                segmented.window(w);
            };
            transfer = t.openStream(plan.hopFrames() / TransferStream.STRIDE_FRAMES, this::streamed, outputs);
            transfer.keepSpans();
            accumulator = null;
        } else {
            plan = plan(model.windowFrames(), config, sampleRate, settings.hopSeconds());
            accumulator = new WindowAccumulator(plan, config.melBands(), BATCH, this::predict);
            transfer = null;
            segmented = null;
        }
        double window = settings.windowSeconds() > 0 ? settings.windowSeconds() : plan.windowSeconds();
        int k = WindowAverager.windowsPerEstimate(window, plan.windowSeconds(), plan.hopSeconds());
        averager = new WindowAverager(k, model.labels().size(), this::estimate);
        track = new ProbabilityTrack(model.labels().size());
    }

    /** The stream's backbone outputs over frames {@code [from, to)}, for the segment labeller. */
    private List<float[]> spanOutputs(long from, long to) {
        return transfer.spanOutputs(from, to);
    }

    /**
     * Checks the window and hop settings against the model.
     *
     * @return a reason to refuse them, or null when they are fine
     */
    public static String checkTiming(AnnotationSettings s, double modelWindowSeconds) {
        if (s.hopSeconds() > modelWindowSeconds + 1e-6) {
            return "hop " + s.hopSeconds() + " s is longer than the model's " + round2(modelWindowSeconds)
                    + " s window (windows would leave gaps)";
        }
        if (s.windowSeconds() > 0 && s.windowSeconds() < modelWindowSeconds - 1e-6) {
            return "window " + s.windowSeconds() + " s is shorter than the model's " + round2(modelWindowSeconds)
                    + " s window (use 0 for the model's own, or longer to average model windows)";
        }
        return null;
    }

    /**
     * Seconds between estimates for windows of {@code windowFrames} frames at {@code hopSeconds}, as
     * this class rounds them at {@code sampleRate} (for descriptors, before a model is loaded).
     */
    public static double roundedHopSeconds(int windowFrames, MelConfig config, double sampleRate, double hopSeconds) {
        return plan(windowFrames, config, sampleRate, hopSeconds).hopSeconds();
    }

    /** Takes frame {@code index} (centred on {@code index} whole-sample hops of the model's config); reused after return. */
    public void frame(long index, float[] melDb) {
        if (transfer != null) {
            segmented.frame(melDb);
            transfer.accept(melDb);
        } else {
            accumulator.accept(index, melDb);
        }
    }

    /**
     * The input has ended after {@code durationSeconds}: predicts the last windows and segments.
     *
     * @return the regions and track genre, or null when there was no audio (no frames or no duration)
     */
    public TrackAnnotation finish(double durationSeconds) {
        if (transfer != null) {
            transfer.finish();
        } else {
            accumulator.finish();
        }
        averager.finish();
        if (track.size() == 0 || durationSeconds <= 0) {
            return null;
        }
        double[] centres = track.centres();
        // padding trimmed from the end never cuts into analysed windows: end at or after the last centre
        double end = Math.max(durationSeconds, centres[centres.length - 1]);
        SegmenterParams params = settings.segmenter();
        this.endSeconds = end;
        if (segmented != null) {
            // transfer models: segment, then label; the window path stays for the scratch models
            return segmented.annotate(end, params, SegmentedTrack.Detection.defaults());
        }
        return windowPath(params, end);
    }

    /** Regions from the window probabilities (Viterbi or argmax, then minimum segment) and their mean. */
    private TrackAnnotation windowPath(SegmenterParams params, double end) {
        TrackSummary summary = TrackSummary.of(track, end, model.labels());
        return new TrackAnnotation(end, new GenreSegmenter(model.labels(), params).segment(track, end), summary,
                summary.topProbability() < params.unknownThreshold());
    }

    /**
     * The regions and track genre again, after {@link #finish}, with other segmenter settings and change
     * detection (benchmarks choose defaults with it without running the networks again). A null
     * detection gives the window path (regions from each window's probabilities, what the transfer
     * models did before they segmented, then labelled). Null for models that do not segment, then label
     * (scratch models, non-streaming transfer models) unless the detection is null, or when there was no audio.
     */
    public TrackAnnotation again(SegmenterParams params, SegmentedTrack.Detection detection) {
        if (endSeconds <= 0) {
            return null;
        }
        if (detection == null) {
            return windowPath(params, endSeconds);
        }
        return segmented == null ? null : segmented.annotate(endSeconds, params, detection);
    }

    /** The change detector's candidates in seconds, before labelling and merging (benchmarks); empty when none. */
    public double[] candidateChanges(double sensitivity, SegmentedTrack.Detection detection) {
        return segmented == null || endSeconds <= 0 ? new double[0]
                : segmented.candidateSeconds(detection, sensitivity, endSeconds);
    }

    /** Forgets the signal, ready for another one. */
    public void reset() {
        if (transfer != null) {
            transfer.reset();
        } else {
            accumulator.reset();
        }
        averager.reset();
        track.clear();
        if (segmented != null) {
            segmented.clear();
        }
        endSeconds = 0;
    }

    /** Ends the work in flight for the current signal (a host unloading the plugin mid-run); {@link #reset} starts again. */
    public void close() {
        if (transfer != null) {
            transfer.close();
        }
    }

    /**
     * Windows of {@code windowFrames} frames at the parameter's hop, rounded to whole frames and, for
     * the taggers' front end, to whole conv steps of the streamed CRNN (96 frames, 1.536 s); a frame's
     * hop is a whole number of samples at {@code sampleRate} ({@link MelConfig#hopSecondsAt}).
     */
    public static WindowPlan plan(int windowFrames, MelConfig config, double sampleRate, double hopSeconds) {
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
        sink.estimate(first.firstFrame() * plan.frameHopSeconds(), probabilities);
    }

    private static String round2(double v) {
        return Double.toString(Math.round(v * 100) / 100.0);
    }
}
