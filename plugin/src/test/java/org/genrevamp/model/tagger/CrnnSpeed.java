package org.genrevamp.model.tagger;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Random;

/**
 * Prints how fast {@link CrnnStream} runs the pretrained CRNN over 580 s of random log-mel (not a
 * test: speed depends on the machine). Run it single-threaded, as one plugin instance runs:
 * <pre>
 *   OMP_NUM_THREADS=1 java -cp plugin/target/classes:plugin/target/test-classes:$(cat cp.txt) \
 *       org.genrevamp.model.tagger.CrnnSpeed [chunkSteps]
 * </pre>
 * Thread CPU time is reported beside wall time: with one OMP thread ND4J computes on the calling
 * thread, so CPU time is the cost without the waits a busy machine adds.
 */
public final class CrnnSpeed {

    private static final double SECONDS = 580;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CrnnSpeed() {
    }

    public static void main(String[] args) {
        int chunk = args.length > 0 ? Integer.parseInt(args[0]) : CrnnStream.DEFAULT_CHUNK_STEPS;
        CrnnTagger tagger = CrnnTagger.fromStateDict(TensorDumps.load("crnn/crnn_msd_weights"));
        int frames = 1 + (int) (SECONDS * 16000 / 256);
        Random random = new Random(42);
        float[][] mel = new float[frames][96];
        for (float[] frame : mel) {
            for (int m = 0; m < 96; m++) {
                frame[m] = (float) (-30 + 15 * random.nextGaussian());
            }
        }
        // warm-up: native library load and first-op costs are not the stream's
        tagger.forward(new float[][][] {java.util.Arrays.copyOf(mel, 400)});

        int[] windows = {0};
        long wall = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        CrnnStream stream = new CrnnStream(tagger, CrnnTagger.WINDOW_STEPS, chunk, (i, first, out) -> windows[0]++);
        for (float[] frame : mel) {
            stream.accept(frame);
        }
        stream.finish();
        double wallS = (System.nanoTime() - wall) / 1e9;
        double cpuS = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
        System.out.printf(Locale.ROOT,
                "CrnnStream, %.0f s of audio (%d frames, %d conv steps, %d windows), chunk %d steps, OMP_NUM_THREADS=%s:%n"
                        + "  wall %.2f s (%.1fx real time), thread CPU %.2f s (%.1fx real time)%n",
                SECONDS, frames, stream.stepCount(), windows[0], chunk, System.getenv("OMP_NUM_THREADS"),
                wallS, SECONDS / wallS, cpuS, SECONDS / cpuS);
    }
}
