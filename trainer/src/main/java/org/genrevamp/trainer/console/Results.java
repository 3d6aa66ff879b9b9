package org.genrevamp.trainer.console;

import java.io.PrintStream;

/**
 * The stream results are printed on. {@code GenreTrainer.main} keeps the real stdout here and points
 * {@code System.out} at stderr, because libraries print progress chatter on stdout (SameDiff's
 * "Added differentiated op" lines while building a GRU's gradient) and stdout is for results.
 */
public final class Results {
    private static PrintStream out = System.out;

    private Results() {
    }

    public static PrintStream out() {
        return out;
    }

    /** From now on only {@link #out()} reaches the real stdout; {@code System.out} goes to stderr. */
    public static void reserveStdout() {
        out = System.out;
        System.setOut(System.err);
    }
}
