package org.genrevamp.model.transfer;

import java.util.List;
import java.util.function.IntFunction;

/**
 * Which of a stream's kept units (trunk steps, musicnn tiles) label a stretch of frames, and the looped
 * window made of them: the units that lie wholly inside the stretch, so nothing from a neighbouring
 * segment decides its label; a stretch too short to hold one gets the unit at its middle.
 */
final class SpanSteps {

    private SpanSteps() {
    }

    /**
     * Units {@code [first, end)} inside frames {@code [from, to)}, unit i covering frames
     * {@code [i · stride, i · stride + span)}; when none lies inside, the one whose centre is nearest the
     * stretch's middle.
     *
     * @param available units kept (0, 1, …, available − 1)
     * @return {first, end}, or null when none is kept
     */
    static int[] inside(long from, long to, int stride, int span, int available) {
        if (available == 0) {
            return null;
        }
        int first = (int) Math.min(available, Math.max(0, Math.floorDiv(from + stride - 1, stride)));
        int end = (int) Math.min(available, Math.max(0, Math.floorDiv(to - span, stride) + 1));
        if (first < end) {
            return new int[] {first, end};
        }
        long middle = (from + to) / 2 - span / 2;
        int nearest = (int) Math.min(available - 1, Math.max(0, Math.round((double) middle / stride)));
        return new int[] {nearest, nearest + 1};
    }

    /** Units {@code [first, end)} repeated cyclically to {@code length} (loop, not pad, as short clips are). */
    static float[][] looped(IntFunction<float[]> unit, int[] range, int length) {
        float[][] out = new float[length][];
        int n = range[1] - range[0];
        for (int t = 0; t < length; t++) {
            out[t] = t < n ? unit.apply(range[0] + t) : out[t % n];
        }
        return out;
    }

    /** {@link #looped} of a list. */
    static float[][] looped(List<float[]> units, int[] range, int length) {
        return looped(units::get, range, length);
    }
}
