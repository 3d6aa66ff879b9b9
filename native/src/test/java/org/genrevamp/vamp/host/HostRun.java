package org.genrevamp.vamp.host;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.genrevamp.hosts.HostModel;
import org.genrevamp.hosts.HostProcess;

/**
 * One run of a host program: exit code, stdout, stderr. Output goes to files, not pipes, so a
 * chatty host can never block on a full pipe.
 *
 * @param exitCode the process's exit status
 * @param stdout   everything it printed on stdout
 * @param stderr   everything it printed on stderr
 */
record HostRun(int exitCode, String stdout, String stderr) {

    private static final Duration TIMEOUT = Duration.ofSeconds(300);

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
            Path dir = Files.createTempDirectory("genre-vamp-host");
            try {
                HostProcess.Outcome outcome = HostProcess.run("host", command, dir, env -> {
                    env.put("VAMP_PATH", VAMP_DIR.toString());
                    env.remove("GENRE_VAMP_TEST_THROW");
                    env.remove("GENRE_VAMP_JAVA_OPTS");
                    env.remove("GENRE_VAMP_JVM");
                    env.putAll(HostModel.environment());
                    environment.accept(env);
                }, TIMEOUT);
                assertFalse(outcome.timedOut(), () -> "timed out: " + outcome.summary());
                return new HostRun(outcome.exitCode(), outcome.stdoutText(), outcome.stderrText());
            } finally {
                deleteTree(dir);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
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
