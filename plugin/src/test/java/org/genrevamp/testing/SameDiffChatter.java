package org.genrevamp.testing;

import java.io.PrintStream;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * ND4J 1.0.0-M2.1's SameDiff prints {@code Added differentiated op NAME} on stdout for every op of a
 * graph it differentiates (the GRU's training path: ~50 lines). For test classes that train one: each
 * test's stdout is captured and passed on without those lines. Use with
 * {@code @ExtendWith(SameDiffChatter.class)}.
 */
public final class SameDiffChatter extends CapturedStream {

    private static final String CHATTER = "Added differentiated op ";

    @Override
    PrintStream current() {
        return System.out;
    }

    @Override
    void replace(PrintStream stream) {
        System.setOut(stream);
    }

    @Override
    void release(String text, PrintStream original, ExtensionContext context) {
        text.lines().filter(line -> !line.startsWith(CHATTER)).forEach(original::println);
    }
}
