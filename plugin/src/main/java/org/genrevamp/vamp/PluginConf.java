package org.genrevamp.vamp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.genrevamp.model.runtime.EnginePool;
import org.genrevamp.model.runtime.EngineThreads;

/**
 * {@code genre-vamp.conf} beside the .so ({@code key=value} lines, {@code #} comments; the shim reads its
 * {@code jvm=} line, this class the plugin's: {@code model=}, {@code threads=}), and the engine's thread
 * count it and {@value EngineThreads#ENV} set.
 */
final class PluginConf {

    static final String FILE = "genre-vamp.conf";

    private static boolean threadsApplied;

    private PluginConf() {
    }

    /** The value of the first non-blank {@code key=} line of {@code <home>/genre-vamp.conf}, or null. */
    static String value(String home, String key) {
        if (home == null) {
            return null;
        }
        Path conf = Path.of(home, FILE);
        if (!Files.isRegularFile(conf)) {
            return null;
        }
        try {
            for (String line : Files.readAllLines(conf, StandardCharsets.UTF_8)) {
                String entry = line.replaceFirst("#.*", "").trim();
                if (entry.startsWith(key + "=") && !entry.substring(key.length() + 1).isBlank()) {
                    return entry.substring(key.length() + 1).trim();
                }
            }
        } catch (IOException e) {
            Diagnostics.warn("PluginConf", "cannot read " + conf + ": " + e.getMessage());
        }
        return null;
    }

    /**
     * The requested engine threads: {@value EngineThreads#ENV} when set, else {@code threads=} in the conf
     * file, else 0 (the default); a value that is not a count is reported on stderr and ignored.
     */
    static int engineThreads(String env, String home) {
        try {
            return env != null && !env.isBlank() ? EngineThreads.parse(env, EngineThreads.ENV)
                    : EngineThreads.parse(value(home, "threads"), "threads= in " + FILE);
        } catch (IllegalArgumentException e) {
            Diagnostics.warn("PluginConf", e.getMessage() + "; using the default");
            return 0;
        }
    }

    /** Sets the engine's thread count from the environment and the conf file, once per process. */
    static synchronized void applyEngineThreads() {
        if (!threadsApplied) {
            threadsApplied = true;
            EnginePool.configure(engineThreads(System.getenv(EngineThreads.ENV),
                    System.getProperty(ModelCatalogue.HOME_PROPERTY)));
        }
    }
}
