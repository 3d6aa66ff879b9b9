package org.genrevamp.trainer.annotations;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * A labelled stretch of one audio file: the unit the transfer trainer cuts windows from. A whole-file
 * label (folder-per-label layout) is the region {@code [0, +Inf)}.
 *
 * @param file    the audio file
 * @param trackId the song it belongs to: every region of one file shares it, and splits are by song
 * @param start   start in seconds, >= 0
 * @param end     end in seconds, > start; {@code +Inf} = to the end of the file
 * @param label   the training label
 */
public record Region(Path file, String trackId, double start, double end, String label) {
    public Region {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(label, "label");
        if (!(start >= 0) || !(end > start)) {
            throw new IllegalArgumentException("Region: need 0 <= start < end, got " + start + ", " + end);
        }
    }

    /** The whole of {@code file}. */
    public static Region whole(Path file, String trackId, String label) {
        return new Region(file, trackId, 0, Double.POSITIVE_INFINITY, label);
    }

    public boolean isWholeFile() {
        return start == 0 && end == Double.POSITIVE_INFINITY;
    }

    /**
     * What names this region's windows in caches: the file's absolute normalised path (so a cache is
     * found again whichever relative path or working directory a later run uses), with the time span
     * unless the region is the whole file.
     */
    public String key() {
        String path = file.toAbsolutePath().normalize().toString();
        return isWholeFile() ? path : String.format(Locale.ROOT, "%s@%.3f-%.3f", path, start, end);
    }

    /**
     * The region's frames among a file's frames: {@code [round(start / hop), round(end / hop))},
     * clipped to the file; empty when the region starts after the file ends.
     */
    public float[][] frames(float[][] fileFrames, double hopSeconds) {
        int from = (int) Math.min(fileFrames.length, Math.round(start / hopSeconds));
        int to = end == Double.POSITIVE_INFINITY ? fileFrames.length
                : (int) Math.min(fileFrames.length, Math.round(end / hopSeconds));
        return java.util.Arrays.copyOfRange(fileFrames, from, Math.max(from, to));
    }
}
