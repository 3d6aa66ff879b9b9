package org.genrevamp.model;

import org.genrevamp.model.bundle.Architecture;
import org.genrevamp.model.bundle.MelNormaliser;
import org.genrevamp.model.scratch.Architectures;
import org.genrevamp.model.scratch.FeatureLayout;
import org.genrevamp.model.scratch.TrainingOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Random;

/**
 * Prints the inference cost per window of each architecture at the real size (130 frames x 128 mel
 * bands ~ 3 s at hop 512 / 22.05 kHz, 10 classes), for batches of 16 and of 1. Run it single-threaded
 * to see the cost one plugin instance pays (with OMP_NUM_THREADS=1 ND4J computes on the calling
 * thread, so its CPU time is the cost without the waits a busy machine adds to wall time):
 * <pre>
 *   OMP_NUM_THREADS=1 java -cp plugin/target/classes:plugin/target/test-classes:$(cat cp.txt) \
 *       org.genrevamp.model.InferenceBenchmark [cnn crnn parallel]
 * </pre>
 */
public final class InferenceBenchmark {

    private static final int FRAMES = 130;
    private static final int BANDS = 128;
    private static final int CLASSES = 10;
    /** Thread CPU time excludes the time this shared machine's other processes hold the core. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private InferenceBenchmark() {
    }

    public static void main(String[] args) {
        String[] ids = args.length > 0 ? args : new String[] {"cnn", "crnn", "parallel"};
        for (String id : ids) {
            Architecture architecture = Architecture.fromId(id);
            var graph = Architectures.build(architecture, FRAMES, BANDS, CLASSES, TrainingOptions.defaults());
            MelNormaliser normaliser = MelNormaliser.identity(BANDS);
            for (int batch : new int[] {16, 1}) {
                var inputs = FeatureLayout.inputs(architecture, windows(batch), normaliser);
                long start = System.nanoTime();
                int warmups = 0;
                while (System.nanoTime() - start < 2_000_000_000L && warmups < 20) {
                    graph.output(false, inputs);
                    warmups++;
                }
                int runs = 0;
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                long processStart = PROCESS.getProcessCpuTime();
                start = System.nanoTime();
                while (System.nanoTime() - start < 3_000_000_000L || runs < 3) {
                    graph.output(false, inputs);
                    runs++;
                }
                double msPerCall = (System.nanoTime() - start) / 1e6 / runs;
                double cpuMsPerCall = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6 / runs;
                double processMsPerCall = (PROCESS.getProcessCpuTime() - processStart) / 1e6 / runs;
                System.out.printf(Locale.ROOT, "%-8s batch %2d: wall %8.2f ms per call, %7.2f ms per window;"
                                + " CPU %7.2f ms per window (this thread), %7.2f (whole process) (%d runs, %d params)%n",
                        id, batch, msPerCall, msPerCall / batch, cpuMsPerCall / batch, processMsPerCall / batch, runs,
                        graph.numParams());
            }
        }
    }

    private static float[][][] windows(int n) {
        Random random = new Random(1);
        float[][][] w = new float[n][FRAMES][BANDS];
        for (float[][] window : w) {
            for (float[] frame : window) {
                for (int b = 0; b < BANDS; b++) {
                    frame[b] = (float) random.nextGaussian();
                }
            }
        }
        return w;
    }
}
