package org.genrevamp.vamp.host;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One run of a host program: exit code, stdout, stderr. Output goes to files, not pipes, so a
 * chatty host can never block on a full pipe.
 *
 * @param exitCode the process's exit status
 * @param stdout   everything it printed on stdout
 * @param stderr   everything it printed on stderr
 */
record HostRun(int exitCode, String stdout, String stderr) {

    /** Where the build put things (system properties set by the native module's pom). */
    static final Path VAMP_DIR = Path.of(System.getProperty("genrevamp.vampDir", "../target/vamp"));
    static final Path TEST_HOST = Path.of(System.getProperty("genrevamp.testHost", "target/test-host"));
    static final Path LIBRARY = VAMP_DIR.resolve("genre-vamp.so");
    static final Path JAVA_HOME = Path.of(System.getProperty("genrevamp.javaHome", System.getProperty("java.home")));

    /**
     * Runs {@code command} with the environment adjusted by {@code environment}; VAMP_PATH names only
     * the built plugin directory unless the adjuster changes it.
     */
    static HostRun run(List<String> command, Consumer<Map<String, String>> environment) {
        try {
            Path out = Files.createTempFile("genre-vamp-host", ".out");
            Path err = Files.createTempFile("genre-vamp-host", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                builder.environment().put("VAMP_PATH", VAMP_DIR.toString());
                builder.environment().remove("GENRE_VAMP_TEST_THROW");
                builder.environment().remove("GENRE_VAMP_JAVA_OPTS");
                builder.environment().remove("GENRE_VAMP_JVM");
                builder.environment().putAll(org.genrevamp.hosts.HostModel.environment());
                environment.accept(builder.environment());
                Process process = builder.start();
                assertTrue(process.waitFor(300, TimeUnit.SECONDS), "timed out: " + command);
                return new HostRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        }
    }

    static HostRun run(String... command) {
        return run(List.of(command), env -> { });
    }

    /** The lines genre-vamp itself wrote on stderr. */
    List<String> pluginMessages() {
        return stderr.lines().filter(l -> l.startsWith("genre-vamp:")).toList();
    }

    boolean hostSurvived() {
        return stdout.contains("host-alive");
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr;
    }
}
