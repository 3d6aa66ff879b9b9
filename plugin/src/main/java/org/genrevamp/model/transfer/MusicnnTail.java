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
 *
 * <p>Keeping spans, every tile on the grid is computed as soon as its frames are held, and kept (one
 * embedding and tag vector per 1.536 s, 2.3 MB per hour): a stretch is labelled by the mean of the
 * tiles inside it, as a window is, without running the front end again.
 */
final class MusicnnTail implements StreamPart.Head {

    private final MusicnnTagger net;
    private final TreeMap<Integer, TaggerOutput> tiles = new TreeMap<>(); // by first frame
    private final List<TaggerOutput> grid = new ArrayList<>(); // keeping spans: tile i from frame i · STRIDE

    MusicnnTail(MusicnnTagger net) {
        this.net = net;
    }

    @Override
    public TaggerOutput apply(StreamPart part, int start) {
        tiles.headMap(start).clear();
        List<TaggerOutput> window = new ArrayList<>();
        for (int t = 0; t < MusicnnTiles.STREAM_TILES; t++) {
            int from = start + t * MusicnnTiles.STRIDE;
            boolean kept = from % MusicnnTiles.STRIDE == 0 && from / MusicnnTiles.STRIDE < grid.size();
            window.add(kept ? grid.get(from / MusicnnTiles.STRIDE)
                    : tiles.computeIfAbsent(from, f -> tile(part, f)));
        }
        return MusicnnTiles.mean(window);
    }

    @Override
    public void keep(StreamPart part, int firstStep, List<float[]> added) {
        int end = part.heldEnd();
        for (int from = grid.size() * MusicnnTiles.STRIDE; from + MusicnnTiles.TILE <= end;
                from += MusicnnTiles.STRIDE) {
            grid.add(tile(part, from));
        }
    }

    @Override
    public TaggerOutput span(long from, long to) {
        int[] range = SpanSteps.inside(from, to, MusicnnTiles.STRIDE, MusicnnTiles.TILE, grid.size());
        return range == null ? null : MusicnnTiles.mean(grid.subList(range[0], range[1]));
    }

    private TaggerOutput tile(StreamPart part, int from) {
        return net.backEnd(channelsFirst(part.steps(from, from + MusicnnTiles.TILE)));
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
