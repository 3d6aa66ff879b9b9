package org.genrevamp.model.transfer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.genrevamp.model.runtime.EnginePool;
import org.genrevamp.model.tagger.CrnnTagger;
import org.genrevamp.model.tagger.TaggerOutput;

/**
 * The backbones' outputs (each network's embedding and tags, {@link Backbones#joined}) per window over a
 * stream of log-mel frames, for crnn and/or fcn backbones: each backbone's convolutional trunk runs once
 * over the stream ({@link StreamPart}), each window only runs the networks' heads over its trunk steps.
 * Dense hops cost a head pass per backbone, not a convolution of the whole window. {@link TransferStream}
 * puts a genre head on it; the plugin's tag outputs read a tagger's tags from it.
 *
 * <p><b>Windows.</b> Window k nominally starts at frame k·H, H = hopSteps · {@value #STRIDE_FRAMES}. Its
 * crnn part is the GRU over conv steps [k·hopSteps, k·hopSteps + 18) ({@code CrnnStream}'s window k);
 * its fcn part is the tail over the 28 trunk steps (64 frames each) from the step start nearest to k·H,
 * the earlier on a tie: the fcn part starts <b>32 frames (0.5 s) before k·H when k·hopSteps is odd</b>,
 * on k·H otherwise. Window k is delivered as soon as all its parts' steps exist, with the parts'
 * outputs in backbone order. Each part equals the network's
 * lone window on the same frames except at its first (and, for the crnn, last) trunk step, which sees
 * the real neighbouring frames where a lone window sees zero padding.
 *
 * <p><b>End of stream.</b> When the regular windows leave trunk steps of any part uncovered, one more
 * window joins every part's end-aligned window (its last 18 crnn / 28 fcn steps); it is reported as
 * {@link #windowFrames()} frames ending where its later part ends. A stream too short for window 0
 * (under {@link #windowFrames()} frames) gives exactly one window: its frames <b>looped, not
 * padded</b>, to {@link Backbones#windowFrames()} (1813) and run through every
 * backbone's per-window forward pass. An empty stream gives none.
 *
 * <p><b>Memory</b>, bounded in the stream's length: per part one chunk of frames with its halos and
 * the trunk steps the next window and the end-aligned tail can read (an fcn step is 1536 floats per
 * 1.024 s; at most 50 crnn + fcn steps, 0.2 MB, were held over 580 s at a hop of one step), plus the
 * first {@link #windowFrames()} frames until window 0 is out, plus the work in flight (below); with
 * {@link #keepSpans()}, also a compact record of the whole stream (about 14 MB per hour). Not
 * thread-safe; {@link #reset()} starts a new stream, {@link #close()} ends its work.
 *
 * <p><b>Threads.</b> The networks run on the process's {@link EnginePool} (a lease from {@link #reset()}
 * to {@link #finish()}): each backbone's chunks and windows as {@link StreamPart} schedules them, so the
 * backbones, and a backbone's trunk chunks, run at once, while the caller's thread goes on with the next
 * frames (a host computes the log-mel meanwhile). Windows reach the sink in order, on the caller's thread,
 * inside {@link #accept} or {@link #finish}: later than on one thread, with the same values. At most
 * {@value #MAX_PENDING} windows are in flight: then {@link #accept} waits for the oldest (the memory
 * bound). With one engine thread everything runs inside the calls, as before.
 */
public final class BackboneStream {

    /** Frames between possible window starts: the CRNN's time stride. */
    public static final int STRIDE_FRAMES = CrnnTagger.TIME_STRIDE;
    /**
     * Windows in flight at most (requested, not yet delivered): 16 hops of one step (25 s) span more than
     * one chunk of every trunk (musicnn's is 1024 frames), so chunks of one network can run at once, while
     * bounding what waits (each musicnn step held is 561 floats: ~3.4 MB more over 16 hops).
     */
    static final int MAX_PENDING = 16;

