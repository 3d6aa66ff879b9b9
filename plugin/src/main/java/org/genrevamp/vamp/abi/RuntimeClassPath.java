package org.genrevamp.vamp.abi;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.genrevamp.vamp.Diagnostics;

/**
 * Completes the class path after start-up. genre-vamp.so starts the JVM with only the plugin and JNA
 * jars, because JNA's first use initialises java.util.logging, which scans every jar on the class
 * path for a logger service: with the ~40 engine jars (DL4J, ND4J, ...) on it, that scan alone was a
 * large share of the host's start-up. The engine jars ({@code -Dgenrevamp.lib=DIR}) are appended to
 * the application class loader here, once, before any plugin instance exists. Without the property
 * (tests, a JVM the host started) the class path is already complete and this does nothing.
 */
final class RuntimeClassPath {

    static final String LIB_PROPERTY = "genrevamp.lib";
    private static boolean complete;

    private RuntimeClassPath() {
    }

    static synchronized void complete() {
        String lib = System.getProperty(LIB_PROPERTY);
        if (complete || lib == null) {
            return;
        }
        complete = true;
        ClassLoader app = ClassLoader.getSystemClassLoader();
        try (Stream<Path> jars = Files.list(Path.of(lib))) {
            // the supported way needs a Java agent; this is the method instrumentation itself calls
            // (opened to us by --add-opens java.base/jdk.internal.loader in genre-vamp.so)
            Method append = app.getClass().getDeclaredMethod("appendToClassPathForInstrumentation", String.class);
            append.setAccessible(true);
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                append.invoke(app, jar.toString());
            }
        } catch (IOException | ReflectiveOperationException | RuntimeException e) {
            Diagnostics.warn("RuntimeClassPath.complete", "cannot add the engine jars in " + lib + ": "
                    + Diagnostics.describe(e));
        }
    }
}
