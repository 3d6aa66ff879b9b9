package org.genrevamp.model.tagger;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link CrnnTagger} over a stream of log-mel frames without recomputing the convolutions of
 * overlapping windows.
 *
 * <p><b>Why it is exact.</b> The conv stack is shift-equivariant with a time stride of
 * {@value CrnnTagger#TIME_STRIDE} frames: conv step j depends only on frames [96j − 33, 96j + 128]
 * (receptive field {@value CrnnTagger#RECEPTIVE_FIELD}, half-width 33). So {@link ConvStream} convolves
 * the stream in chunks of {@code chunkSteps} steps with a 96-frame halo (a multiple of the stride and
 * >= 33), and every step equals that of one convolution over the whole stream; a stream of N frames
 * yields floor(N / 96) steps.
 *
 * <p><b>Windows.</b> Window k is the GRU over conv steps [k·hopSteps, k·hopSteps + windowSteps)
 * ({@link CrnnTagger#WINDOW_STEPS} = 18 steps = 1728 frames: what the network sees of its 1813-frame
 * training window); it covers frames from {@code k·hopSteps·96}. It is delivered as soon as its last
 * step exists. It differs from {@link CrnnTagger#forward} on the same frames only at its first and
 * last steps, which see the real neighbouring frames where a lone window sees zero padding.
 * {@link #finish()} then adds one end-aligned window over the last windowSteps steps when the regular
 * windows left steps uncovered; and when the stream produced fewer than windowSteps steps (under
 * 1728 frames), it emits exactly one window: the frames <b>looped, not padded</b>, cyclically to
 * {@link CrnnTagger#WINDOW_FRAMES} frames and run through {@link CrnnTagger#forward} (an empty stream
 * emits nothing).
 *
 * <p><b>Memory.</b> Frames are held for at most one chunk plus its halos ((chunkSteps + 2) · 96
 * frames, in the {@link ConvStream}), plus a copy of the first {@link CrnnTagger#WINDOW_FRAMES} frames for the looped short
 * window, dropped once the first window is out. The conv steps (128 floats per 1.536 s) are all kept.
 *
 * <p>Not thread-safe: one stream per thread of audio.
 */
public final class CrnnStream {

    /** Receives each window's output, on the thread that calls {@link #accept} or {@link #finish}. */
    @FunctionalInterface
    public interface WindowListener {
        /**
         * @param windowIndex 0, 1, 2, … in emission order (the tail window takes the next index)
         * @param firstFrame  stream index of the window's first frame
         * @param out         embedding (32) and tags (50)
         */
        void window(int windowIndex, long firstFrame, TaggerOutput out);
    }

    /**
     * Default steps per chunk: 4 steps convolve 576 frames (~9 s incl. halos; the first block's output
     * is 14 MB). Measured at 1 thread over 580 s (CrnnSpeed): 4 steps ~8 s CPU, 16 steps ~22 s (of it
     * ~9.5 s system time: larger arrays are page-faulted afresh on every chunk), despite the halos
     * costing (4 + 2) / 4 against (16 + 2) / 16.
     */
    public static final int DEFAULT_CHUNK_STEPS = 4;

    private static final int STRIDE = CrnnTagger.TIME_STRIDE;
    private static final int HALO = STRIDE; // >= 33 frames and a multiple of the stride

    private final CrnnTagger tagger;
    private final int hopSteps;
    private final int windowSteps = CrnnTagger.WINDOW_STEPS;
    private final WindowListener listener;
    private final ConvStream conv;

    private float[][] firstFrames;    // the first WINDOW_FRAMES frames, until a window is out
    private long frames;              // frames accepted
    private final List<float[]> steps = new ArrayList<>();
    private int nextWindow;
    private boolean finished;

    /** A stream with {@link #DEFAULT_CHUNK_STEPS}. */
    public CrnnStream(CrnnTagger tagger, int hopSteps, WindowListener listener) {
        this(tagger, hopSteps, DEFAULT_CHUNK_STEPS, listener);
    }

    /**
     * @param tagger     the network
     * @param hopSteps   window hop in conv steps of 96 frames (18 = back-to-back 29 s windows), >= 1
     * @param chunkSteps conv steps computed per convolution call, >= 1: larger amortises the two halos
     *                   (cost (chunkSteps + 2) / chunkSteps) but holds more frames and a larger
     *                   intermediate array
     * @param listener   receives the windows
     */
    public CrnnStream(CrnnTagger tagger, int hopSteps, int chunkSteps, WindowListener listener) {
        if (tagger == null || listener == null || hopSteps < 1 || chunkSteps < 1) {
            throw new IllegalArgumentException("CrnnStream: need a tagger, a listener, hopSteps >= 1 and chunkSteps >= 1");
        }
        this.tagger = tagger;
        this.hopSteps = hopSteps;
        this.listener = listener;
        conv = new ConvStream(tagger::convSteps, STRIDE, HALO, chunkSteps, (index, step) -> steps.add(step));
        firstFrames = new float[CrnnTagger.WINDOW_FRAMES][];
    }

    /**
     * Appends one frame; may convolve a chunk and emit windows.
     *
     * @param melDb 96 raw log-mel dB values (copied)
     */
    public void accept(float[] melDb) {
        if (finished) {
            throw new IllegalStateException("CrnnStream: accept after finish");
        }
        if (melDb.length != CrnnTagger.MEL_BANDS) {
            throw new IllegalArgumentException("CrnnStream: frame has " + melDb.length + " bands, expected "
                    + CrnnTagger.MEL_BANDS);
        }
        float[] frame = melDb.clone();
        if (firstFrames != null && frames < firstFrames.length) {
            firstFrames[(int) frames] = frame;
        }
        frames++;
        conv.accept(frame);
        emitWindows();
    }

    /**
     * Ends the stream: convolves the remaining frames, emits the windows they complete, then the
     * end-aligned tail window or, for a stream under one window, the looped window (see class doc).
     * Further calls do nothing.
     */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        conv.finish();
        emitWindows();
        int count = steps.size();
        if (nextWindow == 0) {
            if (frames > 0) {
                emitLooped();
            }
        } else if ((long) (nextWindow - 1) * hopSteps + windowSteps < count) {
            int first = count - windowSteps;
            emit(first);
        }
        firstFrames = null;
    }

    /** Frames accepted so far. */
    public long frameCount() {
        return frames;
    }

    /** Conv steps computed so far. */
    public int stepCount() {
        return steps.size();
    }

    /** A copy of conv step {@code i} (128 values). */
    public float[] step(int i) {
        return steps.get(i).clone();
    }

    /** Windows emitted so far. */
    public int windowCount() {
        return nextWindow;
    }

    private void emitWindows() {
        while ((long) nextWindow * hopSteps + windowSteps <= steps.size()) {
            emit(nextWindow * hopSteps);
        }
    }

    private void emit(int firstStep) {
        float[][] window = steps.subList(firstStep, firstStep + windowSteps).toArray(new float[0][]);
        TaggerOutput out = tagger.head(window);
        firstFrames = null; // no looped window any more
        listener.window(nextWindow++, (long) firstStep * STRIDE, out);
    }

    /** The short-stream window: the frames repeated cyclically to WINDOW_FRAMES (loop, not pad). */
    private void emitLooped() {
        int n = (int) frames; // < 1728 here, all in firstFrames
        float[][] looped = new float[CrnnTagger.WINDOW_FRAMES][];
        for (int t = 0; t < looped.length; t++) {
            looped[t] = firstFrames[t % n];
        }
        TaggerOutput out = tagger.forward(new float[][][] {looped})[0];
        firstFrames = null;
        listener.window(nextWindow++, 0, out);
    }
}
