package org.genrevamp.model.transfer;

import java.util.List;
import org.genrevamp.model.tagger.CrnnTagger;
import org.genrevamp.model.tagger.MusicnnTagger;
import org.genrevamp.model.tagger.TaggerOutput;

/**
 * How a musicnn backbone (a 3 s network) sees a window of a long-window transfer model: its front end
 * runs once over the window's frames, its back end on 3 s tiles of that front end every {@value #STRIDE}
 * frames from the window's start, and the tiles' embeddings and tags are averaged.
 *
 * <p>Why this tiling: the tiles lie on the same 96-frame grid as the streamed windows' starts (one CRNN
 * step), so a stream computes each tile once and every window that covers it reuses it
 * ({@link MusicnnTail}), and the front end, which pools nothing over time, runs once over the stream.
 * The trainer computes the same tiles on each lone window ({@link #window}); a streamed window differs
 * from its lone window only where its first tile's front end sees real frames before the window instead
 * of zero padding (the first {@link MusicnnTagger#FRONT_END_HALF_WIDTH} frames).
 */
final class MusicnnTiles {

    /** Frames between tile starts: one CRNN step, the streamed windows' start grid. */
    static final int STRIDE = CrnnTagger.TIME_STRIDE;
    /** Frames per tile: the network's own 3 s window. */
    static final int TILE = MusicnnTagger.WINDOW_FRAMES;
    /** Tiles per streamed window: as many as fit in a CRNN window (18 steps, 1728 frames): 17. */
    static final int STREAM_TILES = tiles(CrnnTagger.WINDOW_STEPS * STRIDE);
    /** Frames the tiles of a streamed window span: 16 · 96 + 188 = 1724. */
    static final int STREAM_SPAN = (STREAM_TILES - 1) * STRIDE + TILE;

    private MusicnnTiles() {
    }

    /** Tiles that fit in a window of {@code frames} frames (>= {@link #TILE}): 17 for 1813 frames, as streamed. */
    static int tiles(int frames) {
        return (frames - TILE) / STRIDE + 1;
    }

    /**
     * A lone window's musicnn output: the front end over all its frames (zero padding at both ends), the
     * back end on {@link #tiles} tiles from frame 0, embeddings and tags averaged.
     *
     * @param frames {@code [T][96]} raw log-mel dB, T >= {@link #TILE}
     */
    static TaggerOutput window(MusicnnTagger net, float[][] frames) {
        float[][] front = net.frontEnd(frames); // [561][T]
        TaggerOutput[] parts = new TaggerOutput[tiles(frames.length)];
        for (int t = 0; t < parts.length; t++) {
            parts[t] = tile(net, front, t * STRIDE);
        }
        return mean(List.of(parts));
    }

    /** The back end on front-end columns {@code [from, from + TILE)} of {@code front} ({@code [561][T]}). */
    static TaggerOutput tile(MusicnnTagger net, float[][] front, int from) {
        float[][] slice = new float[front.length][];
        for (int c = 0; c < front.length; c++) {
            slice[c] = java.util.Arrays.copyOfRange(front[c], from, from + TILE);
        }
        return net.backEnd(slice);
    }

    /** Element-wise mean of embeddings and of tags. */
    static TaggerOutput mean(List<TaggerOutput> outputs) {
        float[] embedding = new float[outputs.get(0).embedding().length];
        float[] tags = new float[outputs.get(0).tags().length];
        for (TaggerOutput o : outputs) {
            for (int k = 0; k < embedding.length; k++) {
                embedding[k] += o.embedding()[k] / outputs.size();
            }
            for (int k = 0; k < tags.length; k++) {
                tags[k] += o.tags()[k] / outputs.size();
            }
        }
        return new TaggerOutput(embedding, tags);
    }
}
