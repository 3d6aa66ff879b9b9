package org.genrevamp.model.bundle;

/** A model bundle that cannot be read or cannot be honoured; the message names the file and the reason. */
public class BundleException extends Exception {
    private static final long serialVersionUID = 1L;

    public BundleException(String message) {
        super(message);
    }

    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
