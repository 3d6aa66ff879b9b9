package org.genrevamp.annotate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.genrevamp.model.transfer.BackboneStream;
import org.genrevamp.model.transfer.TransferModel;

/**
 * Genre probabilities of a stretch of a signal from its own audio: the head on the mean of the backbone
 * features of the streamed windows that lie wholly inside the stretch; a stretch that holds no whole
 * window (shorter than a network window, 29 s) gets one window of its own frames, looped as a short
 * clip is ({@link CompactFrames#looped}). No window that crosses the stretch's ends takes part. The
 * features are the ones the stream already computed (one vector per hop), so labelling a long stretch
 * costs one head pass; a short one costs one pass of the backbones (as much as streaming 29 s). Two
 * neighbours joined into a stretch that still holds no whole window are labelled from their features'
 * duration-weighted mean ({@link #join}), not from another backbone pass. Results are cached per stretch.
 */
final class SegmentLabeller {

    /**
     * One labelled stretch of frames {@code [from, to)}.
     *
     * @param features      the pooled head features the probabilities come from
     * @param probabilities one per label
     * @param firstWindow   the first streamed window pooled, or -1 when the stretch got a window of its own
     * @param windowCount   streamed windows pooled (1 for a window of its own)
     */
    record Span(long from, long to, float[] features, float[] probabilities, int firstWindow, int windowCount) {
        int top() {
            int best = 0;
            for (int g = 1; g < probabilities.length; g++) {
                if (probabilities[g] > probabilities[best]) {
                    best = g;
                }
            }
            return best;
        }
    }

    /** One streamed window: frames {@code [firstFrame, firstFrame + frames)} and its head features. */
    private record Window(long firstFrame, int frames, float[] features) {
    }

    private final TransferModel model;
    private final CompactFrames frames;
    private final List<Window> windows = new ArrayList<>();
    private final Map<List<Long>, Span> cache = new HashMap<>();
    private int ownWindows;

    SegmentLabeller(TransferModel model, CompactFrames frames) {
        this.model = model;
        this.frames = frames;
    }

    /** A streamed window's backbone features (windows arrive in time order). */
    void window(long firstFrame, int frames, float[] features) {
        windows.add(new Window(firstFrame, frames, features));
    }

    int windowCount() {
        return windows.size();
    }

    /** Frames {@code [from, to)}, labelled (to is clipped to the frames held). */
    Span label(long from, long to) {
        return cache.computeIfAbsent(List.of(from, to), k -> compute(from, Math.min(to, frames.size())));
    }

    /**
     * Neighbours {@code a} and {@code b} as one stretch: pooled from the windows inside it when it holds
     * any, else the head on the duration-weighted mean of their features.
     */
    Span join(Span a, Span b) {
        Span pooled = pooled(a.from(), Math.min(b.to(), frames.size()));
        if (pooled != null) {
            return pooled;
        }
        return cache.computeIfAbsent(List.of(a.from(), b.to()), k -> {
            double wa = a.to() - a.from();
            double wb = b.to() - b.from();
            float[] mean = new float[a.features().length];
            for (int i = 0; i < mean.length; i++) {
                mean[i] = (float) ((wa * a.features()[i] + wb * b.features()[i]) / (wa + wb));
            }
            return new Span(a.from(), b.to(), mean, model.predictFeatures(mean), -1, a.windowCount() + b.windowCount());
        });
    }

    /** Own-window backbone passes so far (benchmarks: the labelling's cost). */
    int ownWindows() {
        return ownWindows;
    }

    void clear() {
        windows.clear();
        cache.clear();
        ownWindows = 0;
    }

    private Span compute(long from, long to) {
        Span pooled = pooled(from, to);
        if (pooled != null) {
            return pooled;
        }
        ownWindows++;
        float[] features = ownWindowFeatures(frames.looped(from, Math.max(to, from + 1), model.backbones().windowFrames()));
        return new Span(from, to, features, model.predictFeatures(features), -1, 1);
    }

    /**
     * The backbones' features of one window of frames, through a {@link BackboneStream}: each trunk in
     * chunks as the stream runs them, not one whole-window forward pass of every network (whose large
     * im2col arrays page-fault, README Speed); the stream's first window is the window. Measured on the
     * loaded shared machine, default model, 1 thread, third of three runs: 12.3 s against 14.9 s for the
     * whole-window pass, the same probabilities to 1e-4.
     */
    private float[] ownWindowFeatures(float[][] window) {
        float[][] first = new float[1][];
        BackboneStream stream = new BackboneStream(model.backbones(), 1, w -> {
            if (first[0] == null) {
                first[0] = model.backbones().features(w.outputs());
            }
        });
        for (float[] frame : window) {
            stream.accept(frame);
        }
        stream.finish();
        return first[0];
    }

    /** The head on the mean features of the streamed windows inside {@code [from, to)}; null when none lies inside. */
    private Span pooled(long from, long to) {
        float[] sum = null;
        int first = -1;
        int count = 0;
        for (int i = 0; i < windows.size(); i++) {
            Window w = windows.get(i);
            if (w.firstFrame() >= from && w.firstFrame() + w.frames() <= to) {
                if (sum == null) {
                    sum = new float[w.features().length];
                    first = i;
                }
                for (int k = 0; k < sum.length; k++) {
                    sum[k] += w.features()[k];
                }
                count++;
            }
        }
        if (count == 0) {
            return null;
        }
        for (int k = 0; k < sum.length; k++) {
            sum[k] /= count;
        }
        return new Span(from, to, sum, model.predictFeatures(sum), first, count);
    }
}
