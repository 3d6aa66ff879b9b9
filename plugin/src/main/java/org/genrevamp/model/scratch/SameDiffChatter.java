package org.genrevamp.model.scratch;

import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * Keeps SameDiff's gradient-building chatter off stdout. In 1.0.0-M2.1
 * {@code SameDiff.createGradFunction} prints one "Added differentiated op ..." line per op straight
 * to {@code System.out} (not through a logger) the first time a SameDiff layer backpropagates;
 * stdout belongs to the host or to the trainer's results. While the given action runs, {@code System.out}
 * drops exactly those lines and passes everything else through.
 */
final class SameDiffChatter {

    private static final String CHATTER = "Added differentiated op";

    private SameDiffChatter() {
    }

    static synchronized <T> T muted(Supplier<T> action) {
        PrintStream original = System.out;
        PrintStream filtered = new PrintStream(original, true) {
            @Override
            public void println(String line) {
                if (line == null || !line.startsWith(CHATTER)) {
                    super.println(line);
                }
            }
        };
        System.setOut(filtered);
        try {
            return action.get();
        } finally {
            if (System.out == filtered) {
                System.setOut(original);
            }
        }
    }
}
