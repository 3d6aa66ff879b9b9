package org.genrevamp.model.scratch;

import org.genrevamp.model.bundle.Architecture;
import org.genrevamp.model.bundle.BundleMetadata;
import org.genrevamp.model.bundle.MelNormaliser;
import org.genrevamp.model.runtime.Nd4jThreads;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.genrevamp.dsp.MelConfig;

/**
 * Start-up cost of a bundle as the plugin pays it in {@code initialise()}: JVM start -> bundle loaded
 * (includes the warm-up forward pass) -> first {@code predict} of 16 windows. The load runs on a
 * thread whose context class loader is null, as on a JNI-attached host thread. Figures go to stderr;
 * stdout must stay empty (hosts print results there).
 * <pre>
 *   java -cp ... org.genrevamp.model.scratch.LoadBenchmark save DIR        # writes DIR/{cnn,crnn,parallel}.zip (untrained, real size)
 *   OMP_NUM_THREADS=1 java -cp ... org.genrevamp.model.scratch.LoadBenchmark load DIR/cnn.zip   # in a fresh JVM
 * </pre>
 */
public final class LoadBenchmark {

    private static final int FRAMES = 130;

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("save")) {
            save(Path.of(args[1]));
        } else if (args.length == 2 && args[0].equals("load")) {
            load(Path.of(args[1]));
        } else {
            System.err.println("usage: LoadBenchmark save DIR | load FILE");
            System.exit(2);
        }
    }

    private static void save(Path dir) throws Exception {
        Files.createDirectories(dir);
        MelConfig mel = MelConfig.defaults().withTopDb(Double.POSITIVE_INFINITY);
        List<String> labels = IntStream.range(0, 10).mapToObj(i -> "genre" + i).collect(Collectors.toList());
        for (Architecture a : Architecture.values()) {
            var net = Architectures.build(a, FRAMES, mel.melBands(), labels.size(), TrainingOptions.defaults());
            var bundle = ModelBundle.create(net, new BundleMetadata(a, mel, labels, Map.of(), FRAMES,
                    MelNormaliser.identity(mel.melBands()), Map.of("note", "untrained, for timing")));
            Path file = dir.resolve(a.id() + ".zip");
            bundle.save(file);
            System.err.printf(Locale.ROOT, "%s: %d bytes, %d parameters%n", file, Files.size(file), bundle.parameterCount());
        }
    }

    private static void load(Path file) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread host = new Thread(() -> {
            try {
                double begin = uptimeMs();
                if (Boolean.getBoolean("benchmark.nd4jFirst")) {
                    Nd4jThreads.prepare();
                    org.nd4j.linalg.factory.Nd4j.create(1);   // backend + native library start-up alone
                }
                double start = uptimeMs();
                ModelBundle bundle = ModelBundle.load(file);
                double loaded = uptimeMs();
                float[][][] windows = new float[16][FRAMES][bundle.melConfig().melBands()];
                for (float[][] w : windows) {
                    for (float[] frame : w) {
                        java.util.Arrays.fill(frame, -40f);
                    }
                }
                bundle.predict(windows);
                double predicted = uptimeMs();
                bundle.predict(windows);
                double second = uptimeMs();
                ModelBundle.load(file);
                double reload = uptimeMs();
                System.err.printf(Locale.ROOT, "%s (%s): JVM start -> thread %.0f ms; ND4J start (with -Dbenchmark.nd4jFirst) %.0f ms; load %.0f ms;"
                                + " first predict(16) %.0f ms; second predict(16) %.0f ms; JVM start -> ready %.0f ms;"
                                + " second load (warm JVM) %.0f ms; CPU time of the JVM so far %.0f ms%n",
                        file.getFileName(), bundle.architecture(), begin, start - begin, loaded - start, predicted - loaded,
                        second - predicted, predicted, reload - second, processCpuMs());
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        host.setContextClassLoader(null);
        host.start();
        host.join();
        if (failure.get() != null) {
            failure.get().printStackTrace();
            System.exit(1);
        }
    }

    private static double processCpuMs() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e6;
    }

    private static double uptimeMs() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }
}
