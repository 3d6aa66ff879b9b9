package org.genrevamp.model.transfer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Prints how fast a crnn + fcn transfer model (the real msd checkpoints from {@code ../shared/data}, a
 * random head) streams 580 s of random log-mel at a hop of one CRNN step (1.536 s, the plugin's
 * default) — not a test: speed depends on the machine. Run it single-threaded, as one plugin instance runs:
 * <pre>
 *   OMP_NUM_THREADS=1 java -cp plugin/target/classes:plugin/target/test-classes:$(cat cp.txt) \
 *       org.genrevamp.model.transfer.StreamSpeed [backbone ...]      (default: msd/crnn msd/fcn)
 * </pre>
 * Thread CPU time is reported beside wall time (with one OMP thread ND4J computes on the calling
 * thread), and the most trunk steps held at once (the memory bound). {@code -Dthreads=N} runs the
 * networks on N engine threads (exactly N, see {@link org.genrevamp.model.runtime.EnginePool}); then the
 * process's CPU time is the figure to read, and the steps held are not measured.
 */
public final class StreamSpeed {

    private static final double SECONDS = 580;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private StreamSpeed() {
    }

    public static void main(String[] args) throws Exception {
        List<String> names = args.length > 0 ? List.of(args) : List.of("msd/crnn", "msd/fcn");
        List<Backbones.Backbone> list = new ArrayList<>();
        for (String name : names) {
            Path pth = org.genrevamp.testing.SharedData.dataDir().resolve("pretrained/" + name + "/best_model.pth");
            list.add(Backbones.read(name, Files.readAllBytes(pth), pth.toString()));
        }
        Backbones backbones = new Backbones(list, Backbones.Features.BOTH);
        TransferModel model = new TransferModel(backbones, org.genrevamp.testing.TestTransferModels.randomHead(backbones.featureSize(), 3, 1),
                org.genrevamp.testing.TestTransferModels.LABELS, Map.of());
        int frames = 1 + (int) (SECONDS * 16000 / 256);
        Random random = new Random(42);
        float[][] mel = new float[frames][96];
        for (float[] frame : mel) {
            for (int m = 0; m < 96; m++) {
                frame[m] = (float) (-30 + 15 * random.nextGaussian());
            }
        }
        // warm-up: native library load and first-op costs are not the stream's
        model.predict(new float[][][] {java.util.Arrays.copyOf(mel, 1813)});

        int threads = Integer.getInteger("threads", 1);
        org.genrevamp.model.runtime.EnginePool.configureExactly(threads);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int[] windows = {0};
        int maxHeld = 0;
        long wall = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        long processCpu = os.getProcessCpuTime();
        TransferStream stream = model.openStream(1, (i, first, real, p) -> windows[0]++);
        for (float[] frame : mel) {
            stream.accept(frame);
            if (threads == 1) {
                maxHeld = Math.max(maxHeld, stream.heldSteps());
            }
        }
        stream.finish();
        double wallS = (System.nanoTime() - wall) / 1e9;
        double cpuS = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
        double processCpuS = (os.getProcessCpuTime() - processCpu) / 1e9;
        System.out.printf(Locale.ROOT,
                "TransferStream %s, %.0f s of audio (%d frames, %d windows at hop 1.536 s), OMP_NUM_THREADS=%s,"
                        + " %d engine threads:%n  wall %.2f s (%.1fx real time), calling thread CPU %.2f s, process CPU"
                        + " %.2f s, at most %d trunk steps held%n",
                model.architecture(), SECONDS, frames, windows[0], System.getenv("OMP_NUM_THREADS"), threads,
                wallS, SECONDS / wallS, cpuS, processCpuS, maxHeld);
    }
}
