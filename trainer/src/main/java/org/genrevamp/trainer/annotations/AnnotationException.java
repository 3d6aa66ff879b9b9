package org.genrevamp.trainer.annotations;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A malformed or contradictory annotation file. The message is one line naming the file, the line
 * and, where there is one, the time: {@code song.lab line 3 (12.500 s): ...}.
 */
public final class AnnotationException extends IllegalArgumentException {

    public AnnotationException(Path file, int line, double seconds, String problem) {
        super(where(file, line, seconds) + ": " + problem);
    }

    public AnnotationException(Path file, int line, String problem) {
        this(file, line, Double.NaN, problem);
    }

    private static String where(Path file, int line, double seconds) {
        String at = file.getFileName() + " line " + line;
        return Double.isNaN(seconds) ? at : String.format(Locale.ROOT, "%s (%.3f s)", at, seconds);
    }
}
