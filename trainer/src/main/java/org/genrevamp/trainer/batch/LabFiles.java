package org.genrevamp.trainer.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code .lab} files of the segments, in a tree under a root that mirrors the audio's absolute paths
 * ({@code /music/a/song.mp3} -> {@code ROOT/music/a/song.lab}): one {@code start<TAB>end<TAB>genre}
 * line per segment, seconds with six decimals, as sonic-annotator's lab writer lays them out.
 */
final class LabFiles {

    private LabFiles() {
    }

    /** Where the lab file of {@code audio} goes under {@code root}. */
    static Path labPath(Path root, String audio) {
        Path absolute = Path.of(audio).toAbsolutePath().normalize();
        Path relative = absolute.getRoot() == null ? absolute : absolute.getRoot().relativize(absolute);
        String name = relative.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return root.resolve(relative).resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".lab");
    }

    /** Writes the lab file of an annotated track (atomically: a temporary file renamed into place). */
    static void write(Path root, TrackResult track) throws IOException {
        Path lab = labPath(root, track.path());
        Files.createDirectories(lab.getParent());
        StringBuilder text = new StringBuilder();
        for (TrackResult.Segment s : track.segments()) {
            text.append(String.format(Locale.ROOT, "%.6f\t%.6f\t%s%n", s.start(), s.end(), s.genre()));
        }
        Path tmp = Files.createTempFile(lab.getParent(), ".lab", ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, lab, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
