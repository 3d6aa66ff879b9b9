package org.genrevamp.annotate;

import java.util.Arrays;
import java.util.List;
import org.genrevamp.dsp.MelConfig;
import org.genrevamp.model.transfer.BackboneStream;

/**
 * A tagger's windows over one file, collected as the plugin's {@code tracktags} output and the batch's
 * rows both summarise them: each window once (a stream's end-aligned tail can repeat the tagger's last
 * window when only another network had steps left), stamped at the centre of its real frames, and
 * averaged by the time each stands for ({@link TrackSummary}).
 */
public final class TagTrack {

    /** The tagger's streamed window: the CRNN's 18 steps of 96 frames (27.6 s at 16 kHz). */
    public static final int WINDOW_FRAMES = 18 * BackboneStream.STRIDE_FRAMES;

    private final WindowPlan plan;
    private final int tags;
    private final ProbabilityTrack track;
    private long lastFirstFrame = -1;

    /**
     * @param plan the tagger's windows ({@link #plan})
     * @param tags how many tags the tagger has: the last values of each window's joined output
     */
    public TagTrack(WindowPlan plan, int tags) {
        this.plan = plan;
        this.tags = tags;
        this.track = new ProbabilityTrack(tags);
    }

    /** Windows of the tagger's length every {@code hopSeconds}, in whole 96-frame steps, at most a window apart. */
    public static WindowPlan plan(double sampleRate, double hopSeconds) {
        MelConfig config = MelConfig.torchaudioTagger();
        double maxHop = WINDOW_FRAMES * config.hopSecondsAt(sampleRate);
        return GenreAnnotator.plan(WINDOW_FRAMES, config, sampleRate, Math.min(hopSeconds, maxHop));
    }

    public WindowPlan plan() {
        return plan;
    }

    /**
     * Adds one window of the tagger's output ({@code Backbones.joined}: embedding, then the tags).
     *
     * @param firstFrame the tagger's window's first frame
     * @param realFrames frames of real audio in the window (the tagger's part is at most {@link #WINDOW_FRAMES})
     * @return the window's tags, or null for a window already added
     */
    public float[] add(long firstFrame, int realFrames, float[] joined) {
        if (firstFrame <= lastFirstFrame) {
            return null;
        }
        lastFirstFrame = firstFrame;
        float[] windowTags = Arrays.copyOfRange(joined, joined.length - tags, joined.length);
        track.add(plan.frameCentreSeconds(firstFrame + (Math.min(realFrames, WINDOW_FRAMES) - 1) / 2.0), windowTags);
        return windowTags;
    }

    /** Where the whole-file feature ends: the file's end, or the last window's centre if that is later. */
    public double endSeconds(double durationSeconds) {
        double[] centres = track.centres();
        return centres.length == 0 ? durationSeconds : Math.max(durationSeconds, centres[centres.length - 1]);
    }

    /**
     * The whole file's tags, naming the top {@code named} in the label; null when no window came or the
     * file has no duration.
     */
    public TrackSummary summary(double durationSeconds, List<String> names, int named) {
        if (track.size() == 0 || durationSeconds <= 0) {
            return null;
        }
        return TrackSummary.of(track, endSeconds(durationSeconds), names, named);
    }

    public void clear() {
        lastFirstFrame = -1;
        track.clear();
    }
}
