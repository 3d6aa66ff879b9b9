package org.genrevamp.vamp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.genrevamp.testing.ExpectedDiagnostics;
import org.genrevamp.testing.TestBundles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hosts construct plugins just to list them, and Sonic Visualiser gives the constructor 10 s: what a
 * listing does (construct, metadata, output descriptors) must not load the FFT, the mel stream or
 * any ND4J/DL4J class. Checked in a fresh class loader, so what other tests loaded does not count.
 */
@ExtendWith(ExpectedDiagnostics.class)
class ListingLoadsNoEngineTest {

    private static final List<String> ENGINE_CLASSES = List.of(
            "org.genrevamp.dsp.MelStream",
            "org.genrevamp.dsp.RealFft",
            "org.jtransforms.fft.DoubleFFT_1D",
            "org.nd4j.linalg.factory.Nd4j",
            "org.deeplearning4j.nn.multilayer.MultiLayerNetwork",
            "org.deeplearning4j.nn.graph.ComputationGraph",
            // JSON parsing costs a listing ~340 ms: bundles' plain labels.txt / melconfig.properties serve it
            "com.fasterxml.jackson.databind.ObjectMapper",
            "com.fasterxml.jackson.core.JsonFactory");

    /** Exposes which classes it has loaded itself. */
    static final class WatchingLoader extends URLClassLoader {
        WatchingLoader(URL[] urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }
    }

    @Test
    void listingAPluginLoadsNoEngineClass() throws Exception {
        TestBundles.installAsCustomModel();
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(new File(entry).toURI().toURL());
        }
        try (WatchingLoader loader = new WatchingLoader(urls.toArray(URL[]::new))) {
            Class<?> pluginClass = loader.loadClass(GenrePlugin.class.getName());
            Object plugin = pluginClass.getConstructor(float.class).newInstance(44100f);
            for (String getter : List.of("getIdentifier", "getName", "getDescription", "getMaker", "getCopyright",
                    "getPluginVersion", "getInputDomain", "getParameterDescriptors", "getPrograms",
                    "getPreferredBlockSize", "getPreferredStepSize", "getMinChannelCount", "getMaxChannelCount",
                    "getOutputDescriptors")) {
                pluginClass.getMethod(getter).invoke(plugin);
            }
            // every model the parameter offers: the custom test bundle and each shipped one
            List<?> models = modelNames((List<?>) pluginClass.getMethod("getParameterDescriptors").invoke(plugin));
            assertTrue(models.containsAll(List.of("custom", "default")), "models offered: " + models);
            for (int m = 0; m < models.size(); m++) {
                pluginClass.getMethod("setParameter", String.class, float.class).invoke(plugin, "model", (float) m);
                List<?> outputs = (List<?>) pluginClass.getMethod("getOutputDescriptors").invoke(plugin);
                assertTrue(outputs.size() > 1, models.get(m) + " lists " + outputs);
            }
            pluginClass.getMethod("setParameter", String.class, float.class).invoke(plugin, "model", 0f);
            assertTrue(loader.loaded(GenrePlugin.class.getName()), "the watching loader did the loading");
            for (String engine : ENGINE_CLASSES) {
                assertFalse(loader.loaded(engine), engine + " loaded while listing");
            }
            // control: initialise is where the engine starts, and the loader sees it
            pluginClass.getMethod("initialise", int.class, int.class, int.class).invoke(plugin, 1, 1024, 1024);
            assertTrue(loader.loaded("org.genrevamp.dsp.MelStream"));
        }
    }

    /** The value names of the {@code model} parameter, from descriptors of the watching loader's classes. */
    private static List<?> modelNames(List<?> descriptors) throws ReflectiveOperationException {
        for (Object d : descriptors) {
            if (d.getClass().getMethod("identifier").invoke(d).equals("model")) {
                return (List<?>) d.getClass().getMethod("valueNames").invoke(d);
            }
        }
        throw new AssertionError("no 'model' parameter in " + descriptors);
    }
}
