package org.genrevamp.model.transfer;

import java.util.ArrayList;
import java.util.List;
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
 * window). Not thread-safe.
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

    /** The network's head over the window of the part's steps from step {@code start}. */
    @FunctionalInterface
    interface Head {
        TaggerOutput apply(StreamPart part, int start);
    }

    private final int stride;
    private final int windowSteps;
    private final Head head;
    private final ConvStream conv;
    private final List<float[]> steps = new ArrayList<>(); // steps [base, base + steps.size())
    private int base;

    private StreamPart(ConvStream.Trunk trunk, int stride, int halo, int chunkSteps, int windowSteps, Head head) {
        this.stride = stride;
        this.windowSteps = windowSteps;
        this.head = head;
        this.conv = new ConvStream(trunk, stride, halo, chunkSteps, (index, step) -> steps.add(step));
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
    static StreamPart of(TaggerNetwork network) {
        if (network instanceof CrnnTagger crnn) {
            // the conv stack's receptive-field half-width is 33 frames (see CrnnStream): halo one stride
            return new StreamPart(crnn::convSteps, CrnnTagger.TIME_STRIDE, CrnnTagger.TIME_STRIDE,
                    CRNN_CHUNK_STEPS, CrnnTagger.WINDOW_STEPS,
                    (part, start) -> crnn.head(part.steps(start, start + CrnnTagger.WINDOW_STEPS)));
        }
        if (network instanceof FcnTagger fcn) {
            return new StreamPart(fcn::trunkSteps, FcnTagger.TRUNK_STRIDE, FcnTagger.TRUNK_HALO, FCN_CHUNK_STEPS,
                    FcnTagger.TAIL_STEPS, new FcnTail(fcn));
        }
        if (network instanceof MusicnnTagger musicnn) {
            return new StreamPart((frames, from, to) -> framesFirst(musicnn.frontEnd(
                    java.util.Arrays.copyOfRange(frames, from, to))), 1, MusicnnTagger.FRONT_END_HALF_WIDTH,
                    MUSICNN_CHUNK_FRAMES, MusicnnTiles.STREAM_SPAN, new MusicnnTail(musicnn));
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

    /** Appends one frame (held, not copied). */
    void accept(float[] frame) {
        conv.accept(frame);
    }

    /** Convolves the rest of the stream. */
    void finish() {
        conv.finish();
    }

    /** Trunk steps computed so far. */
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
     * The embedding and tags ({@link Backbones#joined}) of the window from step {@code start}.
     *
     * @throws IllegalStateException when its steps are not all computed or were released
     */
    float[] output(int start) {
        if (start < base || !has(start)) {
            throw new IllegalStateException("StreamPart: window from step " + start + " needs steps [" + start + ", "
                    + (start + windowSteps) + "), held [" + base + ", " + stepCount() + ")");
        }
        return Backbones.joined(head.apply(this, start));
    }

    /** Held steps {@code [from, to)}. */
    float[][] steps(int from, int to) {
        if (from < base || to > stepCount()) {
            throw new IllegalStateException("StreamPart: steps [" + from + ", " + to + ") not held: ["
                    + base + ", " + stepCount() + ")");
        }
        return steps.subList(from - base, to - base).toArray(new float[0][]);
    }

    /**
     * Drops the steps before {@code firstNeeded} (the next window's first step) that the end-aligned tail
     * window cannot read either.
     */
    void release(int firstNeeded) {
        int keepFrom = Math.min(firstNeeded, stepCount() - windowSteps);
        if (keepFrom > base) {
            steps.subList(0, keepFrom - base).clear();
            base = keepFrom;
        }
    }

    /** Steps held now (for tests of the memory bound). */
    int heldSteps() {
        return steps.size();
    }
}