    /**
     * One window's backbone outputs.
     *
     * @param index           0, 1, 2, … in emission order
     * @param firstFrame      the window's first frame (k·H for regular window k)
     * @param realFrames      frames of real audio in it ({@link #windowFrames()}, or fewer for the one
     *                        looped window of a stream shorter than a window)
     * @param outputs         one {@link Backbones#joined} vector (embedding, then tags) per backbone, in order
     * @param partFirstFrames where each backbone's own part of the window starts (the fcn's may start 32
     *                        frames early; in the end-aligned tail window the parts start where each
     *                        network's last window does)
     */
    public record Window(int index, long firstFrame, int realFrames, List<float[]> outputs, long[] partFirstFrames) {
    }

    /** Receives each window's backbone outputs. */
    @FunctionalInterface
    public interface Sink {
        void window(Window window);
    }

    /** Receives one backbone's output per window. */
    @FunctionalInterface
    public interface PartSink {
        /**
         * @param firstFrame where the backbone's part of the window starts
         * @param realFrames frames of real audio in the whole window
         * @param joined     the backbone's {@link Backbones#joined} output
         */
        void window(long firstFrame, int realFrames, float[] joined);
    }

    /** A sink handing {@code part} the output of backbone {@code index} (of this stream's backbones) per window. */
    public static Sink part(int index, PartSink part) {
        return w -> part.window(w.partFirstFrames()[index], w.realFrames(), w.outputs().get(index));
    }

    private final Backbones backbones;
    private final int hopFrames;
    private final int windowFrames;
    private final Sink sink;

    /** A window requested from the parts, not yet delivered. */
    private record Pending(int index, long firstFrame, int realFrames, List<CompletableFuture<float[]>> outputs,
                           long[] partFirstFrames) {
        boolean done() {
            return outputs.stream().allMatch(CompletableFuture::isDone);
        }
    }

    private List<StreamPart> parts;
    private EnginePool.Lease lease;  // from reset to finish or close
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private float[][] firstFrames; // the first windowFrames frames, until a window is out
    private long frames;
    private int nextWindow;
    private boolean finished;
    private boolean keepSpans;

    /**
     * @param hopSteps windows start every hopSteps · {@value #STRIDE_FRAMES} frames, >= 1
     * @throws IllegalArgumentException when a backbone does not stream
     */
    public BackboneStream(Backbones backbones, int hopSteps, Sink sink) {
        if (backbones == null || sink == null || hopSteps < 1) {
            throw new IllegalArgumentException("BackboneStream: need backbones, a sink and hopSteps >= 1");
        }
        this.backbones = backbones;
        this.hopFrames = hopSteps * STRIDE_FRAMES;
        this.windowFrames = windowFrames(backbones);
        this.sink = sink;
        reset();
    }

    /**
     * Frames of a streamed window of these backbones: the longest part's, 1728 (18 crnn steps) for a
     * crnn alone, 1792 (28 fcn steps) with an fcn.
     *
     * @throws IllegalArgumentException when a backbone does not stream
     */
    public static int windowFrames(Backbones backbones) {
        int frames = 0;
        for (Backbones.Backbone b : backbones.list()) {
            frames = Math.max(frames, StreamPart.windowFrames(b.network()));
        }
        return frames;
    }

    /**
     * Whether these backbones stream: every trunk can run once over a stream (crnn, fcn, musicnn), and the
     * windows are long ones (29 s: a musicnn alone keeps its own 3 s windows, run one by one).
     */
    public static boolean streams(Backbones backbones) {
        return backbones.windowFrames() > MusicnnTiles.TILE
                && backbones.list().stream().allMatch(b -> StreamPart.streams(b.network()));
    }

    /** Frames a streamed window covers (see {@link #windowFrames(Backbones)}). */
    public int windowFrames() {
        return windowFrames;
    }

    /** Trunk steps the parts hold now (tests of the memory bound). */
    int heldSteps() {
        return parts.stream().mapToInt(StreamPart::heldSteps).sum();
    }

