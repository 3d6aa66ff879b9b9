package org.genrevamp.model.transfer;

import java.util.ArrayList;
import java.util.List;
import org.genrevamp.model.tagger.CrnnTagger;
import org.genrevamp.model.tagger.TaggerOutput;

/**
 * The crnn part's head: the GRU and dense layers over a window's 18 conv steps. Keeping spans, it holds
 * every conv step of the stream (128 floats per 1.536 s), so a stretch is labelled by the GRU over its
 * own steps looped to a window, without running the conv stack again.
 */
final class CrnnHead implements StreamPart.Head {

    private final CrnnTagger crnn;
    private final List<float[]> kept = new ArrayList<>(); // step i of the stream at i

    CrnnHead(CrnnTagger crnn) {
        this.crnn = crnn;
    }

    @Override
    public TaggerOutput apply(StreamPart part, int start) {
        return crnn.head(part.steps(start, start + CrnnTagger.WINDOW_STEPS));
    }

    @Override
    public void keep(StreamPart part, int firstStep, List<float[]> added) {
        kept.addAll(added); // the held arrays themselves: steps are never written after the trunk makes them
    }

    @Override
    public TaggerOutput span(long from, long to) {
        int[] range = SpanSteps.inside(from, to, CrnnTagger.TIME_STRIDE, CrnnTagger.TIME_STRIDE, kept.size());
        return range == null ? null : crnn.head(SpanSteps.looped(kept, range, CrnnTagger.WINDOW_STEPS));
    }
}
