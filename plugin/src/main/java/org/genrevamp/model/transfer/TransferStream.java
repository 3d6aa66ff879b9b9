package org.genrevamp.model.transfer;

import java.util.List;

/**
 * Genre probabilities over a stream of log-mel frames for a transfer model whose backbones are crnn
 * and/or fcn networks: the backbones' outputs per window from a {@link BackboneStream} (windows, their
 * timing and the end of the stream are described there), joined into the head's features
 * ({@link Backbones#features(List)}), then the genre head. Not thread-safe; {@link #reset()} starts a new
 * stream, {@link #close()} ends its work (the networks run on the engine's pool: see {@link BackboneStream}).
 */
public final class TransferStream {

    /** Frames between possible window starts: the CRNN's time stride. */
    public static final int STRIDE_FRAMES = BackboneStream.STRIDE_FRAMES;

    /** Receives each window's probabilities. */
    @FunctionalInterface
    public interface Sink {
        /**
         * @param index      0, 1, 2, … in emission order
         * @param firstFrame the window's first frame (k·H for regular window k)
         * @param realFrames frames of real audio in it ({@link #windowFrames()}, or fewer for the one
         *                   looped window of a stream shorter than a window)
         * @param probabilities one per label
         */
        void window(int index, long firstFrame, int realFrames, float[] probabilities);
    }

    /** Sees each window's head features (the backbones' joined outputs) before the head: for tests. */
    @FunctionalInterface
    interface FeatureTap {
        void features(int index, float[] features);
    }

    private final BackboneStream stream;
    private FeatureTap tap = (index, features) -> { };

    /**
     * @param hopSteps windows start every hopSteps · {@value #STRIDE_FRAMES} frames, >= 1
     * @param outputs  sees each window's backbone outputs before the head (the plugin's tag outputs read
     *                 a backbone's tags there instead of running the tagger twice); may be null
     * @throws IllegalArgumentException when a backbone does not stream
     */
    TransferStream(TransferModel model, int hopSteps, Sink sink, BackboneStream.Sink outputs) {
        if (model == null || sink == null) {
            throw new IllegalArgumentException("TransferStream: need a model and a sink");
        }
        this.stream = new BackboneStream(model.backbones(), hopSteps, w -> {
            if (outputs != null) {
                outputs.window(w);
            }
            float[] features = model.backbones().features(w.outputs());
            tap.features(w.index(), features);
            sink.window(w.index(), w.firstFrame(), w.realFrames(), model.predictFeatures(features));
        });
    }

    /** Frames of a streamed window of these backbones ({@link BackboneStream#windowFrames(Backbones)}). */
    static int windowFrames(Backbones backbones) {
        return BackboneStream.windowFrames(backbones);
    }

    /** Frames a streamed window covers (see {@link BackboneStream#windowFrames(Backbones)}). */
    public int windowFrames() {
        return stream.windowFrames();
    }

    /** Sets the {@link FeatureTap} (tests). */
    void tap(FeatureTap featureTap) {
        this.tap = featureTap;
    }

    /** Trunk steps the parts hold now (tests of the memory bound). */
    int heldSteps() {
        return stream.heldSteps();
    }

    /** Keeps what {@link #spanOutputs} needs (see {@link BackboneStream#keepSpans()}); before the first frame. */
    public void keepSpans() {
        stream.keepSpans();
    }

    /** The backbones' outputs over frames {@code [from, to)} of the finished stream (see {@link BackboneStream#spanOutputs}). */
    public List<float[]> spanOutputs(long from, long to) {
        return stream.spanOutputs(from, to);
    }

    /** Takes one frame of {@link org.genrevamp.dsp.MelConfig#torchaudioTagger()} log-mel (copied). */
    public void accept(float[] melDb) {
        stream.accept(melDb);
    }

    /** End of the stream (see {@link BackboneStream#finish()}). */
    public void finish() {
        stream.finish();
    }

    /** Forgets the stream so far. */
    public void reset() {
        stream.reset();
    }

    /** Ends the stream's work in flight, delivering nothing more (see {@link BackboneStream#close()}). */
    public void close() {
        stream.close();
    }
}
