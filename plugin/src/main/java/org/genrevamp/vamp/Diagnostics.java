package org.genrevamp.vamp;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rate-limited diagnostics on stderr, as {@code genre-vamp: Class.method: reason}: one line per place
 * for the life of the process, so a callback that fails on every block cannot flood the host's log.
 * Stdout belongs to the host (hosts print results there), so nothing here ever writes to it.
 */
public final class Diagnostics {

    /** Lines printed per place before it goes quiet. */
    static final int LINES_PER_PLACE = 1;

    private static final ConcurrentHashMap<String, AtomicInteger> COUNTS = new ConcurrentHashMap<>();

    private Diagnostics() {
    }

    /** Prints {@code genre-vamp: place: reason} unless {@code place} has printed enough already. */
    public static void warn(String place, String reason) {
        int n = COUNTS.computeIfAbsent(place, k -> new AtomicInteger()).incrementAndGet();
        if (n <= LINES_PER_PLACE) {
            System.err.println("genre-vamp: " + place + ": " + reason);
            System.err.flush();
        }
    }

    /** A one-line description of a throwable: its class and message, and its cause's. */
    public static String describe(Throwable t) {
        StringBuilder text = new StringBuilder(t.getClass().getSimpleName());
        if (t.getMessage() != null) {
            text.append(": ").append(t.getMessage());
        }
        if (t.getCause() != null && t.getCause() != t) {
            text.append(" (caused by ").append(describe(t.getCause())).append(')');
        }
        return text.toString();
    }
}
