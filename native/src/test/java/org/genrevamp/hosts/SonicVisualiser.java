package org.genrevamp.hosts;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Drives Sonic Visualiser 4.5 (the Debian package) headless: under {@code xvfb-run -a}, in its
 * {@code --osc-script} batch mode, with a private HOME so that nothing of the user's is read or
 * changed.
 *
 * <p>What a run does, as an OSC script (syntax: sonic-visualiser README_OSC.md, main/OSCHandler.cpp):
 * {@code /open <audio>}, {@code /transform <id>}, {@code /exportlayer <csv>}, {@code /exportimage <png>},
 * {@code /quit}. SV handles one message at a time and waits for file loading and running transforms
 * before the next one, so the export sees the finished layer.
 *
 * <p>Configuration written before each run ({@code $XDG_CONFIG_HOME/sonic-visualiser/Sonic Visualiser.conf}):
 * {@code [Preferences] network-permission-4.5.1=false} answers the first-run "Welcome" dialog that would
 * otherwise block forever (SV then opens an internal OSC queue without a network port, which is all
 * the script needs), and {@code show-splash=false}. Plugins run in SV's Piper helper process
 * ({@code /usr/lib/sonic-visualiser/piper-vamp-simple-server}), which inherits {@code VAMP_PATH}.
 * {@code VAMP_PATH} must be set: SV's default path lacks Debian's {@code /usr/lib/x86_64-linux-gnu/vamp}.
 *
 * <p>A failed transform opens a modal dialog that never closes: every run has a hard timeout that
 * kills the whole process group. Everything a run leaves (script, stdout, stderr, SV's own debug log,
 * exports) stays in the work directory for a person to read.
 */
public final class SonicVisualiser {
    /** The version whose settings keys and OSC behaviour this class was written against. */
    public static final String VERSION = "4.5.1";
    private static final String EXECUTABLE = "sonic-visualiser";

    /** Debian's multiarch Vamp directory, which SV's built-in default path does not contain. */
    public static final String SYSTEM_VAMP_PATH = "/usr/lib/x86_64-linux-gnu/vamp:/usr/lib/vamp:/usr/local/lib/vamp";

    /** What one run left behind. Files may be missing when SV failed: check before reading. */
    public record Result(HostProcess.Outcome process, Path workDir, Path script, Path debugLog, Path csv, Path png) {
        public boolean timedOut() {
            return process.timedOut();
        }

        public int exitCode() {
            return process.exitCode();
        }

        public String stderr() {
            return process.stderrText();
        }

        public boolean csvWritten() {
            return csv != null && isNonEmptyFile(csv);
        }

        public boolean pngWritten() {
            return png != null && isNonEmptyFile(png);
        }

        /**
         * Lines on stderr that name a failure (transform, plugin, export) or come from our plugin, for
         * assertion messages. (SV's many harmless WARNING lines are left out.)
         */
        public List<String> errorLines() {
            return process.stderrText().lines()
                    .filter(l -> l.startsWith("genre-vamp:") || l.contains("ERROR") || l.contains("failed")
                            || l.contains("Failed") || l.contains("Refusing") || l.contains("Unknown"))
                    .toList();
        }

        /** One paragraph saying what happened and where to look, for assertion messages. */
        public String diagnosis() {
            return "Sonic Visualiser " + process.summary() + "\n  work dir (script, logs, exports): " + workDir
                    + "\n  SV debug log: " + debugLog + "\n  csv " + (csvWritten() ? "written" : "MISSING") + ": " + csv
                    + "\n  png " + (pngWritten() ? "written" : "MISSING") + ": " + png
                    + "\n  error lines on stderr:\n    " + String.join("\n    ", errorLines());
        }
    }

    private final Path workDir;
    private final String vampPath;
    private final Map<String, String> extra = new java.util.HashMap<>();
    private final List<String> alongside = new ArrayList<>();

    /**
     * @param workDir  where the private HOME, the script, logs and (by default) exports go; created if absent
     * @param vampPath the {@code VAMP_PATH} SV and its Piper server see (colon-separated directories)
     */
    public SonicVisualiser(Path workDir, String vampPath) {
        this.workDir = workDir.toAbsolutePath();
        this.vampPath = vampPath;
    }

    /** This SV with {@code name=value} added to its environment (e.g. another GENRE_VAMP_MODEL). */
    public SonicVisualiser with(String name, String value) {
        SonicVisualiser sv = new SonicVisualiser(workDir, vampPath);
        sv.extra.putAll(extra);
        sv.extra.put(name, value);
        sv.alongside.addAll(alongside);
        return sv;
    }

