package org.genrevamp.vamp.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.genrevamp.audio.AudioFiles;
import org.genrevamp.audio.DecodedAudio;
import org.genrevamp.testing.SharedData;
import org.genrevamp.vamp.GenrePlugin;
import org.genrevamp.vamp.RealTime;

/**
 * What the {@code tags}/{@code tracktags} outputs cost (Vamp plugins compute every output whatever the host
 * shows, so the {@code tagger} parameter decides): the whole plugin in-process (no host, no JNA) on shared
 * songs, in 8192-sample blocks as vamp-simple-host sends them, for each model and tagger setting. Each
 * configuration runs once to load its models, then is timed.
 *
 * <pre>
 * OMP_NUM_THREADS=1 mvn -B -o -q -pl plugin test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.genrevamp.vamp.bench.TagCostBenchmark -Dexec.args="[SONG ...]"
 * </pre>
 * Default songs: reggae, metal (156 s of 44.1 kHz stereo mp3 from ../shared/data/songs).
 */
public final class TagCostBenchmark {

    private static final int BLOCK = 8192;
    /** model, tagger (value names of the plugin's parameters). */
    private static final String[][] CONFIGURATIONS = {
        {"default", "off"}, {"default", "msd"}, {"default", "mtat"}, {"default", "jamendo"},
        {"cnn", "off"}, {"cnn", "msd"}};

    private TagCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> songs = args.length > 0 ? Arrays.asList(args) : List.of("reggae", "metal");
        List<DecodedAudio> audio = new ArrayList<>();
        double seconds = 0;
        for (String song : songs) {
            DecodedAudio a = AudioFiles.read(SharedData.require("songs/" + song + ".mp3"));
            audio.add(a);
            seconds += a.seconds();
        }
        System.out.printf(Locale.ROOT, "TagCostBenchmark: %s, %.1f s of audio, OMP_NUM_THREADS=%s%n", songs, seconds,
                System.getenv("OMP_NUM_THREADS"));
        System.out.println("model    tagger   wall s   x real time");
        for (String[] c : CONFIGURATIONS) {
            run(audio, c[0], c[1]);   // loads the model and the tagger
            long t0 = System.nanoTime();
            run(audio, c[0], c[1]);
            double wall = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%-8s %-8s %6.2f   %6.1f%n", c[0], c[1], wall, seconds / wall);
        }
    }

    private static void run(List<DecodedAudio> songs, String model, String tagger) {
        for (DecodedAudio a : songs) {
            GenrePlugin plugin = new GenrePlugin(a.sampleRate());
            plugin.setParameter("model", plugin.getParameterDescriptors().get(0).valueNames().indexOf(model));
            plugin.setParameter("tagger", plugin.getParameterDescriptors().stream()
                    .filter(d -> d.identifier().equals("tagger")).findFirst().orElseThrow().valueNames().indexOf(tagger));
            if (!plugin.initialise(a.channelCount(), BLOCK, BLOCK)) {
                throw new IllegalStateException("initialise failed for " + model + " / " + tagger);
            }
            float[][] buffers = new float[a.channelCount()][BLOCK];
            for (int start = 0; start < a.frames(); start += BLOCK) {
                for (int c = 0; c < buffers.length; c++) {
                    Arrays.fill(buffers[c], 0f);
                    System.arraycopy(a.channels()[c], start, buffers[c], 0, Math.min(BLOCK, a.frames() - start));
                }
                plugin.process(buffers, RealTime.fromSeconds(start / (double) a.sampleRate()));
            }
            plugin.getRemainingFeatures();
        }
    }
}
