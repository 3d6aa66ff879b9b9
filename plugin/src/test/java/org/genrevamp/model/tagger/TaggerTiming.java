package org.genrevamp.model.tagger;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Prints the cost per window of {@link FcnTagger} (1813 frames) and {@link MusicnnTagger} (188 frames,
 * whole network and back end alone on a precomputed front end) on the reference windows. Not a test.
 * Run single-threaded (OMP_NUM_THREADS must be set before the JVM starts; ND4J then computes on the
 * calling thread, so thread CPU time is the cost without the waits of a busy machine):
 * <pre>
 *   OMP_NUM_THREADS=1 java -cp plugin/target/classes:plugin/target/test-classes:$(cat cp.txt) \
 *       org.genrevamp.model.tagger.TaggerTiming
 * </pre>
 */
public final class TaggerTiming {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TaggerTiming() {
    }

    public static void main(String[] args) {
        System.out.println("OMP_NUM_THREADS=" + System.getenv("OMP_NUM_THREADS"));
        var ref = TensorDumps.load("fcn/reference");

        FcnTagger fcn = FcnTagger.fromStateDict(TensorDumps.load("fcn/fcn-msd-weights"));
        float[][][] fcnWindows = TensorDumps.windows(ref.get("fcn.input"));
        time("fcn forward (1813 frames)", 2, 3, () -> fcn.forward(new float[][][] {fcnWindows[0]}));

        MusicnnTagger musicnn = MusicnnTagger.fromStateDict(TensorDumps.load("fcn/musicnn-jamendo-weights"));
        float[][][] windows = TensorDumps.windows(ref.get("musicnn.input"));
        time("musicnn forward (188 frames)", 5, 20, () -> musicnn.forward(new float[][][] {windows[0]}));
        float[][] front = musicnn.frontEnd(windows[0]);
        time("musicnn backEnd (188 frames)", 5, 20, () -> musicnn.backEnd(front));
        float[][] stream = fcnWindows[0];
        time("musicnn frontEnd over 1813 frames", 2, 5, () -> musicnn.frontEnd(stream));
    }

    private static void time(String label, int warmups, int runs, Runnable body) {
        for (int i = 0; i < warmups; i++) {
            body.run();
        }
        long wall = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < runs; i++) {
            body.run();
        }
        double wallMs = (System.nanoTime() - wall) / 1e6 / runs;
        double cpuMs = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6 / runs;
        System.out.println(String.format(Locale.ROOT, "%-36s %8.1f ms wall, %8.1f ms thread CPU per call", label, wallMs, cpuMs));
    }
}
