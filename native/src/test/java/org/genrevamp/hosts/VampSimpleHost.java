package org.genrevamp.hosts;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs the Vamp SDK's {@code vamp-simple-host} (Debian package vamp-examples) on one audio file for one
 * output, under a hard timeout, and parses its stdout into {@link VampFeature}s. stdout and stderr are
 * kept in the work directory.
 */
public final class VampSimpleHost {
    private static final String EXECUTABLE = "vamp-simple-host";

    /** What one run gave: the process outcome and, when it exited 0, the parsed features. */
    public record Result(HostProcess.Outcome process, List<VampFeature> features) {
        public String diagnosis() {
            return "vamp-simple-host " + process.summary() + "\n  stderr tail:\n" + process.stderrTail(2000);
        }
    }

    /**
     * This JVM's successful runs, by what decides their output (output, file, environment): test classes
     * that compare the same run with another host (Sonic Visualiser) reuse it instead of starting a JVM,
     * loading the model and decoding the song again.
     */
    private static final Map<List<Object>, Result> SUCCESSFUL = new java.util.concurrent.ConcurrentHashMap<>();

    private final Path workDir;
    private final String vampPath;
    private final Map<String, String> extra = new java.util.HashMap<>();

    /**
     * @param workDir  where stdout/stderr files go; created if absent
     * @param vampPath the {@code VAMP_PATH} the host sees
     */
    public VampSimpleHost(Path workDir, String vampPath) {
        this.workDir = workDir.toAbsolutePath();
        this.vampPath = vampPath;
    }

    /** VAMP_PATH, the model ({@link HostModel}) and any extra variables set with {@link #with}. */
    private Map<String, String> environment() {
        Map<String, String> env = new java.util.HashMap<>(HostModel.environment());
        env.put("VAMP_PATH", vampPath);
        env.putAll(extra);
        return env;
    }

    /** This host with {@code name=value} added to its environment (e.g. another GENRE_VAMP_MODEL). */
    public VampSimpleHost with(String name, String value) {
        VampSimpleHost h = new VampSimpleHost(workDir, vampPath);
        h.extra.putAll(extra);
        h.extra.put(name, value);
        return h;
    }

    public static boolean available() {
        return HostProcess.onPath(EXECUTABLE) && HostProcess.onPath("setsid");
    }

    /** Makes the calling test SKIPPED when vamp-simple-host is absent. */
    public static void assumeAvailable() {
        assumeTrue(available(), "vamp-simple-host or setsid not on PATH: skipped");
    }

    /**
     * Runs {@code transformId} ({@code vamp:<library>:<plugin>:<output>}, or the host's own
     * {@code <library>:<plugin>:<output>}) over {@code audioFile}.
     *
     * @param binCount the output's values per feature, or -1 to read numbers up to the label
     * @return the outcome; features are empty when the host failed or timed out (see {@link Result#diagnosis()})
     * @throws IOException when the host cannot be started
     * @throws IllegalArgumentException when stdout holds a line that is not a feature
     */
    public Result run(Path audioFile, String transformId, int binCount, Duration timeout) throws IOException {
        String key = transformId.startsWith("vamp:") ? transformId.substring("vamp:".length()) : transformId;
        String name = "vamp-simple-host-" + key.replace(':', '_');
        List<String> command = List.of(EXECUTABLE, key, audioFile.toAbsolutePath().toString());
        List<Object> runKey = List.of(key, command.get(2), binCount, environment());
        Result earlier = SUCCESSFUL.get(runKey);
        if (earlier != null) {
            System.out.println("host run: " + HostProcess.shortForm(command) + " -> reused, files in "
                    + earlier.process().stdout().getParent());
            return earlier;
        }
        HostProcess.Outcome outcome = HostProcess.run(name, command, workDir, environment(), timeout);
        boolean ok = !outcome.timedOut() && outcome.exitCode() == 0;
        Result result = new Result(outcome, ok ? VampSimpleHostOutput.parse(outcome.stdoutText(), binCount) : List.of());
        if (ok) {
            SUCCESSFUL.put(runKey, result);
        }
        return result;
    }
}
