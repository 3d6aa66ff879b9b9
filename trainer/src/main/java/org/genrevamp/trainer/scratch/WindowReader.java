package org.genrevamp.trainer.scratch;

import java.util.List;

/** Copies planned windows out of the memory-mapped cache into batch arrays. */
final class WindowReader {
    private final SpectrogramCache cache;
    private final int windowFrames;

    WindowReader(SpectrogramCache cache, int windowFrames) {
        this.cache = cache;
        this.windowFrames = windowFrames;
    }

    /** Windows {@code [from, to)} of {@code plan} as {@code [to - from][windowFrames][melBands]} dB. */
    float[][][] read(List<WindowPlan.Window> plan, int from, int to) {
        float[][][] batch = new float[to - from][windowFrames][cache.melBands()];
        List<SpectrogramCache.Entry> entries = cache.entries();
        for (int i = from; i < to; i++) {
            WindowPlan.Window w = plan.get(i);
            cache.readFrames(entries.get(w.entry()), w.start(), windowFrames, batch[i - from]);
        }
        return batch;
    }
}
