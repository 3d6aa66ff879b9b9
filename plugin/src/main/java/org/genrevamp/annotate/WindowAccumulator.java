package org.genrevamp.annotate;

import java.util.Arrays;

/**
 * Streams spectrogram frames in, hands complete network input windows out in batches, keeping only
 * the last {@code windowFrames} frames (a ring buffer), never the whole file: a 60-minute file costs
 * the same memory as a 3-second one.
 *
 * <p>Windows follow {@link WindowPlan#spans(long)} exactly: regular windows as soon as their last
 * frame arrives, then on {@link #finish()} the end-aligned tail window or the single cyclically
 * padded window of a short file, then the last (partial) batch. Frames may arrive in any chunking;
 * the windows depend only on the frame sequence.
 *
 * <p>{@link #accept(long, float[])} has the shape of {@code org.genrevamp.dsp.FrameSink}, so
 * {@code accumulator::accept} can be passed to {@code MelStream.push}. Not thread-safe.
 */
public final class WindowAccumulator {

    /** Suggested windows per inference batch. */
    public static final int DEFAULT_BATCH_SIZE = 16;

    /** Receives a batch of windows. */
    @FunctionalInterface
    public interface BatchSink {
        /**
         * @param windows {@code [n][windowFrames][melBands]} spectrogram values as received (dB), 1 <= n <= batch size;
         *                the arrays are reused after return: copy what you keep
         * @param spans   the n windows' positions, same order
         */
        void accept(float[][][] windows, WindowSpan[] spans);
    }

    private final WindowPlan plan;
    private final int melBands;
    private final BatchSink sink;
    private final float[][] ring;          // frame j lives in ring[j % windowFrames]
    private final float[][][] batch;
    private final WindowSpan[] batchSpans;
    private int batchCount;
    private long framesSeen;
    private int regularEmitted;
    private boolean finished;

    /**
     * @param plan      window layout
     * @param melBands  values per frame, >= 1
     * @param batchSize windows per batch handed to {@code sink}, >= 1
     * @param sink      receives the batches
     * @throws IllegalArgumentException on bad sizes or null arguments
     */
    public WindowAccumulator(WindowPlan plan, int melBands, int batchSize, BatchSink sink) {
        if (plan == null || sink == null) {
            throw new IllegalArgumentException("WindowAccumulator: plan and sink must not be null");
        }
        if (melBands < 1 || batchSize < 1) {
            throw new IllegalArgumentException("WindowAccumulator: melBands and batchSize must be >= 1, got "
                    + melBands + " and " + batchSize);
        }
        this.plan = plan;
        this.melBands = melBands;
        this.sink = sink;
        this.ring = new float[plan.windowFrames()][melBands];
        this.batch = new float[batchSize][plan.windowFrames()][melBands];
        this.batchSpans = new WindowSpan[batchSize];
    }

    /**
     * Takes one frame (copied: the caller may reuse {@code melDb}); emits a batch when it fills up.
     *
     * @param frameIndex must equal the number of frames received since construction or {@link #reset()}
     * @param melDb      {@code melBands} finite values
     * @throws IllegalStateException    when frames are skipped/repeated or after {@link #finish()}
     * @throws IllegalArgumentException on a wrong length or a non-finite value
     */
    public void accept(long frameIndex, float[] melDb) {
        if (finished) {
            throw new IllegalStateException("WindowAccumulator.accept: called after finish() without reset()");
        }
        if (frameIndex != framesSeen) {
            throw new IllegalStateException("WindowAccumulator.accept: expected frame " + framesSeen + ", got " + frameIndex);
        }
        if (melDb == null || melDb.length != melBands) {
            throw new IllegalArgumentException("WindowAccumulator.accept: frame " + frameIndex + " needs " + melBands
                    + " values, got " + (melDb == null ? "null" : melDb.length));
        }
        for (int b = 0; b < melBands; b++) {
            if (!Float.isFinite(melDb[b])) {
                throw new IllegalArgumentException("WindowAccumulator.accept: frame " + frameIndex + " band " + b
                        + " is " + melDb[b]);
            }
        }
        int w = plan.windowFrames();
        System.arraycopy(melDb, 0, ring[(int) (framesSeen % w)], 0, melBands);
        framesSeen++;
        long first = framesSeen - w;
        if (first >= 0 && first % plan.hopFrames() == 0) {
            emit(plan.regular(regularEmitted++));
        }
    }

    /**
     * End of the file: emits the tail or padded window (see {@link WindowPlan#spans(long)}) and the
     * last partial batch. Further {@link #accept} calls need {@link #reset()} first.
     */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        int w = plan.windowFrames();
        if (framesSeen > 0 && framesSeen < w) {
            emit(plan.padded(0, (int) framesSeen));
        } else if (regularEmitted > 0 && plan.firstFrame(regularEmitted - 1) + w < framesSeen) {
            emit(plan.endAligned(regularEmitted, framesSeen));
        }
        flush();
    }

    /** Forgets everything (pending windows are dropped, not emitted) to start a new file. */
    public void reset() {
        framesSeen = 0;
        regularEmitted = 0;
        batchCount = 0;
        finished = false;
        Arrays.fill(batchSpans, null);
    }

    /** Frames received since construction or {@link #reset()}. */
    public long framesSeen() {
        return framesSeen;
    }

    /** Frames held for pending windows: at most {@code windowFrames}, whatever the file length. */
    public int retainedFrames() {
        return (int) Math.min(framesSeen, plan.windowFrames());
    }

    private void emit(WindowSpan span) {
        int w = plan.windowFrames();
        float[][] target = batch[batchCount];
        for (int i = 0; i < w; i++) {
            // the padded window of a short file repeats its realFrames frames cyclically
            long frame = span.firstFrame() + (i % span.realFrames());
            System.arraycopy(ring[(int) (frame % w)], 0, target[i], 0, melBands);
        }
        batchSpans[batchCount++] = span;
        if (batchCount == batch.length) {
            flush();
        }
    }

    private void flush() {
        if (batchCount == 0) {
            return;
        }
        int n = batchCount;
        batchCount = 0;
        if (n == batch.length) {
            sink.accept(batch, batchSpans.clone());
        } else {
            sink.accept(Arrays.copyOf(batch, n), Arrays.copyOf(batchSpans, n));
        }
    }
}
