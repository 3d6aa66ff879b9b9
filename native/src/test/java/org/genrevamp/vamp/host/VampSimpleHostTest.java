package org.genrevamp.vamp.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.genrevamp.dsp.Downmix;
import org.genrevamp.dsp.MelConfig;
import org.genrevamp.dsp.MelStream;
import org.genrevamp.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed plugin directory under the SDK's own host, vamp-simple-host, with nothing but
 * target/vamp on VAMP_PATH: it lists the plugin, and the melspectrogram it prints equals the Java
 * engine's own frames for the same samples.
 */
class VampSimpleHostTest {

    /**
     * vamp-simple-host prints values with 6 significant digits; for |dB| < 1000 that rounds by at most
     * 5e-4 dB. Everything upstream is the same code on the same floats, so this is the whole budget.
     */
    private static final double PRINTED_DB_TOLERANCE = 1e-3;
    /** Timestamps are printed to the nanosecond. */
    private static final double PRINTED_TIME_TOLERANCE = 2e-9;
    /**
     * ... as frame number / the output's float rate, which the plugin rounds up by 1e-7 and at most one
     * float step (OutputDescriptor.Builder#fixedSampleRateEvery; seen before that: 0.128072565 printed for
     * 0.128072562): relative 2.5e-7.
     */
    private static final double HOST_TIME_RELATIVE_TOLERANCE = 2.5e-7;
    /** The spectrogram of the model the host runs: the bundled default's (the plugin shows what its model sees). */
    private static final MelConfig MEL = defaultModelMel();

    private static MelConfig defaultModelMel() {
        try {
            return org.genrevamp.model.BundleInfo.bundledNames().contains("default")
                    ? org.genrevamp.model.BundleInfo.outlineOfBundled("default").melConfig() : MelConfig.defaults();
        } catch (org.genrevamp.model.bundle.BundleException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    @Test
    void listsTheTransformIds() {
        HostRun run = HostRun.run("vamp-simple-host", "--list-outputs");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.stdout().lines().anyMatch("vamp:genre-vamp:genre:melspectrogram"::equals), run::toString);
        HostRun list = HostRun.run("vamp-simple-host", "-l");
        assertTrue(list.stdout().contains("\"genre\" [genre-vamp]"), list::toString);
        assertTrue(list.stdout().contains("> Classification"), "category from genre-vamp.cat: " + list);
    }

    /** A whole stereo 44.1 kHz song, decoded once by sox so that host and reference read the same samples. */
    @Test
    void melspectrogramOfAWholeSongEqualsTheEngine(@TempDir Path dir) throws IOException {
        Path mp3 = SharedData.require("songs/jazz.mp3");
        Path wav = dir.resolve("jazz.wav");
        HostRun sox = HostRun.run("sox", mp3.toString(), "-b", "16", wav.toString());
        assertEquals(0, sox.exitCode(), sox::toString);
        assertHostEqualsEngine(wav, dir);
    }

    /** A GTZAN .au, read directly by the host (libsndfile) and by Java Sound. */
    @Test
    void melspectrogramOfAGtzanClipEqualsTheEngine(@TempDir Path dir) throws IOException {
        assertHostEqualsEngine(SharedData.require("gtzan-excerpts/full/blues/blues.00000.au"), dir);
    }

    private static void assertHostEqualsEngine(Path audio, Path dir) throws IOException {
        Path out = dir.resolve("host.txt");
        HostRun run = HostRun.run("vamp-simple-host", "genre-vamp:genre:melspectrogram", audio.toString(),
                "-o", out.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of(), run.pluginMessages(), run::toString);
        List<double[]> host = parse(Files.readAllLines(out));

        PcmFile pcm = PcmFile.read(audio);
        List<float[]> engine = new ArrayList<>();
        MelStream stream = new MelStream(MEL, pcm.sampleRate());
        float[] mono = Downmix.mono(pcm.channels());
        stream.push(mono, 0, mono.length, (k, db) -> engine.add(db.clone()));
        stream.finish((k, db) -> engine.add(db.clone()));

        // the host zero-pads the last block, so only frames whose window ends inside the signal must agree
        double hop = MEL.hopAt(pcm.sampleRate());
        int half = MEL.fftSizeAt(pcm.sampleRate()) / 2;
        int comparable = 0;
        while (comparable < engine.size() && Math.round(comparable * hop) + half < mono.length) {
            comparable++;
        }
        assertTrue(comparable > engine.size() - 10, comparable + " of " + engine.size() + " frames comparable");
        assertTrue(host.size() >= engine.size(), host.size() + " host frames for " + engine.size());
        for (int k = 0; k < comparable; k++) {
            double[] line = host.get(k);
            double expected = k * MEL.hopSecondsAt(pcm.sampleRate());
            assertEquals(expected, line[0], PRINTED_TIME_TOLERANCE + HOST_TIME_RELATIVE_TOLERANCE * expected,
                    "timestamp of frame " + k);
            assertEquals(MEL.melBands() + 1, line.length, "values in frame " + k);
            for (int b = 0; b < MEL.melBands(); b++) {
                if (Math.abs(line[b + 1] - engine.get(k)[b]) > PRINTED_DB_TOLERANCE) {
                    Path kept = Files.copy(out, Path.of("target", audio.getFileName() + ".host.txt"),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    throw new AssertionError(audio.getFileName() + " frame " + k + " band " + b + ": host "
                            + line[b + 1] + " dB, engine " + engine.get(k)[b] + " dB (host output kept in "
                            + kept.toAbsolutePath() + ")");
                }
            }
        }
    }

    /** Lines " 12.345678900: v1 v2 ..." as {timestamp, v1, v2, ...}. */
    private static List<double[]> parse(List<String> lines) {
        List<double[]> frames = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.trim().replace(":", "").split("\\s+");
            if (parts.length < 2) {
                continue;
            }
            double[] values = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                values[i] = Double.parseDouble(parts[i]);
            }
            frames.add(values);
        }
        return frames;
    }
}
