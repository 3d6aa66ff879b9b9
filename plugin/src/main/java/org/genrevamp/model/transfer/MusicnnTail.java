package org.genrevamp.model.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.genrevamp.model.tagger.MusicnnTagger;
import org.genrevamp.model.tagger.TaggerOutput;

/**
 * The musicnn part's head for streamed windows: the mean of {@link MusicnnTiles#STREAM_TILES} back-end
 * tiles every {@link MusicnnTiles#STRIDE} frames from the window's first frame, read from the front end
 * that the part streams (one trunk step = one frame's 561 front-end channels). Regular windows start on
 * the tile grid, so each tile's back end runs once and is reused by the ~17 overlapping windows that
 * cover it: at a hop of one CRNN step, one back-end pass (~12 ms on one core) per 1.536 s. Tiles before
 * the latest window's first frame are dropped.
 */
final class MusicnnTail implements StreamPart.Head {

    private final MusicnnTagger net;
    private final TreeMap<Integer, TaggerOutput> tiles = new TreeMap<>(); // by first frame

    MusicnnTail(MusicnnTagger net) {
        this.net = net;
    }

    @Override
    public TaggerOutput apply(StreamPart part, int start) {
        tiles.headMap(start).clear();
        List<TaggerOutput> window = new ArrayList<>();
        for (int t = 0; t < MusicnnTiles.STREAM_TILES; t++) {
            int from = start + t * MusicnnTiles.STRIDE;
            window.add(tiles.computeIfAbsent(from,
                    f -> net.backEnd(channelsFirst(part.steps(f, f + MusicnnTiles.TILE)))));
        }
        return MusicnnTiles.mean(window);
    }

    /** {@code [T][561]} steps → {@code [561][T]}. */
    private static float[][] channelsFirst(float[][] steps) {
        float[][] out = new float[steps[0].length][steps.length];
        for (int t = 0; t < steps.length; t++) {
            for (int c = 0; c < out.length; c++) {
                out[c][t] = steps[t][c];
            }
        }
        return out;
    }
}
