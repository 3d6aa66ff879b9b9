package org.genrevamp.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.genrevamp.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The default model through vamp-simple-host on 1, 2 and 4 engine threads (4 forced past this machine's
 * cores with {@code -Dgenrevamp.threadsExactly}, as GENRE_VAMP_THREADS is capped at the cores): the same
 * probabilities per window. The Java API test ({@code ParallelStreamTest}) checks bit-identity; the host
 * prints 6 significant digits, so here the printed values must be equal to within {@link #SAME}.
 */
class EngineThreadsHostTest {

    static final String PROBABILITIES = "vamp:genre-vamp:genre:probabilities";
    static final Duration HOST_TIMEOUT = Duration.ofSeconds(300);
    /** 70 s: 27 windows of 29 s at the default hop, several chunks of every backbone in flight at once. */
    static final int SECONDS = 70;
    static final double SAME = 1e-6;

    @Test
    void oneTwoAndFourThreadsPrintTheSameProbabilities() throws Exception {
        VampSimpleHost.assumeAvailable();
        Path song = SharedData.require("songs/jazz.mp3");
        Path dir = HostArtifacts.dir("engine-threads");
        Path wav = dir.resolve("jazz-70s.wav");
        Process sox = new ProcessBuilder("sox", song.toString(), "-b", "16", wav.toString(), "trim", "0",
                String.valueOf(SECONDS)).redirectErrorStream(true).start();
        String soxOut = new String(sox.getInputStream().readAllBytes());
        assertEquals(0, sox.waitFor(), soxOut);
        int bins = HostModel.labels().size();
        VampSimpleHost host = new VampSimpleHost(dir, GenreVampBuild.requireVampDir().toString());
        List<VampFeature> one = run(host.with("GENRE_VAMP_THREADS", "1"), wav, bins);
        assertTrue(one.size() >= 25, "windows: " + one.size());
        assertSame(one, run(host.with("GENRE_VAMP_THREADS", "2"), wav, bins), "2 threads");
        assertSame(one, run(host.with("GENRE_VAMP_JAVA_OPTS", "-Dgenrevamp.threadsExactly=4"), wav, bins), "4 threads");
    }

    private static List<VampFeature> run(VampSimpleHost host, Path wav, int bins) throws Exception {
        VampSimpleHost.Result run = host.run(wav, PROBABILITIES, bins, HOST_TIMEOUT);
        assertEquals(0, run.process().exitCode(), run::diagnosis);
        assertTrue(run.process().stderrText().lines().noneMatch(l -> l.startsWith("genre-vamp:")), run::diagnosis);
        return run.features();
    }

    private static void assertSame(List<VampFeature> reference, List<VampFeature> actual, String what) {
        assertEquals(reference.size(), actual.size(), what);
        for (int i = 0; i < reference.size(); i++) {
            assertEquals(reference.get(i).seconds(), actual.get(i).seconds(), 0, what + " feature " + i);
            float[] r = reference.get(i).values();
            float[] a = actual.get(i).values();
            assertEquals(r.length, a.length, what);
            for (int b = 0; b < r.length; b++) {
                assertEquals(r[b], a[b], SAME, what + " feature " + i + " bin " + b);
            }
        }
    }
}
