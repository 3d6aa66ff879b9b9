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
 *
 * <p>Keeping spans, it holds every trunk step of the stream in bfloat16 (the float's upper 16 bits,
 * rounded: relative error at most 2^-9; 3 kB per 1.024 s, 11 MB per hour), so a stretch is labelled by
 * the tail over its own steps looped to a window, without running blocks 1–3 again.
 */
final class FcnTail implements StreamPart.Head {

    private final FcnTagger fcn;
    private final List<float[]> columns = new ArrayList<>(); // stream-wide columns [base, base + size)
    private int base;
    private final List<short[]> kept = new ArrayList<>(); // step i of the stream at i, bfloat16

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

    @Override
    public void keep(StreamPart part, int firstStep, List<float[]> added) {
        for (float[] step : added) {
            short[] half = new short[step.length];
            for (int i = 0; i < step.length; i++) {
                half[i] = (short) ((Float.floatToRawIntBits(step[i]) + 0x8000) >>> 16);
            }
            kept.add(half);
        }
    }

    @Override
    public TaggerOutput span(long from, long to) {
        int[] range = SpanSteps.inside(from, to, FcnTagger.TRUNK_STRIDE, FcnTagger.TRUNK_STRIDE, kept.size());
        if (range == null) {
            return null;
        }
        return fcn.tail(SpanSteps.looped(i -> widened(kept.get(i)), range, FcnTagger.TAIL_STEPS), 0);
    }

    private static float[] widened(short[] half) {
        float[] out = new float[half.length];
        for (int i = 0; i < half.length; i++) {
            out[i] = Float.intBitsToFloat(half[i] << 16);
        }
        return out;
    }
}
