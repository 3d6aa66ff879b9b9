package org.genrevamp.model.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.genrevamp.model.runtime.EnginePool;
import org.genrevamp.model.tagger.ConvStream;
import org.genrevamp.model.tagger.CrnnStream;
import org.genrevamp.model.tagger.CrnnTagger;
import org.genrevamp.model.tagger.FcnTagger;
import org.genrevamp.model.tagger.MusicnnTagger;
import org.genrevamp.model.tagger.TaggerNetwork;
import org.genrevamp.model.tagger.TaggerOutput;

/**
 * One backbone's share of a {@link TransferStream}: the network's convolutional trunk run once over the
 * stream ({@link ConvStream}), the trunk steps that windows still to come may read, and the network's
 * head over the {@code windowSteps} steps of one window.
 * <ul>
 *   <li>crnn: trunk = the conv stack (stride 96, halo 96), head = GRU + dense over 18 steps;</li>
 *   <li>fcn: trunk = blocks 1–3 (stride 64, halo 64), head = blocks 4–5 + dense over 28 steps
 *       ({@link FcnTail}, which shares block 4's convolution between overlapping windows);</li>
 *   <li>musicnn: trunk = the front end (stride 1 frame, halo 64), head = the back end on 17 tiles of 3 s
 *       every 96 frames, averaged ({@link MusicnnTail}, {@link MusicnnTiles}).</li>
 * </ul>
 * <b>Memory.</b> Steps are dropped once no later window can read them ({@link #release}); kept are
 * those of the pending windows and the last {@code windowSteps} (for the stream's end-aligned tail
 * window).
 *
 * <p><b>Threads.</b> The caller's thread (the host's) feeds frames and decides which windows exist from
 * the steps promised so far ({@link #stepCount()}); the work runs on an {@link Executor}: each chunk's
 * trunk as a task of its own (chunks are independent), and the part's state (its held steps, the head's
 * caches) only in its <i>lane</i>, a chain of tasks run one after another in submission order. So every
 * step and every window output is computed exactly as on one thread, whichever threads run them. With
 * the direct executor ({@code Runnable::run}) all of it runs in the call, the sequential path.
 */
final class StreamPart {

    /** CRNN conv steps per chunk: {@link CrnnStream}'s measured default, 576 frames with the halos. */
    static final int CRNN_CHUNK_STEPS = CrnnStream.DEFAULT_CHUNK_STEPS;
    /**
     * FCN trunk steps per chunk: 7 · 64 + 2 · 64 = 576 frames with the halos, the CRNN chunk's span, so
     * both networks' largest arrays (64 channels × 96 bands × 576 frames after the first convolution) have
     * one size and the allocator reuses them. Measured with StreamSpeed on a loaded machine: 8 steps
     * (640 frames) 30 s thread CPU for 580 s of crnn + fcn (8.6 s of it system time), 7 steps 17.7 s
     * (before {@link FcnTail}); equal on an idle machine.
     */
    static final int FCN_CHUNK_STEPS = 7;
    /**
     * Musicnn front-end frames per chunk: the halos (2 · 64 frames) add 12 %; the front end chunks its
     * own large convolutions internally, so a longer chunk costs no more memory per frame.
     */
    static final int MUSICNN_CHUNK_FRAMES = 1024;

    /**
     * The network's head: over the window of the part's steps from step {@code start}, and, when the part
     * keeps spans, over any stretch of the stream afterwards from the compact record it keeps (lane only,
     * except {@link #span} after the lane's work is done).
     */
    interface Head {
        TaggerOutput apply(StreamPart part, int start);

        /** Steps from {@code firstStep} just joined the held ones: keep what {@link #span} will read. */
        void keep(StreamPart part, int firstStep, List<float[]> added);

        /** The head on frames {@code [from, to)} from what was kept ({@link SpanSteps}); null when nothing was. */
        TaggerOutput span(long from, long to);
    }

    private final int stride;
    private final int windowSteps;
    private final Head head;
    private final ConvStream.Trunk trunk;
    private final Executor executor;
    private final ConvStream conv;  // the caller's thread: frames and promised steps
    private final List<float[]> steps = new ArrayList<>(); // lane only: steps [base, base + steps.size())
    private int base;
    private CompletableFuture<?> lane = CompletableFuture.completedFuture(null); // the last task of the lane
    private volatile boolean cancelled;
    private boolean keepSpans;

