package org.genrevamp.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension that captures one standard stream for each test and, after it, restores the stream
 * and hands the captured text to {@link #release}: the shared part of {@link SameDiffChatter} (stdout)
 * and {@link ExpectedDiagnostics} (stderr), which differ only in what they pass on.
 */
public abstract class CapturedStream implements BeforeEachCallback, AfterEachCallback {

    private record Capture(PrintStream original, ByteArrayOutputStream bytes) {
    }

    /** The stream now ({@code System.out} or {@code System.err}). */
    abstract PrintStream current();

    /** Makes {@code stream} the captured stream ({@code System::setOut} or {@code System::setErr}). */
    abstract void replace(PrintStream stream);

    /** What the test wrote, after the original stream is back. */
    abstract void release(String text, PrintStream original, ExtensionContext context) throws IOException;

    private ExtensionContext.Namespace namespace() {
        return ExtensionContext.Namespace.create(getClass());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        context.getStore(namespace()).put(Capture.class, new Capture(current(), bytes));
        replace(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        Capture capture = context.getStore(namespace()).remove(Capture.class, Capture.class);
        current().flush();
        replace(capture.original());
        release(capture.bytes().toString(StandardCharsets.UTF_8), capture.original(), context);
    }
}
