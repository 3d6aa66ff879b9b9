package org.genrevamp.annotate;

import org.genrevamp.dsp.MelConfig;

/**
 * Which spectrogram frames form each network input window, and where each window sits in time.
 *
 * <p>Regular window {@code k} is frames {@code [k * hopFrames, k * hopFrames + windowFrames)}.
 * Frame {@code j} is centred at {@code frameOffsetSeconds + j * frameHopSeconds} (offset 0 for
 * centred spectrograms). A window's centre is the mean of its frames' centres.
 *
 * <p>End of file (see {@link #spans(long)}): when frames remain after the last regular window,
 * one extra window ending at the last frame is added ({@code [F - windowFrames, F)}, real audio,
 * no padding), so every frame is seen by some window. A file with fewer than {@code windowFrames}
 * frames gets exactly one window made by repeating its frames cyclically (frame {@code j mod F}):
 * looping keeps the level, timbre and rhythm statistics the model was trained on, whereas reflecting
 * plays notes backwards and silence padding shifts the level the normaliser expects.
 *
 * <p>Suggested plugin defaults: window = the model bundle's {@code windowFrames()} (about 3 s),
 * hop = {@link #DEFAULT_HOP_SECONDS} (half a window: every instant is seen by two windows, and a
 * 60-minute file is ~2400 windows).
 *
 * @param windowFrames       frames per window, at least 1 (the model's input length)
 * @param hopFrames          frames between window starts, 1 .. windowFrames (windows overlap or abut)
 * @param frameHopSeconds    seconds between spectrogram frame centres ({@link MelConfig#hopSeconds()}), > 0
 * @param frameOffsetSeconds time of frame 0's centre in seconds, >= 0 (0 for centred frames)
 */
public record WindowPlan(int windowFrames, int hopFrames, double frameHopSeconds, double frameOffsetSeconds) {

    /** Suggested hop between windows in seconds. */
    public static final double DEFAULT_HOP_SECONDS = 1.5;

    public WindowPlan {
        require(windowFrames >= 1, "windowFrames must be >= 1, got " + windowFrames);
        require(hopFrames >= 1 && hopFrames <= windowFrames,
                "hopFrames must be in 1.." + windowFrames + " (windows may not leave gaps), got " + hopFrames);
        require(frameHopSeconds > 0 && Double.isFinite(frameHopSeconds), "frameHopSeconds must be > 0, got " + frameHopSeconds);
        require(frameOffsetSeconds >= 0 && Double.isFinite(frameOffsetSeconds),
                "frameOffsetSeconds must be >= 0, got " + frameOffsetSeconds);
    }

    /**
     * Plan from seconds: the hop is rounded to whole frames (at least 1, at most the window).
     *
     * @param windowFrames    frames per window (the model bundle's {@code windowFrames()})
     * @param hopSeconds      hop between windows in seconds, > 0
     * @param frameHopSeconds seconds between frame centres, > 0
     * @throws IllegalArgumentException on non-positive or non-finite arguments
     */
    public static WindowPlan of(int windowFrames, double hopSeconds, double frameHopSeconds) {
        require(hopSeconds > 0 && Double.isFinite(hopSeconds), "hopSeconds must be > 0, got " + hopSeconds);
        require(frameHopSeconds > 0 && Double.isFinite(frameHopSeconds), "frameHopSeconds must be > 0, got " + frameHopSeconds);
        long hop = Math.round(hopSeconds / frameHopSeconds);
        int hopFrames = (int) Math.max(1, Math.min(windowFrames, hop));
        return new WindowPlan(windowFrames, hopFrames, frameHopSeconds, 0.0);
    }

    /**
     * Plan for the frames of {@code config} at its reference rate (see {@link #forMel(MelConfig, double, int, double)}).
     */
    public static WindowPlan forMel(MelConfig config, int windowFrames, double hopSeconds) {
        return forMel(config, config.sampleRate(), windowFrames, hopSeconds);
    }

    /**
     * Plan for the frames {@code config} gives at host rate {@code sampleRate}: frame hop
     * {@link MelConfig#hopSecondsAt} (whole samples, so timestamps fall on sample frames), frame 0 centred
     * at 0 s when {@code config.centred()}, else at half a frame.
     *
     * @see #of(int, double, double)
     */
    public static WindowPlan forMel(MelConfig config, double sampleRate, int windowFrames, double hopSeconds) {
        WindowPlan plan = of(windowFrames, hopSeconds, config.hopSecondsAt(sampleRate));
        double offset = config.centred() ? 0.0 : config.halfFrameSecondsAt(sampleRate);
        return new WindowPlan(plan.windowFrames, plan.hopFrames, plan.frameHopSeconds, offset);
    }

    /** Window length in seconds ({@code windowFrames * frameHopSeconds}). */
    public double windowSeconds() {
        return windowFrames * frameHopSeconds;
    }

    /** Hop between regular windows in seconds. */
    public double hopSeconds() {
        return hopFrames * frameHopSeconds;
    }

    /** Centre time in seconds of frame {@code frame}. */
    public double frameCentreSeconds(double frame) {
        return frameOffsetSeconds + frame * frameHopSeconds;
    }

    /** First frame of regular window {@code k} (k >= 0). */
    public long firstFrame(long k) {
        return k * hopFrames;
    }

    /** The regular window {@code k}: frames {@code [k*hopFrames, k*hopFrames + windowFrames)}. */
    public WindowSpan regular(int k) {
        long first = firstFrame(k);
        return new WindowSpan(k, first, windowFrames, frameCentreSeconds(first + (windowFrames - 1) / 2.0));
    }

    /**
     * The windows of a file with {@code totalFrames} frames, in order: the regular windows that fit,
     * then the end-aligned tail window when frames are left over, or one cyclically padded window
     * when the file is shorter than a window; none when {@code totalFrames == 0}.
     *
     * @throws IllegalArgumentException when {@code totalFrames < 0}
     */
    public WindowSpan[] spans(long totalFrames) {
        require(totalFrames >= 0, "totalFrames must be >= 0, got " + totalFrames);
        if (totalFrames == 0) {
            return new WindowSpan[0];
        }
        if (totalFrames < windowFrames) {
            return new WindowSpan[] {padded(0, (int) totalFrames)};
        }
        int regular = regularWindowCount(totalFrames);
        boolean tail = firstFrame(regular - 1) + windowFrames < totalFrames;
        WindowSpan[] spans = new WindowSpan[regular + (tail ? 1 : 0)];
        for (int k = 0; k < regular; k++) {
            spans[k] = regular(k);
        }
        if (tail) {
            spans[regular] = endAligned(regular, totalFrames);
        }
        return spans;
    }

    /** Number of regular windows that fit in {@code totalFrames} frames (0 when fewer than a window). */
    public int regularWindowCount(long totalFrames) {
        if (totalFrames < windowFrames) {
            return 0;
        }
        return Math.toIntExact((totalFrames - windowFrames) / hopFrames + 1);
    }

    /** Window {@code index} made of the last {@code windowFrames} of {@code totalFrames} frames. */
    WindowSpan endAligned(int index, long totalFrames) {
        long first = totalFrames - windowFrames;
        return new WindowSpan(index, first, windowFrames, frameCentreSeconds(first + (windowFrames - 1) / 2.0));
    }

    /** The single window of a file with {@code realFrames < windowFrames} frames, centred on them. */
    WindowSpan padded(int index, int realFrames) {
        return new WindowSpan(index, 0, realFrames, frameCentreSeconds((realFrames - 1) / 2.0));
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("WindowPlan: " + message);
        }
    }
}
