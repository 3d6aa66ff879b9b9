package org.genrevamp.trainer.console;

/** Diagnostics on stderr, prefixed {@code genre-trainer:}; stdout carries only results. */
public final class Log {
    private Log() {
    }

    public static void info(String message) {
        System.err.println("genre-trainer: " + message);
    }

    public static void warn(String message) {
        System.err.println("genre-trainer: warning: " + message);
    }

    /** What stopped the command (it then exits non-zero). */
    public static void error(String message) {
        System.err.println("genre-trainer: error: " + message);
    }
}
