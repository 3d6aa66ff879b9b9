package org.genrevamp.testing;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * What native code (libnd4j's {@code printf}s) writes to file descriptors 1 and 2 while a test provokes
 * it on purpose: captured into a file, so that the test can assert it, instead of reaching the build log
 * (where surefire, whose fork talks to Maven over stdout, reports it as a corrupted channel). The
 * descriptors are swapped with {@code dup2} around {@code action} and C's stdio buffers flushed on both
 * sides; Java's own {@code System.out}/{@code System.err} are left alone, so nothing else in the JVM
 * should print meanwhile.
 */
public final class NativeOutput {

    /** A result and the native text that came with it. */
    public record Captured<T>(T result, String text) {
    }

    private interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int dup(int fd);

        int dup2(int from, int to);

        int open(String path, int flags, int mode);

        int close(int fd);

        int fflush(Pointer stream);
    }

    private static final int O_WRONLY = 01;
    private static final int O_CREAT = 0100;
    private static final int O_TRUNC = 01000;

    private NativeOutput() {
    }

    /** Runs {@code action} with native stdout and stderr captured. */
    public static synchronized <T> Captured<T> capture(Supplier<T> action) throws IOException {
        LibC c = LibC.INSTANCE;
        Path file = Files.createTempFile("genre-vamp-native", ".txt");
        try {
            c.fflush(null);
            int savedOut = c.dup(1);
            int savedErr = c.dup(2);
            int target = c.open(file.toString(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
            if (savedOut < 0 || savedErr < 0 || target < 0) {
                throw new IOException("cannot redirect native output (dup/open failed)");
            }
            c.dup2(target, 1);
            c.dup2(target, 2);
            c.close(target);
            T result;
            try {
                result = action.get();
            } finally {
                c.fflush(null);
                c.dup2(savedOut, 1);
                c.dup2(savedErr, 2);
                c.close(savedOut);
                c.close(savedErr);
            }
            return new Captured<>(result, Files.readString(file, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