    /**
     * This SV adding the layer of {@code transformId} first, so that it is computed at the same time as
     * the layer {@link #run} exports (SV computes each layer in its own thread).
     */
    public SonicVisualiser alongside(String transformId) {
        SonicVisualiser sv = new SonicVisualiser(workDir, vampPath);
        sv.extra.putAll(extra);
        sv.alongside.addAll(alongside);
        sv.alongside.add(transformId);
        return sv;
    }

    /** True when sonic-visualiser and xvfb-run are installed. */
    public static boolean available() {
        return HostProcess.onPath(EXECUTABLE) && HostProcess.onPath("xvfb-run") && HostProcess.onPath("setsid");
    }

    /** Makes the calling test SKIPPED when Sonic Visualiser or xvfb-run is absent. */
    public static void assumeAvailable() {
        assumeTrue(available(), "sonic-visualiser, xvfb-run or setsid not on PATH: skipped");
    }

    /**
     * Opens {@code audioFile}, runs {@code transformId} ({@code vamp:<library>:<plugin>:<output>}) with its
     * default parameters, exports the resulting layer and an image of its pane, and quits.
     *
     * @param exportCsv where the layer goes: comma-separated for {@code .csv}, SV layer XML for
     *                  {@code .svl}, tab-separated otherwise; deleted first (SV refuses to overwrite);
     *                  {@code null} for no export
     * @param exportPng where the PNG of the pane goes (deleted first); {@code null} for none
     * @param timeout   hard wall-clock limit for the whole SV run, start-up included
     * @throws IOException when the work directory cannot be written or SV cannot be started
     */
    public Result run(Path audioFile, String transformId, Path exportCsv, Path exportPng, Duration timeout)
            throws IOException {
        Path home = workDir.resolve("home");
        deleteTree(home); // a fresh HOME each run: no recent files, no stale settings, fresh debug log
        Path config = home.resolve(".config");
        Path settings = config.resolve("sonic-visualiser").resolve("Sonic Visualiser.conf");
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, "[Preferences]\nnetwork-permission-" + VERSION + "=false\nshow-splash=false\n",
                StandardCharsets.UTF_8);
        Path runtime = Files.createDirectories(home.resolve("runtime"));
        runtime.toFile().setExecutable(true, true);
        runtime.toFile().setReadable(true, true);
        runtime.toFile().setWritable(true, true);

        List<String> lines = new ArrayList<>();
        lines.add("/open " + quote(audioFile.toAbsolutePath()));
        for (String other : alongside) {
            lines.add("/transform " + other);
        }
        lines.add("/transform " + transformId);
        if (exportCsv != null) {
            Files.deleteIfExists(exportCsv);
            Files.createDirectories(exportCsv.toAbsolutePath().getParent());
            lines.add("/exportlayer " + quote(exportCsv.toAbsolutePath()));
        }
        if (exportPng != null) {
            Files.deleteIfExists(exportPng);
            Files.createDirectories(exportPng.toAbsolutePath().getParent());
            // Fit the whole file to the window so the image has a known, readable width.
            lines.add("/zoom fit");
            lines.add("/exportimage " + quote(exportPng.toAbsolutePath()));
        }
        lines.add("/quit");
        Path script = workDir.resolve("sv-script.osc");
        Files.writeString(script, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);

        List<String> command = List.of("xvfb-run", "-a", "-s", "-screen 0 1400x900x24", EXECUTABLE,
                "--no-audio", "--no-splash", "--osc-script", script.toString());
        Map<String, String> environment = new java.util.HashMap<>(HostModel.environment());
        environment.putAll(extra);
        environment.putAll(Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", config.toString(),
                "XDG_DATA_HOME", home.resolve(".local/share").toString(), "XDG_CACHE_HOME",
                home.resolve(".cache").toString(), "XDG_RUNTIME_DIR", runtime.toString(), "VAMP_PATH", vampPath));
        HostProcess.Outcome outcome = HostProcess.run("sonic-visualiser", "sonic-visualiser " + transformId + " "
                + audioFile.getFileName(), command, workDir,
                env -> env.putAll(environment), timeout);
        Path debugLog = home.resolve(".local/share/sonic-visualiser/Sonic Visualiser/log/sv-debug.log");
        return new Result(outcome, workDir, script, debugLog, exportCsv, exportPng);
    }

    /** SV's OSC script parser splits on spaces but honours double quotes. */
    private static String quote(Path path) {
        String text = path.toString();
        if (text.contains("\"")) {
            throw new IllegalArgumentException("SV's OSC script cannot carry a path with a double quote: " + text);
        }
        return "\"" + text + "\"";
    }

    private static boolean isNonEmptyFile(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
