package org.genrevamp.annotate;

import java.util.List;
import org.genrevamp.model.transfer.BackboneStream;
import org.genrevamp.model.transfer.TransferModel;
import org.genrevamp.model.transfer.TransferStream;

/**
 * Segment, then label, for a streaming transfer model: <b>where</b> the genre changes comes from short
 * context ({@link FooteNovelty} on {@link MelBlockStats} of 0.77 s), <b>what</b> each segment is from its
 * own audio ({@link SegmentLabeller}: the head on the pooled features of the streamed windows inside
 * it, or on the trunk steps the stream kept inside it), then {@link SegmentMerger} joins neighbours of
 * one genre. The track genre is the head on the features pooled over the whole file.
 *
 * <p>Per file it keeps one 192-float block statistic per 0.77 s and one head-feature vector per streamed
 * window (about 8 MB per hour of audio with the default model), beside what the stream keeps for short
 * stretches ({@link org.genrevamp.model.transfer.BackboneStream#keepSpans()}, about 14 MB per hour). Not
 * thread-safe.
 */
public final class SegmentedTrack {

    /** The backbones' outputs over a stretch of the finished stream; null when it kept none. */
    @FunctionalInterface
    public interface SpanSource {
        List<float[]> outputs(long from, long to);
    }

    /** Which short-context features the change detector reads. */
    public enum ChangeFeatures {
        /** Each mel band's mean and deviation per {@value #BLOCK_FRAMES}-frame block (0.77 s). */
        MEL_BLOCKS,
        /** The streamed windows' head features (29 s of context each), one per hop: the rejected alternative. */
        WINDOW_FEATURES
    }

    /**
     * How changes are found.
     *
     * @param features             the detector's features
     * @param kernelSeconds        span of the checkerboard kernel (half before, half after a change)
     * @param medianSeconds        span of the running median the peak threshold follows
     * @param featureMedianSeconds median filter of the features before the self-similarity
     */
    public record Detection(ChangeFeatures features, double kernelSeconds, double medianSeconds,
                            double featureMedianSeconds) {

        /**
         * Chosen with the detector alone on the shared-song and ballroom mixes (MedleyBenchmark's
         * {@code detector} mode, 6 mixes per set): an 18 s kernel found 0.94 / 0.78 / 0.89 / 0.78 of the
         * changes within 3 s (songs cut, songs crossfaded, ballroom cut, ballroom crossfaded) and 0.61 /
         * 0.17 / 0.56 / 0.28 within 0.5 s, with 2.2-2.7 candidates a minute; 12 s 0.94 / 0.83 / 0.83 / 0.78
         * but fewer within 0.5 s; 8 s missed half the crossfades; a 3 s feature median lost the ±0.5 s
         * hits; the running median's span (12, 24, 48 s) and the sensitivity (0, 0.5, 0.9) moved recall by
         * at most 0.06.
         */
        public static Detection defaults() {
            return new Detection(ChangeFeatures.MEL_BLOCKS, 18, 24, 0);
        }
    }

    /** Frames per block of the mel statistics: half a CRNN step, 0.77 s. */
    static final int BLOCK_FRAMES = 48;

    private final TransferModel model;
    private final double frameSeconds;
    private final int streamWindowFrames;
    private long frameCount;
    private final MelBlockStats blocks;
    private final SegmentLabeller labeller;

    /**
     * @param frameSeconds seconds per frame at the input's rate
     * @param streamWindowFrames frames of a streamed window
     * @param spans the backbones' outputs over a stretch of the finished stream ({@link TransferStream#spanOutputs})
     */
    public SegmentedTrack(TransferModel model, double frameSeconds, int streamWindowFrames, SpanSource spans) {
        this.model = model;
        this.frameSeconds = frameSeconds;
        this.streamWindowFrames = streamWindowFrames;
        int bands = model.melConfig().melBands();
        this.blocks = new MelBlockStats(BLOCK_FRAMES, bands);
        this.labeller = new SegmentLabeller(model, spans, () -> frameCount);
    }

    /** One log-mel frame (not kept). */
    public void frame(float[] melDb) {
        frameCount++;
        blocks.add(melDb);
    }

    /** One streamed window's backbone outputs. */
    public void window(BackboneStream.Window w) {
        float[] features = model.backbones().features(w.outputs());
        labeller.window(w.firstFrame(), w.realFrames(), features);
    }

    /**
     * The regions and track genre of the signal so far.
     *
     * @return null when there was no audio
     */
    public TrackAnnotation annotate(double durationSeconds, SegmenterParams params, Detection detection) {
        if (frameCount == 0 || labeller.windowCount() == 0 || durationSeconds <= 0) {
            return null;
        }
        long endFrame = Math.min(frameCount, Math.max(1, (long) Math.ceil(durationSeconds / frameSeconds)));
        int[] cuts = changes(detection, params.sensitivity(), endFrame);
        List<GenreRegion> regions = new SegmentMerger(labeller, model.labels())
                .regions(cuts, endFrame, frameSeconds, durationSeconds, params);
        TrackSummary summary = TrackSummary.ofWhole(labeller.label(0, endFrame).probabilities(), model.labels());
        return new TrackAnnotation(durationSeconds, regions, summary, summary.topProbability() < params.unknownThreshold());
    }

    /** Candidate change frames. */
    int[] changes(Detection d, double sensitivity, long endFrame) {
        boolean mel = d.features() == ChangeFeatures.MEL_BLOCKS;
        float[][] x = mel ? blocks.blocks() : labeller.windowFeatures();
        double step = (mel ? BLOCK_FRAMES : hopFrames()) * frameSeconds;
        if (x.length < 3) {
            return new int[0];
        }
        int kernel = Math.max(2, 2 * (int) Math.round(d.kernelSeconds() / step / 2));
        FooteNovelty.Params p = new FooteNovelty.Params(kernel, Math.max(1, (int) Math.round(d.medianSeconds() / step)),
                Math.max(1, (int) Math.round(d.featureMedianSeconds() / step)), sensitivity);
        int[] steps = FooteNovelty.changes(x, p);
        int[] cuts = new int[steps.length];
        for (int i = 0; i < steps.length; i++) {
            // a mel block's change lies at its first frame; a window's at its centre
            long frame = mel ? (long) steps[i] * BLOCK_FRAMES : labeller.windowStart(steps[i]) + streamWindowFrames / 2;
            cuts[i] = (int) Math.min(frame, endFrame);
        }
        return cuts;
    }

    /** The change detector's candidates in seconds, before labelling and merging (benchmarks). */
    public double[] candidateSeconds(Detection d, double sensitivity, double durationSeconds) {
        long endFrame = Math.min(frameCount, Math.max(1, (long) Math.ceil(durationSeconds / frameSeconds)));
        return java.util.Arrays.stream(changes(d, sensitivity, endFrame)).mapToDouble(f -> f * frameSeconds).toArray();
    }

    private long hopFrames() {
        return labeller.windowCount() > 1 ? labeller.windowStart(1) - labeller.windowStart(0) : streamWindowFrames;
    }

    /** Frames {@code [from, to)} labelled from their own audio (tests). */
    SegmentLabeller.Span label(long from, long to) {
        return labeller.label(from, to);
    }

    /** Forgets the signal. */
    public void clear() {
        frameCount = 0;
        blocks.clear();
        labeller.clear();
    }
}
