package org.genrevamp.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.genrevamp.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The genre outputs through vamp-simple-host, a real host in its own process (JVM started by the shim),
 * on every whole song in the shared data: segments cover the file end to end with the model's genres
 * (or {@code unknown}), and the track output spans the file. With the untrained test model (no trained
 * default bundled) nothing here depends on which genre comes out.
 */
class GenreSegmentsHostTest {

    static final String SEGMENTS = "vamp:genre-vamp:genre:segments";
    static final String TRACK = "vamp:genre-vamp:genre:track";
    static final String PROBABILITIES = "vamp:genre-vamp:genre:probabilities";
    /** JVM start, model load and a ~90 s mp3 on a loaded 2-core machine (~7 s idle). */
    static final Duration HOST_TIMEOUT = Duration.ofSeconds(180);
    /**
     * libsndfile (vamp-simple-host) and sox decode mp3 lengths a few ms apart, and the host pads the last
     * block (1024 samples, 23 ms at 44.1 kHz): measured |end - soxi -D| <= 0.03 s on these songs.
     */
    static final double MP3_LENGTH_TOLERANCE_S = 0.1;
    /** vamp-simple-host prints 9 decimals. */
    static final double PRINTED_TIME_TOLERANCE_S = 2e-9;

    @ParameterizedTest
    @ValueSource(strings = {"classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae"})
    void segmentsCoverTheSongWithTheModelsGenres(String song) throws Exception {
        VampSimpleHost.assumeAvailable();
        Path audio = SharedData.require("songs/" + song + ".mp3");
        Path dir = HostArtifacts.dir("genre-segments-" + song);
        VampSimpleHost.Result host = new VampSimpleHost(dir, GenreVampBuild.requireVampDir().toString())
                .run(audio, SEGMENTS, 1, HOST_TIMEOUT);
        assertEquals(0, host.process().exitCode(), host::diagnosis);
        List<VampFeature> segments = host.features();
        assertFalse(segments.isEmpty(), host::diagnosis);
        double end = assertContiguousFromZero(segments, HostModel.labels());
        assertEquals(soxSeconds(audio), end, MP3_LENGTH_TOLERANCE_S, "segments end where the song ends");
        assertTrue(host.process().stderrText().lines().noneMatch(l -> l.startsWith("genre-vamp:")),
                host::diagnosis);
    }

    @Test
    void trackAndProbabilitiesOfOneSong() throws Exception {
        VampSimpleHost.assumeAvailable();
        Path audio = SharedData.require("songs/reggae.mp3");
        Path dir = HostArtifacts.dir("genre-track-reggae");
        VampSimpleHost host = new VampSimpleHost(dir, GenreVampBuild.requireVampDir().toString());
        List<String> labels = HostModel.labels();

        VampSimpleHost.Result track = host.run(audio, TRACK, 1, HOST_TIMEOUT);
        assertEquals(0, track.process().exitCode(), track::diagnosis);
        assertEquals(1, track.features().size(), track::diagnosis);
        VampFeature whole = track.features().get(0);
        assertEquals(0.0, whole.seconds());
        assertEquals(soxSeconds(audio), whole.duration(), MP3_LENGTH_TOLERANCE_S);
        String[] parts = whole.label().replaceFirst("^unknown \\| ", "").split(" \\| ");
        assertEquals(Math.min(3, labels.size()), parts.length, whole.label());
        for (String part : parts) {
            assertTrue(labels.contains(part.split(" ")[0]), whole.label());
        }

        VampSimpleHost.Result probabilities = host.run(audio, PROBABILITIES, labels.size(), HOST_TIMEOUT);
        assertEquals(0, probabilities.process().exitCode(), probabilities::diagnosis);
        // ~78 s at a 1.5 s hop: about 50 windows of a 2 s scratch model, 34 of a transfer model (1.536 s hop,
        // 27.6 s windows: the first estimate needs a whole window)
        assertTrue(probabilities.features().size() > 30, probabilities::diagnosis);
        for (VampFeature f : probabilities.features()) {
            double sum = 0;
            for (float v : f.values()) {
                sum += v;
            }
            assertEquals(1.0, sum, 1e-4, "probabilities sum to 1 at " + f.seconds());
        }
    }

    @Test
    void aMissingModelFailsInitialiseWithOneLine() throws Exception {
        VampSimpleHost.assumeAvailable();
        Path audio = SharedData.require("gtzan-excerpts/short/jazz/jazz.00001.wav");
        Path dir = HostArtifacts.dir("genre-missing-model");
        VampSimpleHost.Result run = new VampSimpleHost(dir, GenreVampBuild.requireVampDir().toString())
                .with("GENRE_VAMP_MODEL", dir.resolve("no-such-model.zip").toString())
                .run(audio, SEGMENTS, 1, HOST_TIMEOUT);
        assertTrue(run.features().isEmpty(), run::diagnosis);
        List<String> lines = run.process().stderrText().lines().filter(l -> l.startsWith("genre-vamp:")).toList();
        assertTrue(lines.stream().anyMatch(l -> l.contains("GenrePlugin.loadModel") && l.contains("no-such-model.zip")
                && l.contains("file not found")), run::diagnosis);
    }

    /**
     * Asserts the regions start at 0, abut, have positive durations and labels from {@code labels}
     * (value = label's index) or {@code unknown} (value -1).
     *
     * @return the end of the last region in seconds
     */
    static double assertContiguousFromZero(List<VampFeature> segments, List<String> labels) {
        double end = 0;
        for (VampFeature s : segments) {
            assertTrue(s.hasDuration() && s.duration() > 0, "region with a duration: " + s);
            assertEquals(end, s.seconds(), PRINTED_TIME_TOLERANCE_S + 1e-9 * segments.size(), "regions abut");
            int index = Math.round(s.values()[0]);
            assertEquals(index < 0 ? "unknown" : labels.get(index), s.label());
            end = s.seconds() + s.duration();
        }
        return end;
    }

    static double soxSeconds(Path audio) throws IOException, InterruptedException {
        Process soxi = new ProcessBuilder("soxi", "-D", audio.toString()).redirectErrorStream(true).start();
        String out = new String(soxi.getInputStream().readAllBytes()).trim();
        assertEquals(0, soxi.waitFor(), "soxi: " + out);
        return Double.parseDouble(out);
    }
}
