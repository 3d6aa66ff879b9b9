package org.genrevamp.testing;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For test classes that provoke the plugin's {@code genre-vamp: …} stderr lines on purpose (missing or
 * broken bundles, refused parameters): each test's stderr is captured, its {@code genre-vamp:} lines go to
 * {@value #LOG} (named by test) instead of the console, where a green build would otherwise show them
 * as if something had failed; every other line is passed on to the console unchanged. Use with
 * {@code @ExtendWith(ExpectedDiagnostics.class)}.
 */
public final class ExpectedDiagnostics extends CapturedStream {

    /** Where the expected lines go, relative to the module's directory. */
    public static final String LOG = "target/expected-diagnostics.log";
    private static final String PREFIX = "genre-vamp:";

    @Override
    PrintStream current() {
        return System.err;
    }

    @Override
    void replace(PrintStream stream) {
        System.setErr(stream);
    }

    @Override
    void release(String text, PrintStream original, ExtensionContext context) throws IOException {
        StringBuilder expected = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith(PREFIX)) {
                expected.append(context.getDisplayName().isEmpty() ? "" : context.getRequiredTestClass().getSimpleName()
                        + "." + context.getDisplayName() + ": ").append(line).append('\n');
            } else if (!line.isEmpty()) {
                original.println(line);
            }
        }
        if (expected.length() > 0) {
            Path log = Path.of(LOG);
            Files.createDirectories(log.getParent());
            Files.writeString(log, expected, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }
}
