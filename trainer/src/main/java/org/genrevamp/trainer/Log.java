package org.genrevamp.trainer;

/** Diagnostics on stderr, prefixed {@code genre-trainer:}; stdout carries only results. */
final class Log {
    private Log() {
    }

    static void info(String message) {
        System.err.println("genre-trainer: " + message);
    }

    static void warn(String message) {
        System.err.println("genre-trainer: warning: " + message);
    }
}
