package org.genrevamp.model.tagger;

import java.util.Arrays;

/**
 * Runs a shift-equivariant conv trunk once over a stream of frames, in chunks, so that every output
 * step equals the step of one convolution over the whole stream (zero-padded only at the stream's real
 * start and end).
 *
 * <p><b>The trunk's contract.</b> {@link Trunk#steps} convolves a frame range as if it were the whole
 * stream and returns floor(length / S) steps, S being the trunk's time stride (the product of its time
 * poolings); step j summarises frames [S·j, S·j + S) and reads at most {@code w} frames on either side
 * of them (its receptive-field half-width).
 *
 * <p><b>Why chunks are exact.</b> Chunks start at multiples of S, so every pooling grid stays aligned
 * with the whole stream's. A chunk of steps [s, s + chunkSteps) is convolved with {@code halo} frames
 * before it (none for the first chunk: there the zero padding <i>is</i> the stream's) and after it;
 * as halo >= w, the chunk's steps read no padding that the whole stream would not. {@link #finish()}
 * convolves the remainder the same way, so floor pooling drops the same trailing frames as the whole
 * stream: a stream of N frames yields floor(N / S) steps.
 *
 * <p><b>Memory.</b> At most one chunk plus its two halos of frames ({@code chunkSteps · S + 2 · halo});
 * steps are handed to the {@link StepSink} and not kept. Not thread-safe.
 */
public final class ConvStream {

    /** A conv trunk over frames {@code [from, to)} of {@code frames}, as if they were the whole stream. */
    @FunctionalInterface
    public interface Trunk {
        /** @return {@code [floor((to − from) / S)][stepSize]}; called with at least S frames */
        float[][] steps(float[][] frames, int from, int to);
    }

    /** Receives each step once, in order, on the thread that calls {@link #accept} or {@link #finish}. */
    @FunctionalInterface
    public interface StepSink {
        /** @param values the step (owned by the receiver from now on) */
        void step(int index, float[] values);
    }

    /**
     * Receives each chunk to convolve, in order, instead of convolving it here: so a caller may run the
     * trunk elsewhere (another thread) and still get exactly the steps this class would compute.
     */
    @FunctionalInterface
    public interface ChunkSink {
        /**
         * @param frames    the frames to convolve whole with the trunk (a copy of the references: the receiver owns the array)
         * @param firstStep the stream index of the chunk's first step
         * @param offset    the chunk's first step among the trunk's output steps over {@code frames}
         * @param count     the chunk's steps: output steps {@code [offset, offset + count)}
         */
        void chunk(float[][] frames, int firstStep, int offset, int count);
    }

    private final int stride;
    private final int halo;
    private final int chunkSteps;
    private final ChunkSink chunks;

    private final float[][] buffer; // frames [bufferStart, bufferStart + buffered)
    private long bufferStart;
    private int buffered;
    private long frames;
    private int steps;
    private boolean finished;

    /**
     * @param stride     S, frames per output step, >= 1
     * @param halo       frames convolved beside each chunk: a multiple of S (keeps chunk starts on the
     *                   pooling grid) and >= the trunk's receptive-field half-width (the caller's proof)
     * @param chunkSteps steps per trunk call, >= 1: more amortises the halos (cost (chunkSteps + 2·halo/S)
     *                   / chunkSteps) but holds more frames and larger intermediate arrays
     */
    public ConvStream(Trunk trunk, int stride, int halo, int chunkSteps, StepSink sink) {
        this(stride, halo, chunkSteps, chunkOf(trunk, sink));
    }

    /**
     * A stream that hands each chunk to {@code chunks} rather than convolving it (see {@link ChunkSink});
     * {@link #stepCount()} counts the steps handed on.
     */
    public ConvStream(int stride, int halo, int chunkSteps, ChunkSink chunks) {
        if (chunks == null || stride < 1 || halo < 0 || halo % stride != 0 || chunkSteps < 1) {
            throw new IllegalArgumentException("ConvStream: need a trunk, a sink, stride >= 1, a halo that is a"
                    + " non-negative multiple of the stride and chunkSteps >= 1; got stride " + stride + ", halo "
                    + halo + ", chunkSteps " + chunkSteps);
        }
        this.stride = stride;
        this.halo = halo;
        this.chunkSteps = chunkSteps;
        this.chunks = chunks;
        buffer = new float[chunkSteps * stride + 2 * halo][];
    }

    /**
     * Appends one frame (held, not copied: do not modify it); convolves a chunk once its right halo is in.
     *
     * @throws IllegalStateException after {@link #finish()}
     */
    public void accept(float[] frame) {
        if (finished) {
            throw new IllegalStateException("ConvStream: accept after finish");
        }
        buffer[buffered++] = frame;
        frames++;
        if (frames == (long) (steps + chunkSteps) * stride + halo) {
            convolve(chunkSteps);
        }
    }

    /** Ends the stream: convolves the remaining frames into the last steps. Further calls do nothing. */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        int remaining = (int) (frames / stride - steps);
        if (remaining > 0) {
            convolve(remaining);
        }
    }

    /** Convolves each chunk here, handing its steps to {@code sink}. */
    private static ChunkSink chunkOf(Trunk trunk, StepSink sink) {
        if (trunk == null || sink == null) {
            throw new IllegalArgumentException("ConvStream: need a trunk and a sink");
        }
        return (frames, firstStep, offset, count) -> {
            float[][] out = trunk.steps(frames, 0, frames.length);
            for (int i = 0; i < count; i++) {
                sink.step(firstStep + i, out[offset + i]);
            }
        };
    }

    /** Frames accepted so far. */
    public long frameCount() {
        return frames;
    }

    /** Steps handed to the sink so far. */
    public int stepCount() {
        return steps;
    }

    /**
     * Convolves the buffer (a left halo unless at the stream start, the chunk, and what follows), hands
     * on the next {@code count} steps, then drops the frames no later chunk reads.
     */
    private void convolve(int count) {
        int offset = (int) (((long) steps * stride - bufferStart) / stride); // halo / S, or 0 at the start
        chunks.chunk(Arrays.copyOf(buffer, buffered), steps, offset, count);
        steps += count;
        long keepFrom = Math.max(0, (long) steps * stride - halo); // the next chunk's left halo
        int drop = (int) (keepFrom - bufferStart);
        System.arraycopy(buffer, drop, buffer, 0, buffered - drop);
        Arrays.fill(buffer, buffered - drop, buffered, null);
        buffered -= drop;
        bufferStart = keepFrom;
    }
}
