package org.genrevamp.audio;

import java.io.IOException;
import java.nio.file.Path;

/** An audio file could not be read or decoded. The message names the file and the reason. */
public class AudioReadException extends IOException {
    private static final long serialVersionUID = 1L;

    public AudioReadException(Path file, String reason) {
        super(file + ": " + reason);
    }

    public AudioReadException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
    }
}
