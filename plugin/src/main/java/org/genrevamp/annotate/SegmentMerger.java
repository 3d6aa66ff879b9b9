package org.genrevamp.annotate;

import java.util.ArrayList;
import java.util.List;

/**
 * Candidate segments → genre regions: candidates closer together than the minimum segment thinned
 * (the earlier kept), each candidate segment labelled from its own audio
 * ({@link SegmentLabeller}); neighbours with the same genre merged and the merged stretch labelled
 * again ({@link SegmentLabeller#join}: its windows then include those across the dropped candidate
 * change, which lay in one genre);
 * stretches shorter than the minimum segment joined to the neighbour they rate more probable and
 * labelled again; last, regions whose genre's probability is under the unknown threshold named
 * {@code unknown} (neighbouring unknown regions joined). Repeats until nothing changes.
 */
final class SegmentMerger {

    private final SegmentLabeller labeller;
    private final List<String> labels;

    SegmentMerger(SegmentLabeller labeller, List<String> labels) {
        this.labeller = labeller;
        this.labels = labels;
    }

    /**
     * @param cuts            candidate change frames, increasing, inside (0, endFrame)
     * @param endFrame        frames of the signal
     * @param frameSeconds    seconds per frame
     * @param durationSeconds where the last region ends
     */
    List<GenreRegion> regions(int[] cuts, long endFrame, double frameSeconds, double durationSeconds,
                              SegmenterParams params) {
        long minFrames = Math.round(params.minSegmentSeconds() / frameSeconds);
        List<SegmentLabeller.Span> spans = new ArrayList<>();
        long start = 0;
        for (long cut : cuts) {
            // a candidate closer than the minimum segment to the last one or to the end is dropped
            // unlabelled: the stretch it would bound is too short to stand as a region
            if (cut - start >= Math.max(1, minFrames) && endFrame - cut >= Math.max(1, minFrames)) {
                spans.add(labeller.label(start, cut));
                start = cut;
            }
        }
        spans.add(labeller.label(start, endFrame));
        boolean changed = true;
        while (changed && spans.size() > 1) {
            changed = mergeSameGenre(spans) || joinShortest(spans, minFrames);
        }
        return named(spans, frameSeconds, durationSeconds, params.unknownThreshold());
    }

    private boolean mergeSameGenre(List<SegmentLabeller.Span> spans) {
        for (int i = 0; i + 1 < spans.size(); i++) {
            if (spans.get(i).top() == spans.get(i + 1).top()) {
                join(spans, i);
                return true;
            }
        }
        return false;
    }

    /** Joins the shortest stretch under the minimum to the neighbour whose genre it rates more probable. */
    private boolean joinShortest(List<SegmentLabeller.Span> spans, long minFrames) {
        int shortest = -1;
        for (int i = 0; i < spans.size(); i++) {
            long length = spans.get(i).to() - spans.get(i).from();
            if (length < minFrames && (shortest < 0 || length < spans.get(shortest).to() - spans.get(shortest).from())) {
                shortest = i;
            }
        }
        if (shortest < 0) {
            return false;
        }
        float[] p = spans.get(shortest).probabilities();
        boolean left = shortest == spans.size() - 1
                || shortest > 0 && p[spans.get(shortest - 1).top()] >= p[spans.get(shortest + 1).top()];
        join(spans, left ? shortest - 1 : shortest);
        return true;
    }

    /** Replaces spans i and i + 1 by their union, labelled again. */
    private void join(List<SegmentLabeller.Span> spans, int i) {
        SegmentLabeller.Span merged = labeller.join(spans.get(i), spans.get(i + 1));
        spans.remove(i + 1);
        spans.set(i, merged);
    }

    private List<GenreRegion> named(List<SegmentLabeller.Span> spans, double frameSeconds, double durationSeconds,
                                    double unknownThreshold) {
        List<GenreRegion> out = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            SegmentLabeller.Span s = spans.get(i);
            double start = i == 0 ? 0 : s.from() * frameSeconds;
            double end = i == spans.size() - 1 ? durationSeconds : s.to() * frameSeconds;
            int top = s.top();
            double p = s.probabilities()[top];
            boolean unknown = p < unknownThreshold;
            GenreRegion region = new GenreRegion(start, end - start, unknown ? GenreSegmenter.UNKNOWN_INDEX : top,
                    unknown ? GenreSegmenter.UNKNOWN_LABEL : labels.get(top), p, s.firstWindow(), s.windowCount());
            GenreRegion last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (unknown && last != null && last.unknown()) {
                // one unknown region: the longer-weighted mean of the two top probabilities
                double d = last.durationSeconds() + region.durationSeconds();
                double mean = (last.meanProbability() * last.durationSeconds() + p * region.durationSeconds()) / d;
                out.set(out.size() - 1, new GenreRegion(last.startSeconds(), d, last.genreIndex(), last.label(), mean,
                        last.firstWindow(), last.windowCount() + region.windowCount()));
            } else {
                out.add(region);
            }
        }
        return out;
    }
}
