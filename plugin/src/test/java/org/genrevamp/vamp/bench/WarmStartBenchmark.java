package org.genrevamp.vamp.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.genrevamp.vamp.GenrePlugin;

/**
 * How soon a plugin instance is ready inside a running JVM (a host opening a second transform, or a
 * batch host reusing its process): construct {@link GenrePlugin} at 44.1 kHz, choose the model,
 * {@code initialise} for stereo in 8192-sample blocks, then one block of audio through it. The first
 * instance reads and builds the model; later ones share it.
 *
 * <pre>
 * OMP_NUM_THREADS=1 mvn -B -o -q -pl plugin test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.genrevamp.vamp.bench.WarmStartBenchmark -Dexec.args="[MODEL ...] [RUNS]"
 * </pre>
 * MODEL: value names of the {@code model} parameter (default: {@code default}); RUNS later instances (5).
 */
public final class WarmStartBenchmark {

    private static final int BLOCK = 8192;

    private WarmStartBenchmark() {
    }

    public static void main(String[] args) {
        List<String> models = new ArrayList<>();
        int runs = 5;
        for (String a : args) {
            if (a.matches("\\d+")) {
                runs = Integer.parseInt(a);
            } else {
                models.add(a);
            }
        }
        if (models.isEmpty()) {
            models.add("default");
        }
        for (String model : models) {
            double first = readySeconds(model);
            List<Double> later = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                later.add(readySeconds(model));
            }
            Collections.sort(later);
            System.out.printf(Locale.ROOT, "model=%s first_instance_s=%.3f later_instance_median_s=%.3f later_max_s=%.3f runs=%d%n",
                    model, first, later.get(later.size() / 2), later.get(later.size() - 1), runs);
        }
    }

    /** Seconds from construction to the first block processed. */
    private static double readySeconds(String model) {
        long t0 = System.nanoTime();
        GenrePlugin p = new GenrePlugin(44100f);
        int index = p.getParameterDescriptors().stream().filter(d -> d.identifier().equals("model")).findFirst()
                .orElseThrow().valueNames().indexOf(model);
        if (index < 0) {
            throw new IllegalArgumentException("no model named " + model);
        }
        p.setParameter("model", index);
        if (!p.initialise(2, BLOCK, BLOCK)) {
            throw new IllegalStateException("initialise refused " + model);
        }
        float[][] block = new float[2][BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            block[0][i] = block[1][i] = (float) (0.1 * Math.sin(2 * Math.PI * 440 * i / 44100.0));
        }
        p.process(block, org.genrevamp.vamp.RealTime.ZERO);
        return (System.nanoTime() - t0) / 1e9;
    }
}