    private StreamPart(ConvStream.Trunk trunk, int stride, int halo, int chunkSteps, int windowSteps, Head head,
                       Executor executor) {
        this.stride = stride;
        this.windowSteps = windowSteps;
        this.head = head;
        this.trunk = trunk;
        this.executor = executor;
        this.conv = new ConvStream(stride, halo, chunkSteps, this::chunk);
    }

    /** A chunk's trunk as a task of its own; its steps join the held ones in lane order. */
    private void chunk(float[][] frames, int firstStep, int offset, int count) {
        CompletableFuture<float[][]> out = CompletableFuture.supplyAsync(() -> {
            checkCancelled();
            return trunk.steps(frames, 0, frames.length);
        }, executor);
        lane = lane.thenAcceptBothAsync(out, (previous, o) -> {
            List<float[]> added = java.util.Arrays.asList(o).subList(offset, offset + count);
            int first = heldEnd();
            steps.addAll(added);
            if (keepSpans) {
                head.keep(this, first, added);
            }
        }, executor);
    }

    private void checkCancelled() {
        if (cancelled) {
            throw new CancellationException("StreamPart: stream closed");
        }
    }

    /** Whether {@link #of} can stream {@code network}. */
    static boolean streams(TaggerNetwork network) {
        return network instanceof CrnnTagger || network instanceof FcnTagger || network instanceof MusicnnTagger;
    }

    /**
     * The part for a network.
     *
     * @throws IllegalArgumentException when the network does not stream (musicnn)
     */
    static StreamPart of(TaggerNetwork network, Executor executor) {
        if (network instanceof CrnnTagger crnn) {
            // the conv stack's receptive-field half-width is 33 frames (see CrnnStream): halo one stride
            return new StreamPart(crnn::convSteps, CrnnTagger.TIME_STRIDE, CrnnTagger.TIME_STRIDE,
                    CRNN_CHUNK_STEPS, CrnnTagger.WINDOW_STEPS, new CrnnHead(crnn), executor);
        }
        if (network instanceof FcnTagger fcn) {
            return new StreamPart(fcn::trunkSteps, FcnTagger.TRUNK_STRIDE, FcnTagger.TRUNK_HALO, FCN_CHUNK_STEPS,
                    FcnTagger.TAIL_STEPS, new FcnTail(fcn), executor);
        }
        if (network instanceof MusicnnTagger musicnn) {
            return new StreamPart((frames, from, to) -> framesFirst(musicnn.frontEnd(
                    java.util.Arrays.copyOfRange(frames, from, to))), 1, MusicnnTagger.FRONT_END_HALF_WIDTH,
                    MUSICNN_CHUNK_FRAMES, MusicnnTiles.STREAM_SPAN, new MusicnnTail(musicnn), executor);
        }
        throw new IllegalArgumentException("StreamPart: " + network.architecture() + " does not stream");
    }

    /** {@code [561][T]} front end → {@code [T][561]} steps. */
    private static float[][] framesFirst(float[][] channels) {
        float[][] out = new float[channels[0].length][channels.length];
        for (int c = 0; c < channels.length; c++) {
            for (int t = 0; t < out.length; t++) {
                out[t][c] = channels[c][t];
            }
        }
        return out;
    }

    /** Frames whose trunk steps make one window: 18 · 96 = 1728 (crnn), 28 · 64 = 1792 (fcn), 1724 (musicnn tiles). */
    static int windowFrames(TaggerNetwork network) {
        if (network instanceof MusicnnTagger) {
            return MusicnnTiles.STREAM_SPAN;
        }
        if (network instanceof CrnnTagger) {
            return CrnnTagger.WINDOW_STEPS * CrnnTagger.TIME_STRIDE;
        }
        if (network instanceof FcnTagger) {
            return FcnTagger.TAIL_STEPS * FcnTagger.TRUNK_STRIDE;
        }
        throw new IllegalArgumentException("StreamPart: " + network.architecture() + " does not stream");
    }

    /**
     * Keeps, from now on, the compact record each head needs to label any stretch of the stream later
     * ({@link #span}): every crnn step (0.3 MB per hour), every fcn trunk step in bfloat16 (11 MB per
     * hour), every musicnn tile's output on the 96-frame grid (2.3 MB per hour). Call before any frame.
     */
    void keepSpans() {
        if (stepCount() > 0) {
            throw new IllegalStateException("StreamPart: keepSpans after frames");
        }
        keepSpans = true;
    }

