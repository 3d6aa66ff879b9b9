package org.genrevamp.vamp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.genrevamp.model.bundle.BundleException;
import org.genrevamp.model.BundleInfo;
import org.genrevamp.model.bundle.BundleOutline;
import org.genrevamp.model.bundle.GenreModel;
import org.genrevamp.model.GenreModels;

/**
 * The models the {@code model} parameter chooses from, in value order: the user's own bundle first
 * ({@value #CUSTOM}, when {@value #ENV} or a {@code model=} line in {@code genre-vamp.conf} beside the
 * .so names one), then {@code default}, then the other bundled models by name. Listing reads only
 * file names and small index/conf files; {@link #outline} reads a bundle's labels and MelConfig
 * (no ND4J, no JSON);
 * {@link #load} loads the network.
 */
final class ModelCatalogue {

    static final String CUSTOM = "custom";
    static final String ENV = "GENRE_VAMP_MODEL";
    static final String CONF = PluginConf.FILE;
    /** The shim passes the directory of genre-vamp.so as this system property. */
    static final String HOME_PROPERTY = "genrevamp.home";
    /** Shown when no model exists at all: initialise refuses it with a message. */
    static final String NONE = "none";

    private static final Map<String, BundleOutline> OUTLINES = new HashMap<>();
    /** Loaded models, shared by the instances of a process ({@link GenreModel#predict} is synchronised). */
    private static final Map<String, GenreModel> LOADED = new HashMap<>();

    private final Path custom;
    private final List<String> names;

    private ModelCatalogue(Path custom, List<String> bundled) {
        this.custom = custom;
        List<String> all = new ArrayList<>();
        if (custom != null) {
            all.add(CUSTOM);
        }
        if (bundled.contains("default")) {
            all.add("default");
        }
        bundled.stream().filter(n -> !n.equals("default")).forEach(all::add);
        if (all.isEmpty()) {
            all.add(NONE);
        }
        this.names = List.copyOf(all);
    }

    /** Discovers the user's bundle ({@value #ENV}, then the conf file) and the bundled models. */
    static ModelCatalogue discover() {
        return new ModelCatalogue(customBundle(System.getenv(ENV), System.getProperty(HOME_PROPERTY)),
                BundleInfo.bundledNames());
    }

    /** Value names of the {@code model} parameter; the first is the default. */
    List<String> names() {
        return names;
    }

    /** Where the custom bundle is, or null. */
    Path customFile() {
        return custom;
    }

    /**
     * Labels and MelConfig of model {@code index} (cached for the process).
     *
     * @throws BundleException when it is missing or broken
     */
    BundleOutline outline(int index) throws BundleException {
        String key = key(index);
        synchronized (OUTLINES) {
            BundleOutline m = OUTLINES.get(key);
            if (m == null) {
                m = isCustom(index) ? BundleInfo.outlineOfFile(custom) : BundleInfo.outlineOfBundled(bundledName(index));
                OUTLINES.put(key, m);
            }
            return m;
        }
    }

    /** Loads model {@code index}'s network, once per process (ND4J starts here). */
    GenreModel load(int index) throws BundleException {
        String key = key(index);
        synchronized (LOADED) {
            GenreModel m = LOADED.get(key);
            if (m == null) {
                m = isCustom(index) ? GenreModels.load(custom) : GenreModels.loadBundled(bundledName(index));
                LOADED.put(key, m);
            }
            return m;
        }
    }

    private boolean isCustom(int index) {
        return names.get(index).equals(CUSTOM) && custom != null;
    }

    private String bundledName(int index) throws BundleException {
        String name = names.get(index);
        if (name.equals(NONE)) {
            throw new BundleException("no model: the plugin jar bundles none and neither " + ENV + " nor a 'model=' line in "
                    + CONF + " names one");
        }
        return name;
    }

    private String key(int index) {
        return isCustom(index) ? "file:" + custom.toAbsolutePath() : "bundled:" + names.get(index);
    }

    /**
     * The user's bundle: {@code env} when set and not blank, else the {@code model=} line of
     * {@code <home>/genre-vamp.conf} (relative paths are relative to that directory); null when neither.
     */
    static Path customBundle(String env, String home) {
        if (env != null && !env.isBlank()) {
            return Path.of(env.trim());
        }
        String model = PluginConf.value(home, "model");
        return model == null ? null : Path.of(home).resolve(model);
    }
}
