package org.genrevamp.model;

import org.genrevamp.model.tagger.CrnnStream;
import org.genrevamp.model.tagger.CrnnTagger;

/**
 * Genre probabilities over a stream of log-mel frames for a transfer model whose backbone is one
 * CRNN: the convolutions run once over the stream ({@link CrnnStream}), each window is the GRU over
 * {@link CrnnTagger#WINDOW_STEPS} conv steps, then the genre head. Dense hops cost a GRU pass each,
 * not a convolution of the whole window. Not thread-safe; {@link #reset()} starts a new stream.
 */
public final class TransferStream {

    /** Frames between possible window starts: the CRNN's time stride. */
    public static final int STRIDE_FRAMES = CrnnTagger.TIME_STRIDE;
    /** Frames a streamed window covers (18 conv steps). */
    public static final int WINDOW_FRAMES = CrnnTagger.WINDOW_STEPS * CrnnTagger.TIME_STRIDE;

    /** Receives each window's probabilities. */
    @FunctionalInterface
    public interface Sink {
        /**
         * @param index      0, 1, 2, … in emission order
         * @param firstFrame the window's first frame
         * @param realFrames frames of real audio in it ({@link #WINDOW_FRAMES}, or fewer for the one looped
         *                   window of a stream shorter than a window)
         * @param probabilities one per label
         */
        void window(int index, long firstFrame, int realFrames, float[] probabilities);
    }

    private final TransferModel model;
    private final CrnnTagger tagger;
    private final int hopSteps;
    private final Sink sink;
    private CrnnStream stream;

    TransferStream(TransferModel model, CrnnTagger tagger, int hopSteps, Sink sink) {
        this.model = model;
        this.tagger = tagger;
        this.hopSteps = hopSteps;
        this.sink = sink;
        reset();
    }

    /** Takes one frame of {@link org.genrevamp.dsp.MelConfig#torchaudioTagger()} log-mel (copied). */
    public void accept(float[] melDb) {
        stream.accept(melDb);
    }

    /** End of the stream: the tail window, or the single looped window of a short stream. */
    public void finish() {
        stream.finish();
    }

    /** Forgets the stream so far. */
    public void reset() {
        stream = new CrnnStream(tagger, hopSteps, (index, first, out) -> {
            long frames = stream.frameCount();
            int real = frames < WINDOW_FRAMES ? (int) frames : WINDOW_FRAMES;
            sink.window(index, first, real, model.predictFeatures(model.backbones().features(java.util.List.of(Backbones.joined(out)))));
        });
    }
}
