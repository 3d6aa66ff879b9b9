package org.genrevamp.audio;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the sox command line, an independent codec to check ours against. Tests that use it are
 * skipped (assumption) where sox is not installed; CI installs it (with its mp3 format module).
 */
final class Sox {
    private Sox() {
    }

    /** Runs {@code sox args...} and returns its stdout; skips the test if sox cannot be started. */
    static byte[] run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sox", "-V1"));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            assumeTrue(false, "sox not installed: skipped (" + e.getMessage() + ")");
            throw e;
        }
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("sox timed out: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IOException("sox failed (" + process.exitValue() + "): " + command);
        }
        return out;
    }

    /** sox's decode of {@code file} as interleaved little-endian 32-bit floats (its own scaling). */
    static float[] decodeInterleaved(String file, String... trim) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(file, "-t", "f32", "-e", "floating-point", "-L", "-"));
        args.addAll(List.of(trim));
        ByteBuffer bytes = ByteBuffer.wrap(run(args.toArray(String[]::new))).order(ByteOrder.LITTLE_ENDIAN);
        float[] samples = new float[bytes.remaining() / 4];
        bytes.asFloatBuffer().get(samples);
        return samples;
    }
}