    /**
     * The network's output over frames {@code [from, to)} from the kept record (see {@link SpanSteps}):
     * waits for the lane's work, so call it after {@link #finish}.
     *
     * @return null when spans are not kept or the stream was too short to keep anything
     */
    TaggerOutput span(long from, long to) {
        if (!keepSpans) {
            return null;
        }
        EnginePool.await(lane);
        return head.span(from, to);
    }

    /** Appends one frame (held, not copied). */
    void accept(float[] frame) {
        conv.accept(frame);
    }

    /** Convolves the rest of the stream. */
    void finish() {
        conv.finish();
    }

    /** Trunk steps promised so far (computed, or being computed). */
    int stepCount() {
        return conv.stepCount();
    }

    /** The frame where the last step computed ends. */
    long endFrame() {
        return (long) stepCount() * stride;
    }

    /**
     * The first step of the window that should start at {@code frame}: the nearest step start, the
     * earlier one on a tie (for the fcn at odd multiples of 96 frames: 32 frames early; musicnn: the frame).
     */
    int startStep(long frame) {
        return (int) Math.floorDiv(frame + (stride - 1) / 2, stride);
    }

    /** The first frame of step {@code step}. */
    long startFrame(int step) {
        return (long) step * stride;
    }

    /** Whether the window from step {@code start} has all its steps. */
    boolean has(int start) {
        return start + windowSteps <= stepCount();
    }

    /** Whether the window from step {@code start} leaves steps after it. */
    boolean leavesStepsAfter(int start) {
        return start + windowSteps < stepCount();
    }

    /** The first step of the end-aligned window over the last {@code windowSteps} steps. */
    int lastStart() {
        return stepCount() - windowSteps;
    }

    /**
     * The embedding and tags ({@link Backbones#joined}) of the window from step {@code start}, computed in
     * the lane; then the steps before {@code firstNeeded} that no later window reads are dropped ({@link
     * #release}; -1: none).
     *
     * @throws IllegalStateException when its steps are not all promised (the future fails when they were released)
     */
    CompletableFuture<float[]> output(int start, int firstNeeded) {
        if (!has(start)) {
            throw new IllegalStateException("StreamPart: window from step " + start + " needs steps [" + start + ", "
                    + (start + windowSteps) + "), promised " + stepCount());
        }
        CompletableFuture<float[]> out = lane.thenApplyAsync(previous -> {
            checkCancelled();
            if (start < base) {
                throw new IllegalStateException("StreamPart: window from step " + start + " needs steps [" + start
                        + ", " + (start + windowSteps) + "), held [" + base + ", " + heldEnd() + ")");
            }
            float[] joined = Backbones.joined(head.apply(this, start));
            if (firstNeeded >= 0) {
                release(firstNeeded);
            }
            return joined;
        }, executor);
        lane = out;
        return out;
    }

    /** Held steps {@code [from, to)} (lane only: the heads read them). */
    float[][] steps(int from, int to) {
        if (from < base || to > heldEnd()) {
            throw new IllegalStateException("StreamPart: steps [" + from + ", " + to + ") not held: ["
                    + base + ", " + heldEnd() + ")");
        }
        return steps.subList(from - base, to - base).toArray(new float[0][]);
    }

    /** The end of the held steps (lane only). */
    int heldEnd() {
        return base + steps.size();
    }

    /**
     * Drops the steps before {@code firstNeeded} (the next window's first step) that the end-aligned tail
     * window cannot read either (lane only: the steps held when a window is computed are those promised
     * when it was asked for, as on one thread).
     */
    private void release(int firstNeeded) {
        int keepFrom = Math.min(firstNeeded, heldEnd() - windowSteps);
        if (keepFrom > base) {
            steps.subList(0, keepFrom - base).clear();
            base = keepFrom;
        }
    }

    /** Steps held once the lane's work so far is done (for tests of the memory bound). */
    int heldSteps() {
        EnginePool.await(lane);
        return steps.size();
    }

    /** Stops the lane's work not yet started and waits for the rest; its failures are dropped. */
    void cancel() {
        cancelled = true;
        try {
            lane.join();
        } catch (CompletionException | CancellationException e) {
            // abandoned work
        }
    }
}
