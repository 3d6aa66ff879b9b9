package org.genrevamp.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For test classes that provoke the plugin's {@code genre-vamp: …} stderr lines on purpose (missing or
 * broken bundles, refused parameters): each test's stderr is captured, its {@code genre-vamp:} lines go to
 * {@value #LOG} (named by test) instead of the console, where a green build would otherwise show them
 * as if something had failed; every other line is passed on to the console unchanged. Use with
 * {@code @ExtendWith(ExpectedDiagnostics.class)}.
 */
public final class ExpectedDiagnostics implements BeforeEachCallback, AfterEachCallback {

    /** Where the expected lines go, relative to the module's directory. */
    public static final String LOG = "target/expected-diagnostics.log";
    private static final String PREFIX = "genre-vamp:";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ExpectedDiagnostics.class);

    private record Capture(PrintStream original, ByteArrayOutputStream bytes) {
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        context.getStore(NAMESPACE).put(Capture.class, new Capture(System.err, bytes));
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        Capture capture = context.getStore(NAMESPACE).remove(Capture.class, Capture.class);
        System.err.flush();
        System.setErr(capture.original());
        StringBuilder expected = new StringBuilder();
        for (String line : capture.bytes().toString(StandardCharsets.UTF_8).split("\n", -1)) {
            if (line.startsWith(PREFIX)) {
                expected.append(context.getDisplayName().isEmpty() ? "" : context.getRequiredTestClass().getSimpleName()
                        + "." + context.getDisplayName() + ": ").append(line).append('\n');
            } else if (!line.isEmpty()) {
                capture.original().println(line);
            }
        }
        if (expected.length() > 0) {
            Path log = Path.of(LOG);
            Files.createDirectories(log.getParent());
            Files.writeString(log, expected, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }
}
