package org.genrevamp.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * ND4J 1.0.0-M2.1's SameDiff prints {@code Added differentiated op NAME} on stdout for every op of a
 * graph it differentiates (the GRU's training path: ~50 lines). For test classes that train one: each
 * test's stdout is captured and passed on without those lines. Use with
 * {@code @ExtendWith(SameDiffChatter.class)}.
 */
public final class SameDiffChatter implements BeforeEachCallback, AfterEachCallback {

    private static final String CHATTER = "Added differentiated op ";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SameDiffChatter.class);

    private record Capture(PrintStream original, ByteArrayOutputStream bytes) {
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        context.getStore(NAMESPACE).put(Capture.class, new Capture(System.out, bytes));
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Capture capture = context.getStore(NAMESPACE).remove(Capture.class, Capture.class);
        System.out.flush();
        System.setOut(capture.original());
        capture.bytes().toString(StandardCharsets.UTF_8).lines()
                .filter(line -> !line.startsWith(CHATTER))
                .forEach(capture.original()::println);
    }
}
