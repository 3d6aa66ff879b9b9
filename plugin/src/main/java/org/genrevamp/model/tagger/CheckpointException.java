package org.genrevamp.model.tagger;

/**
 * A PyTorch checkpoint that cannot be read or is refused (malformed, truncated, or naming code the
 * restricted reader does not allow). The message always starts with {@code "checkpoint <source>: "}
 * so that a log line says which file was at fault.
 */
public final class CheckpointException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param source the file or resource name; @param problem what is wrong, and where (byte offset) */
    public CheckpointException(String source, String problem) {
        super("checkpoint " + source + ": " + problem);
    }

    /** As {@link #CheckpointException(String, String)}, keeping the I/O failure as the cause. */
    public CheckpointException(String source, String problem, Throwable cause) {
        super("checkpoint " + source + ": " + problem, cause);
    }
}
