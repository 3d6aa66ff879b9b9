package org.genrevamp.model;

import org.genrevamp.model.bundle.BundleZip;
import org.genrevamp.model.bundle.BundleException;
import org.genrevamp.model.scratch.ModelBundle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Bundles shipped on the classpath under {@code /models/}. Which ones exist is declared in
 * {@code models/index.txt} (every copy on the classpath is read), one entry per line:
 * <pre>
 *   cnn                 # a bundle stored as models/cnn.zip
 *   default = cnn       # an alias: loadBundled("default") loads models/cnn.zip
 * </pre>
 * An alias keeps the default model from being stored twice in the jar. Blank lines and text after
 * {@code #} are ignored.
 */
public final class BundledModels {

    static final String DIRECTORY = "models/";
    static final String INDEX = DIRECTORY + "index.txt";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    private BundledModels() {
    }

    /** Sorted names and aliases declared by every index on the class loader. */
    public static List<String> names(ClassLoader loader) {
        return new ArrayList<>(index(loader).keySet());
    }

    public static ModelBundle load(String name, ClassLoader loader) throws BundleException {
        return ModelBundle.read("/" + resource(name, loader), bytes(name, loader));
    }

    /** How messages name the bundled model {@code name}. */
    static String source(String name) {
        return "'" + name + "' (classpath /" + DIRECTORY + ")";
    }

    /** The resource path of the bundle {@code name} (aliases resolved). */
    private static String resource(String name, ClassLoader loader) throws BundleException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new BundleException(BundleZip.prefix(source(name)) + "bundle names match " + NAME.pattern());
        }
        return DIRECTORY + index(loader).getOrDefault(name, name) + ".zip";
    }

    /** The bytes of the bundle {@code name}. */
    static byte[] bytes(String name, ClassLoader loader) throws BundleException {
        try (InputStream in = open(name, loader)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new BundleException(BundleZip.prefix(source(name)) + "cannot read /" + resource(name, loader) + ": "
                    + e.getMessage(), e);
        }
    }

    /** The bundle {@code name} as a stream, for readers that need only its first entries; the caller closes it. */
    static InputStream open(String name, ClassLoader loader) throws BundleException {
        InputStream in = loader.getResourceAsStream(resource(name, loader));
        if (in == null) {
            Map<String, String> index = index(loader);
            throw new BundleException(BundleZip.prefix(source(name)) + "no bundled model named '" + name
                    + "' (bundled: " + (index.isEmpty() ? "none" : String.join(", ", index.keySet())) + ")");
        }
        return in;
    }

    /** name -> stored bundle name (itself for plain entries). */
    private static Map<String, String> index(ClassLoader loader) {
        Map<String, String> index = new TreeMap<>();
        Enumeration<URL> urls;
        try {
            urls = loader.getResources(INDEX);
        } catch (IOException e) {
            return Collections.emptyMap();
        }
        for (URL url : Collections.list(urls)) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    String entry = line.replaceFirst("#.*", "").trim();
                    if (entry.isEmpty()) {
                        continue;
                    }
                    String[] parts = entry.split("\\s*=\\s*", 2);
                    String name = parts[0];
                    String target = parts.length == 2 ? parts[1] : name;
                    if (NAME.matcher(name).matches() && NAME.matcher(target).matches()) {
                        index.put(name, target);
                    } else {
                        System.err.println("genre-vamp: BundledModels.index: ignoring malformed line '" + line + "' in " + url);
                    }
                }
            } catch (IOException e) {
                System.err.println("genre-vamp: BundledModels.index: cannot read " + url + ": " + e.getMessage());
            }
        }
        return index;
    }
}
