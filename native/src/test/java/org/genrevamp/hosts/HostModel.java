package org.genrevamp.hosts;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.genrevamp.model.bundle.BundleException;
import org.genrevamp.model.BundleInfo;
import org.genrevamp.model.GenreModels;
import org.genrevamp.testing.SharedData;
import org.genrevamp.testing.TestBundles;

/**
 * The model host tests run with: the plugin's bundled {@code default} when the jar ships one (a trained
 * model), otherwise an UNTRAINED test CNN handed over through {@code GENRE_VAMP_MODEL} (then tests may
 * check shapes and labels, never which genre comes out). Also points the plugin's javacpp cache at the
 * user's, so hosts run with a private HOME (Sonic Visualiser here) do not extract ND4J's 400 MB again.
 */
public final class HostModel {

    private static Path untrained;

    private HostModel() {
    }

    /** Whether a trained default model is bundled. */
    public static boolean trained() {
        return GenreModels.bundledNames().contains("default");
    }

    /** Environment variables a host process needs for the plugin to find its model and javacpp cache. */
    public static synchronized Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        if (!trained()) {
            env.put("GENRE_VAMP_MODEL", untrainedBundle().toString());
        }
        String cache = System.getProperty("user.home") + "/.javacpp/cache";
        env.put("GENRE_VAMP_JAVA_OPTS", "-Dorg.bytedeco.javacpp.cachedir=" + cache);
        return env;
    }

    /** Mel bands of the spectrogram the model in use sees (the plugin's melspectrogram output). */
    public static int melBands() {
        try {
            return trained() ? BundleInfo.outlineOfBundled("default").melConfig().melBands()
                    : BundleInfo.outlineOfFile(untrainedBundle()).melConfig().melBands();
        } catch (BundleException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** The genres of the model in use. */
    public static List<String> labels() {
        try {
            return trained() ? BundleInfo.outlineOfBundled("default").labels() : BundleInfo.outlineOfFile(untrainedBundle()).labels();
        } catch (BundleException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static synchronized Path untrainedBundle() {
        if (untrained == null) {
            untrained = TestBundles.untrainedCnn(SharedData.repositoryRoot().resolve("native/target/test-model"));
        }
        return untrained;
    }
}