    /**
     * Keeps, for this and later streams, what {@link #spanOutputs} needs: every trunk step of the crnn
     * and fcn parts (the fcn's in bfloat16) and every musicnn tile's output, about 14 MB per hour of
     * audio for all three (see {@link StreamPart#keepSpans}). Call before the stream's first frame.
     */
    public void keepSpans() {
        if (frames > 0) {
            throw new IllegalStateException("BackboneStream: keepSpans after frames");
        }
        keepSpans = true;
        parts.forEach(StreamPart::keepSpans);
    }

    /**
     * The backbones' outputs ({@link Backbones#joined}, in order) over frames {@code [from, to)} of the
     * finished stream, from what {@link #keepSpans} kept: each network's head over the trunk steps (musicnn:
     * tiles) that lie wholly inside the stretch, looped to a window, so a stretch shorter than a window
     * is labelled from its own audio without another pass of the trunks. The steps at the stretch's edges
     * saw up to one stride of the neighbouring frames, as a streamed window's first step does.
     *
     * @return null when spans are not kept, or the stream held too little (under one step) to keep any
     */
    public List<float[]> spanOutputs(long from, long to) {
        List<float[]> outputs = new ArrayList<>();
        for (StreamPart part : parts) {
            TaggerOutput o = part.span(from, to);
            if (o == null) {
                return null;
            }
            outputs.add(Backbones.joined(o));
        }
        return outputs;
    }

    /** Takes one frame of {@link org.genrevamp.dsp.MelConfig#torchaudioTagger()} log-mel (copied). */
    public void accept(float[] melDb) {
        if (finished) {
            throw new IllegalStateException("BackboneStream: accept after finish");
        }
        if (melDb.length != CrnnTagger.MEL_BANDS) {
            throw new IllegalArgumentException("BackboneStream: frame has " + melDb.length + " bands, expected "
                    + CrnnTagger.MEL_BANDS);
        }
        float[] frame = melDb.clone();
        if (firstFrames != null && frames < firstFrames.length) {
            firstFrames[(int) frames] = frame;
        }
        frames++;
        for (StreamPart part : parts) {
            part.accept(frame);
        }
        emitReady();
    }

