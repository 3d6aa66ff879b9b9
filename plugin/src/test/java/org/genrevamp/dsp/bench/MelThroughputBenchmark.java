package org.genrevamp.dsp.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.genrevamp.dsp.FrameSink;
import org.genrevamp.dsp.LogMelSpectrogram;
import org.genrevamp.dsp.MelConfig;
import org.genrevamp.dsp.MelStream;
import org.genrevamp.dsp.TestSignals;
import org.genrevamp.testing.SharedData;

/**
 * Log-mel throughput on one thread (22.05 kHz mono, FFT 2048, hop 512, 128 bands), against the numpy
 * reference ({@code reference/bench_numpy.py}, one thread) timed on the same audio in the same run.
 *
 * <p>Run from the repository root:
 * <pre>
 * mvn -B -o -q -pl plugin test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.genrevamp.dsp.bench.MelThroughputBenchmark [-Dexec.args="SECONDS REPEATS"]
 * </pre>
 * Audio: GTZAN {@code long/} excerpts from {@code ../shared/data}, concatenated up to SECONDS (default 60).
 * Prints best and median of REPEATS (default 7) timed runs after warm-up, in seconds of audio per second.
 */
public final class MelThroughputBenchmark {
    private static final double RATE = 22050;
    private static final Path NUMPY_SCRIPT = Path.of("plugin/src/test/resources/org/genrevamp/dsp/reference/bench_numpy.py");

    private MelThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 60;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        float[] audio = gtzanAudio(seconds);
        double audioSeconds = audio.length / RATE;
        MelConfig config = MelConfig.defaults();
        System.out.printf("audio: %.1f s of GTZAN long/ excerpts at %.0f Hz; FFT %d, hop %d, %d bands; %d repeats%n",
                audioSeconds, RATE, config.fftSize(), config.hopSize(), config.melBands(), repeats);

        for (int i = 0; i < 5; i++) {
            LogMelSpectrogram.compute(audio, RATE, config); // JIT warm-up
        }
        double[] whole = new double[repeats];
        double[] streamed = new double[repeats];
        MelStream stream = new MelStream(config, RATE);
        long[] frames = new long[1];
        FrameSink count = (k, db) -> frames[0]++;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            LogMelSpectrogram.compute(audio, RATE, config);
            long t1 = System.nanoTime();
            for (int pos = 0; pos < audio.length; pos += 512) {
                stream.push(audio, pos, Math.min(512, audio.length - pos), count);
            }
            stream.finish(count);
            long t2 = System.nanoTime();
            whole[r] = (t1 - t0) / 1e9;
            streamed[r] = (t2 - t1) / 1e9;
        }
        report("java LogMelSpectrogram.compute", audioSeconds, whole);
        report("java MelStream, 512-sample blocks", audioSeconds, streamed);

        double[] numpy = numpySeconds(audio, repeats);
        if (numpy != null) {
            report("numpy reference (melref.py)", audioSeconds, numpy);
            System.out.printf("ratio java/numpy (best): %.2fx   (median): %.2fx%n",
                    best(numpy) / best(whole), median(numpy) / median(whole));
        }
    }

    private static void report(String what, double audioSeconds, double[] times) {
        System.out.printf("%-36s best %8.4f s = %8.0f x real time   median %8.4f s = %8.0f x real time%n", what,
                best(times), audioSeconds / best(times), median(times), audioSeconds / median(times));
    }

    private static double best(double[] t) {
        return Arrays.stream(t).min().orElse(Double.NaN);
    }

    private static double median(double[] t) {
        double[] s = t.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double[] numpySeconds(float[] audio, int repeats) throws IOException, InterruptedException {
        Path script = SharedData.repositoryRoot().resolve(NUMPY_SCRIPT);
        Path raw = Files.createTempFile("genre-vamp-bench", ".f32");
        try {
            ByteBuffer bytes = ByteBuffer.allocate(4 * audio.length).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(audio);
            Files.write(raw, bytes.array());
            ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", script.toString(), raw.toString(),
                    Double.toString(RATE), Integer.toString(repeats)).redirectErrorStream(true);
            pb.environment().put("OMP_NUM_THREADS", "1");
            pb.environment().put("OPENBLAS_NUM_THREADS", "1");
            Process p = pb.start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
                out.lines().forEach(lines::add);
            }
            if (p.waitFor() != 0 || lines.isEmpty() || !lines.get(lines.size() - 1).startsWith("numpy ")) {
                System.out.println("numpy reference failed: " + String.join(" | ", lines));
                return null;
            }
            // "numpy best_s=... median_s=... frames=..."
            String[] parts = lines.get(lines.size() - 1).split(" ");
            double bestS = Double.parseDouble(parts[1].substring("best_s=".length()));
            double medianS = Double.parseDouble(parts[2].substring("median_s=".length()));
            return new double[] {bestS, medianS};
        } finally {
            Files.deleteIfExists(raw);
        }
    }

    private static float[] gtzanAudio(double seconds) throws IOException {
        Path long_ = SharedData.dataDir().resolve("gtzan-excerpts/long");
        if (!Files.isDirectory(long_)) {
            throw new IOException("shared data absent: " + long_);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(long_)) {
            files = walk.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
        }
        int target = (int) (seconds * RATE);
        float[] audio = new float[target];
        int filled = 0;
        for (Path f : files) {
            if (filled >= target) {
                break;
            }
            TestSignals.Wav wav = TestSignals.readPcm16Mono(f);
            if (wav.sampleRate() != RATE) {
                throw new IOException(f + ": expected " + RATE + " Hz, got " + wav.sampleRate());
            }
            float[] x = wav.samples();
            int n = Math.min(x.length, target - filled);
            System.arraycopy(x, 0, audio, filled, n);
            filled += n;
        }
        return Arrays.copyOf(audio, filled);
    }
}
