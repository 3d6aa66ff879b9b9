package org.genrevamp.annotate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.genrevamp.model.transfer.TransferModel;

/**
 * Genre probabilities of a stretch of a signal from its own audio: the head on the mean of the backbone
 * features of the streamed windows that lie wholly inside the stretch; a stretch that holds no whole
 * window (shorter than a network window, 29 s) is labelled from the trunk steps and tiles the stream kept
 * inside it ({@link SegmentedTrack.SpanSource}: each network's head over them, looped to a window, as a short clip is
 * looped). No window that crosses the stretch's ends takes part. Both reuse what the streaming pass
 * computed: a long stretch costs one genre-head pass, a short one the networks' heads over one window
 * (no trunk runs again). Two neighbours joined into a stretch that still holds no whole window are
 * labelled from their features' duration-weighted mean ({@link #join}). Results are cached per stretch.
 */
final class SegmentLabeller {

    /**
     * One labelled stretch of frames {@code [from, to)}.
     *
     * @param features      the pooled head features the probabilities come from
     * @param probabilities one per label
     * @param firstWindow   the first streamed window pooled, or -1 when the stretch was labelled from its kept steps
     * @param windowCount   streamed windows pooled (1 for a stretch labelled from its kept steps)
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
    private final SegmentedTrack.SpanSource spans;
    private final LongSupplier frameCount;
    private final List<Window> windows = new ArrayList<>();
    private final Map<List<Long>, Span> cache = new HashMap<>();
    private int shortSpans;

    /** @param frameCount frames of the signal so far */
    SegmentLabeller(TransferModel model, SegmentedTrack.SpanSource spans, LongSupplier frameCount) {
        this.model = model;
        this.spans = spans;
        this.frameCount = frameCount;
    }

    /** A streamed window's backbone features (windows arrive in time order). */
    void window(long firstFrame, int frames, float[] features) {
        windows.add(new Window(firstFrame, frames, features));
    }

    int windowCount() {
        return windows.size();
    }

    /** The first frame of streamed window {@code i}. */
    long windowStart(int i) {
        return windows.get(i).firstFrame();
    }

    /** Every streamed window's head features, in time order (the rejected change detector reads them). */
    float[][] windowFeatures() {
        return windows.stream().map(Window::features).toArray(float[][]::new);
    }

    /** Frames {@code [from, to)}, labelled (to is clipped to the frames so far). */
    Span label(long from, long to) {
        return cache.computeIfAbsent(List.of(from, to), k -> compute(from, Math.min(to, frameCount.getAsLong())));
    }

    /**
     * Neighbours {@code a} and {@code b} as one stretch: pooled from the windows inside it when it holds
     * any, else the head on the duration-weighted mean of their features.
     */
    Span join(Span a, Span b) {
        Span pooled = pooled(a.from(), Math.min(b.to(), frameCount.getAsLong()));
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

    /** Stretches labelled from their kept steps so far (benchmarks: how often the short path ran). */
    int shortSpans() {
        return shortSpans;
    }

    void clear() {
        windows.clear();
        cache.clear();
        shortSpans = 0;
    }

    private Span compute(long from, long to) {
        Span pooled = pooled(from, to);
        if (pooled != null) {
            return pooled;
        }
        shortSpans++;
        List<float[]> outputs = spans.outputs(from, Math.max(to, from + 1));
        float[] features = outputs != null ? model.backbones().features(outputs) : nearestWindow(from, to).features();
        return new Span(from, to, features, model.predictFeatures(features), -1, 1);
    }

    /** The streamed window whose middle is nearest the stretch's (a stream too short to keep a step). */
    private Window nearestWindow(long from, long to) {
        Window best = windows.get(0);
        for (Window w : windows) {
            if (Math.abs(2 * w.firstFrame() + w.frames() - from - to)
                    < Math.abs(2 * best.firstFrame() + best.frames() - from - to)) {
                best = w;
            }
        }
        return best;
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
