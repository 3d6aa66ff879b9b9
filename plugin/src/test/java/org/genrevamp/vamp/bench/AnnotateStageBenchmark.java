package org.genrevamp.vamp.bench;

import java.nio.file.Path;
import java.util.Random;
import org.genrevamp.annotate.WindowAccumulator;
import org.genrevamp.annotate.WindowPlan;
import org.genrevamp.dsp.Downmix;
import org.genrevamp.dsp.MelStream;
import org.genrevamp.model.scratch.ModelBundle;
import org.genrevamp.testing.TestBundles;

/**
 * Where an annotation's time goes, in-process (no host, no JNA): downmix, log-mel frames and inference
 * for SECONDS of 44.1 kHz stereo, fed in 1024-sample blocks as hosts do.
 *
 * <pre>
 * mvn -B -o -q -pl plugin test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.genrevamp.vamp.bench.AnnotateStageBenchmark -Dexec.args="[SECONDS] [MODEL.zip] [BATCH]"
 * </pre>
 * Defaults: 600 s, an untrained test CNN, batches of 16. OMP_NUM_THREADS applies as in a host.
 */
public final class AnnotateStageBenchmark {

    private AnnotateStageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 600;
        Path bundleFile = args.length > 1 ? Path.of(args[1]) : TestBundles.untrainedCnn(Path.of("target/bench-model"));
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : WindowAccumulator.DEFAULT_BATCH_SIZE;
        float rate = 44100f;
        int block = 1024;
        long t0 = System.nanoTime();
        ModelBundle model = ModelBundle.load(bundleFile);
        long t1 = System.nanoTime();
        Random random = new Random(1);
        float[][] stereo = new float[2][block];
        for (float[] c : stereo) {
            for (int i = 0; i < block; i++) {
                c[i] = (float) (random.nextGaussian() * 0.1);
            }
        }
        int blocks = (int) (seconds * rate / block);
        MelStream stream = new MelStream(model.melConfig(), rate);
        WindowPlan plan = WindowPlan.forMel(model.melConfig(), model.windowFrames(), 1.5);
        long[] windows = {0};
        long[] inferenceNanos = {0};
        WindowAccumulator acc = new WindowAccumulator(plan, model.melConfig().melBands(), batch, (w, spans) -> {
            long s = System.nanoTime();
            model.predict(w);
            inferenceNanos[0] += System.nanoTime() - s;
            windows[0] += w.length;
        });
        long downmixNanos = 0;
        long start = System.nanoTime();
        for (int b = 0; b < blocks; b++) {
            long d = System.nanoTime();
            float[] mono = Downmix.mono(stereo);
            downmixNanos += System.nanoTime() - d;
            stream.push(mono, 0, block, acc::accept);
        }
        stream.finish(acc::accept);
        acc.finish();
        long total = System.nanoTime() - start;
        double melSeconds = (total - inferenceNanos[0] - downmixNanos) / 1e9;
        System.out.printf("model load %.2f s; %.0f s of audio, %d windows, batch %d, OMP_NUM_THREADS=%s%n",
                (t1 - t0) / 1e9, seconds, windows[0], batch, System.getenv("OMP_NUM_THREADS"));
        System.out.printf("total %.2f s (%.0fx real time): downmix %.2f s, mel + windows %.2f s, inference %.2f s (%.1f ms/window)%n",
                total / 1e9, seconds / (total / 1e9), downmixNanos / 1e9, melSeconds, inferenceNanos[0] / 1e9,
                inferenceNanos[0] / 1e6 / Math.max(1, windows[0]));
    }
}