    /**
     * End of the stream: the windows still completed, then the tail window, or the single looped window
     * of a short stream; returns once all of them are delivered, and gives back the pool.
     */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        boolean done = false;
        try {
            for (StreamPart part : parts) {
                part.finish();
            }
            emitReady();
            if (nextWindow == 0) {
                if (frames > 0) {
                    emitLooped();
                }
            } else if (lastRegularLeavesSteps()) {
                emitTail();
            }
            firstFrames = null;
            deliver(0);
            done = true;
        } finally {
            if (!done) {
                abandon();
            }
            closeLease();
        }
    }

    /** Forgets the stream so far. */
    public void reset() {
        close();
        parts = new ArrayList<>();
        lease = EnginePool.lease();
        for (Backbones.Backbone b : backbones.list()) {
            StreamPart part = StreamPart.of(b.network(), lease.executor());
            if (keepSpans) {
                part.keepSpans();
            }
            parts.add(part);
        }
        firstFrames = new float[windowFrames][];
        frames = 0;
        nextWindow = 0;
        finished = false;
    }

    /**
     * Ends the stream's work without delivering more windows: what has not started is dropped, what runs
     * is waited for, and the pool is given back (a plugin instance unloaded mid-run leaves no work behind).
     * {@link #reset()} starts a new stream.
     */
    public void close() {
        abandon();
        closeLease();
        finished = true;
    }

    private void abandon() {
        if (parts != null) {
            parts.forEach(StreamPart::cancel);
        }
        for (Pending p : pending) {
            p.outputs().forEach(f -> f.cancel(false));
            for (CompletableFuture<float[]> f : p.outputs()) {
                try {
                    f.join();
                } catch (RuntimeException e) {
                    // abandoned work
                }
            }
        }
        pending.clear();
    }

    private void closeLease() {
        if (lease != null) {
            lease.close();
            lease = null;
        }
    }

    /** Emits every regular window whose parts all have their steps, in order. */
    private void emitReady() {
        while (true) {
            long first = (long) nextWindow * hopFrames;
            for (StreamPart part : parts) {
                if (!part.has(part.startStep(first))) {
                    return;
                }
            }
            List<CompletableFuture<float[]>> outputs = new ArrayList<>();
            long[] starts = new long[parts.size()];
            for (int i = 0; i < parts.size(); i++) {
                StreamPart part = parts.get(i);
                outputs.add(part.output(part.startStep(first), part.startStep(first + hopFrames)));
                starts[i] = part.startFrame(part.startStep(first));
            }
            emit(first, windowFrames, outputs, starts);
        }
    }

    private boolean lastRegularLeavesSteps() {
        long first = (long) (nextWindow - 1) * hopFrames;
        for (StreamPart part : parts) {
            if (part.leavesStepsAfter(part.startStep(first))) {
                return true;
            }
        }
        return false;
    }

    /** Every part's end-aligned window, reported as windowFrames frames ending where the later part ends. */
    private void emitTail() {
        long end = 0;
        for (StreamPart part : parts) {
            end = Math.max(end, part.endFrame());
        }
        // not at or before the last regular window (an fcn part starting 32 frames early beside a musicnn
        // part that leaves a few frames put it there): windows are reported in time order
        if (end - windowFrames <= (long) (nextWindow - 1) * hopFrames) {
            return;
        }
        List<CompletableFuture<float[]>> outputs = new ArrayList<>();
        long[] starts = new long[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            StreamPart part = parts.get(i);
            outputs.add(part.output(part.lastStart(), -1));
            starts[i] = part.startFrame(part.lastStart());
        }
        emit(end - windowFrames, windowFrames, outputs, starts);
    }

    /** The short-stream window: the frames repeated cyclically to the backbones' window (loop, not pad). */
    private void emitLooped() {
        int n = (int) frames; // < windowFrames here, all in firstFrames
        float[][][] looped = {new float[backbones.windowFrames()][]};
        for (int t = 0; t < looped[0].length; t++) {
            looped[0][t] = firstFrames[t % n];
        }
        // one task, the networks one after another: each whole-window pass holds large im2col arrays, and
        // two at once lifted a 1 s file's peak RSS from 336 to 407 MB at 2 threads
        int count = backbones.list().size();
        CompletableFuture<float[][]> all = CompletableFuture.supplyAsync(() -> {
            float[][] out = new float[count][];
            for (int i = 0; i < count; i++) {
                out[i] = backbones.outputs(i, looped)[0];
            }
            return out;
        }, lease.executor());
        List<CompletableFuture<float[]>> outputs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int backbone = i;
            outputs.add(all.thenApply(out -> out[backbone]));
        }
        emit(0, n, outputs, new long[parts.size()]);
    }

    private void emit(long firstFrame, int realFrames, List<CompletableFuture<float[]>> outputs, long[] partFirstFrames) {
        firstFrames = null; // no looped window any more
        pending.add(new Pending(nextWindow++, firstFrame, realFrames, outputs, partFirstFrames));
        deliver(MAX_PENDING);
    }

    /**
     * Hands the sink the finished windows at the front, in order, and waits for the oldest until at most
     * {@code inFlight} remain.
     */
    private void deliver(int inFlight) {
        while (!pending.isEmpty() && (pending.size() > inFlight || pending.peek().done())) {
            Pending p = pending.poll();
            List<float[]> outputs = new ArrayList<>();
            for (CompletableFuture<float[]> f : p.outputs()) {
                outputs.add(EnginePool.await(f));
            }
            sink.window(new Window(p.index(), p.firstFrame(), p.realFrames(), outputs, p.partFirstFrames()));
        }
    }
}
