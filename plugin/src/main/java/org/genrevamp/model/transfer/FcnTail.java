package org.genrevamp.model.transfer;

import java.util.ArrayList;
import java.util.List;
import org.genrevamp.model.tagger.FcnTagger;
import org.genrevamp.model.tagger.TaggerOutput;

/**
 * The fcn's tail for streamed windows, sharing block 4's convolution between overlapping windows: equal
 * to {@link FcnTagger#tail} of the window's 28 trunk steps. A window from step m uses block-4 columns
 * 0..24 ({@link FcnTagger#TAIL_COLUMNS}); columns 1..24 read only steps m..m+25, so they are computed
 * once over the stream and reused by every window that covers them, and only column 0, which the lone
 * window computes with zeros before step m, is computed per window. At a hop of 1.5 steps this cuts the
 * tail's convolution work about 12-fold. Columns before the latest window's are dropped.
 */
final class FcnTail implements StreamPart.Head {

    private final FcnTagger fcn;
    private final List<float[]> columns = new ArrayList<>(); // stream-wide columns [base, base + size)
    private int base;

    FcnTail(FcnTagger fcn) {
        this.fcn = fcn;
    }

    @Override
    public TaggerOutput apply(StreamPart part, int start) {
        int first = start + 1;
        int end = start + FcnTagger.TAIL_COLUMNS;
        if (first < base) {
            throw new IllegalStateException("FcnTail: windows must come in order of their first step");
        }
        // drop the columns no later window reads (later windows start at or after this one)
        int drop = Math.min(first - base, columns.size());
        columns.subList(0, drop).clear();
        base += drop;
        if (columns.isEmpty()) {
            base = first;
        }
        int have = base + columns.size();
        if (have < end) {
            // the new columns with their neighbour steps on both sides (held: within this window)
            float[][] steps = part.steps(have - 1, end + 1);
            for (float[] column : fcn.tailColumns(steps, 1, steps.length - 1)) {
                columns.add(column);
            }
        }
        float[][] window = new float[FcnTagger.TAIL_COLUMNS][];
        window[0] = fcn.tailColumns(part.steps(start, start + 2), 0, 1)[0]; // zeros before the window, as alone
        for (int j = 1; j < window.length; j++) {
            window[j] = columns.get(start + j - base);
        }
        return fcn.tailFromColumns(window);
    }
}
