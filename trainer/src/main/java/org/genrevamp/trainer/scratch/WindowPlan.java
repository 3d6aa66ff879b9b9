package org.genrevamp.trainer.scratch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Which windows of which cached files a pass uses. A window is {@code windowFrames} consecutive
 * frames of one file; files shorter than a window were skipped by {@code prepare}.
 */
public final class WindowPlan {
    /** Frames {@code [start, start + windowFrames)} of cache entry {@code entry}. */
    public record Window(int entry, int start) {
    }

    private WindowPlan() {
    }

    /**
     * Training windows for one epoch: from each file as many random crops as it holds whole
     * windows (at least one), so longer files weigh in proportion to their length and a
     * different crop is seen each epoch; shuffled.
     */
    public static List<Window> randomCrops(List<SpectrogramCache.Entry> entries, List<Integer> which, int windowFrames,
                                           Random random) {
        List<Window> windows = new ArrayList<>();
        for (int i : which) {
            int frames = entries.get(i).frames();
            if (frames < windowFrames) {
                continue;
            }
            int count = Math.max(1, frames / windowFrames);
            for (int c = 0; c < count; c++) {
                windows.add(new Window(i, random.nextInt(frames - windowFrames + 1)));
            }
        }
        Collections.shuffle(windows, random);
        return windows;
    }

    /**
     * Evaluation windows: every file cut into consecutive non-overlapping windows from its start
     * (a tail shorter than a window is left out), in file order.
     */
    public static List<Window> tiles(List<SpectrogramCache.Entry> entries, List<Integer> which, int windowFrames) {
        List<Window> windows = new ArrayList<>();
        for (int i : which) {
            int frames = entries.get(i).frames();
            for (int start = 0; start + windowFrames <= frames; start += windowFrames) {
                windows.add(new Window(i, start));
            }
        }
        return windows;
    }

    /** Window start frames over a whole file of {@code frames} frames, as {@link #tiles} cuts it. */
    public static List<Integer> tileStarts(int frames, int windowFrames) {
        List<Integer> starts = new ArrayList<>();
        for (int start = 0; start + windowFrames <= frames; start += windowFrames) {
            starts.add(start);
        }
        return starts;
    }

    /**
     * The windows {@code evaluate} and the transfer trainer score a whole file with: consecutive
     * non-overlapping windows from its start ({@link #tileStarts}), or, for a file shorter than one
     * window, one window made by repeating its frames cyclically (looping keeps level, timbre and
     * rhythm statistics; the plugin does the same). Rows are shared with {@code frames}, not copied.
     *
     * @return at least one window when {@code frames} has at least one frame
     */
    public static List<float[][]> tilesOrLooped(float[][] frames, int windowFrames) {
        List<float[][]> windows = new ArrayList<>();
        for (int start : tileStarts(frames.length, windowFrames)) {
            windows.add(java.util.Arrays.copyOfRange(frames, start, start + windowFrames));
        }
        if (windows.isEmpty() && frames.length > 0) {
            float[][] looped = new float[windowFrames][];
            for (int i = 0; i < windowFrames; i++) {
                looped[i] = frames[i % frames.length];
            }
            windows.add(looped);
        }
        return windows;
    }
}
