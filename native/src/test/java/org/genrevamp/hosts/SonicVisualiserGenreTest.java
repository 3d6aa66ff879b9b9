package org.genrevamp.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.genrevamp.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The genre plugin in Sonic Visualiser, as a user runs it: SV opens an audio file, runs the
 * melspectrogram (or tags) transform (in SV's Piper helper process, which starts its own JVM), exports the
 * colour-3D-plot layer and a PNG of the pane. The layer must equal vamp-simple-host's output for the
 * same file. Everything is left in target/host-artifacts/genre-melspectrogram-{gtzan-au,song-mp3}/
 * (pane.png, layer.csv, comparison.txt, SV's stderr and debug log) for a person to look at.
 */
class SonicVisualiserGenreTest {
    private static final String TRANSFORM = "vamp:genre-vamp:genre:melspectrogram";
    private static final String TAGS = "vamp:genre-vamp:genre:tags";
    private static final int TAG_BINS = 50;
    /**
     * The default model's spectrogram (the taggers' 16 kHz front end, hop 256): at 22.05 and 44.1 kHz its
     * hop is 352.8 and 705.6 samples, which the plugin rounds to whole samples (353, 706), so SV's
     * resolution equals the plugin's hop and its rows sit exactly on the plugin's timestamps.
     */
    private static final int MEL_BANDS = 96;
    /** SV start-up + the helper's JVM start + up to 90 s of audio, on a loaded 2-core machine; ~7-13 s idle. */
    private static final Duration SV_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration HOST_TIMEOUT = Duration.ofSeconds(120);
    /**
     * For mp3 the hosts decode differently (SV: libmad, fixed point; vamp-simple-host: libsndfile with
     * mpg123, float), so the plugin sees slightly different samples. Measured on songs/jazz.mp3: median
     * difference 0, max 0.12 dB (in the first frames and in quiet bands). Bound: 0.5 dB.
     */
    private static final DenseLayerComparison.Tolerance MP3_DECODERS = new DenseLayerComparison.Tolerance(0, 0.5);

    @Test
    void melspectrogramOfAGtzanClipInSonicVisualiserMatchesVampSimpleHost() throws Exception {
        Path audio = SharedData.require("gtzan-excerpts/full/blues/blues.00000.au"); // 30 s, 22050 Hz mono
        DenseLayerComparison.Report report = runBothHosts(audio, "genre-melspectrogram-gtzan-au", TRANSFORM, MEL_BANDS, 100,
                DenseLayerComparison.SIX_DIGIT_TEXT);
        // Time-domain plugin, timestamped features: SV's row 0 is the host's first frame, nothing extra.
        assertEquals(0, report.rowOffset(), report::toString);
        assertEquals(353, report.resolutionFrames(), report::toString);
    }

    @Test
    void melspectrogramOfAStereoMp3SongInSonicVisualiserMatchesVampSimpleHost() throws Exception {
        Path audio = SharedData.require("songs/jazz.mp3"); // 85 s, 44100 Hz stereo
        DenseLayerComparison.Report report = runBothHosts(audio, "genre-melspectrogram-song-mp3", TRANSFORM, MEL_BANDS, 100,
                MP3_DECODERS);
        assertEquals(0, report.rowOffset(), report::toString);
        assertEquals(706, report.resolutionFrames(), report::toString);
    }

    /**
     * The tags as a colour 3D plot: 50 named rows, one column per 96-frame step, which at 44.1 kHz is
     * 96 * 706 = 67776 samples (the whole-sample hop; a fractional one would be rounded by SV). A WAV
     * written by sox, so that both hosts read the same samples.
     */
    @Test
    void tagsOfASongInSonicVisualiserMatchVampSimpleHost() throws Exception {
        tagsOfASong("genre-tags-song-wav", null);
    }

    /**
     * Two genre-vamp layers computed at once on one file (the genre probabilities added first, then the
     * tags): SV runs two plugin instances at the same time, whose streams share the engine's pool; the
     * tags layer still equals vamp-simple-host's and SV exits normally.
     */
    @Test
    void tagsComputedBesideAGenreLayerInSonicVisualiserMatchVampSimpleHost() throws Exception {
        tagsOfASong("genre-tags-beside-genre", "vamp:genre-vamp:genre:probabilities");
    }

    private static void tagsOfASong(String artifacts, String alongside) throws Exception {
        SonicVisualiser.assumeAvailable();
        Path song = SharedData.require("songs/jazz.mp3");
        Path wav = HostArtifacts.dir(artifacts).resolve("jazz-60s.wav");
        Process sox = new ProcessBuilder("sox", song.toString(), "-b", "16", wav.toString(), "trim", "0", "60")
                .redirectErrorStream(true).start();
        String soxOut = new String(sox.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, sox.waitFor(), soxOut);
        DenseLayerComparison.Report report = runBothHosts(wav, artifacts, TAGS, TAG_BINS, 20,
                DenseLayerComparison.SIX_DIGIT_TEXT, alongside);
        assertEquals(0, report.rowOffset(), report::toString);
        assertEquals(96 * 706, report.resolutionFrames(), report::toString);
    }

    /** Runs both hosts on {@code audio}, asserts that they agree and that SV drew its pane; returns the comparison. */
    private static DenseLayerComparison.Report runBothHosts(Path audio, String artifacts, String transform, int bins,
                                                           int minFeatures, DenseLayerComparison.Tolerance tolerance)
            throws Exception {
        return runBothHosts(audio, artifacts, transform, bins, minFeatures, tolerance, null);
    }

    /** As above, with SV also computing the layer of {@code alongside} (null: none) at the same time. */
    private static DenseLayerComparison.Report runBothHosts(Path audio, String artifacts, String transform, int bins,
                                                           int minFeatures, DenseLayerComparison.Tolerance tolerance,
                                                           String alongside) throws Exception {
        SonicVisualiser.assumeAvailable();
        VampSimpleHost.assumeAvailable();
        String vampPath = GenreVampBuild.requireVampDir().toString();
        Path dir = HostArtifacts.dir(artifacts);

        VampSimpleHost.Result host = new VampSimpleHost(dir, vampPath)
                .run(audio, transform, bins, HOST_TIMEOUT);
        assertEquals(0, host.process().exitCode(), host::diagnosis);
        List<VampFeature> features = host.features();
        assertTrue(features.size() > minFeatures, () -> features.size() + " frames; " + host.diagnosis());

        SonicVisualiser svHost = new SonicVisualiser(dir, vampPath);
        SonicVisualiser.Result sv = (alongside == null ? svHost : svHost.alongside(alongside))
                .run(audio, transform, dir.resolve("layer.csv"), dir.resolve("pane.png"), SV_TIMEOUT);
        assertFalse(sv.timedOut(), sv::diagnosis);
        assertEquals(0, sv.exitCode(), sv::diagnosis);
        assertTrue(sv.csvWritten(), sv::diagnosis);

        List<double[]> rows = SvLayerCsv.numericRows(sv.csv());
        assertEquals(bins, rows.get(0).length, () -> "SV exported bins; " + sv.diagnosis());
        // Both hosts analyse at the file's own rate; vamp-simple-host's timestamps give the step.
        double rate = AudioFileRate.of(audio);
        DenseLayerComparison.Report report = DenseLayerComparison.compare(rows, features, rate, bins, tolerance);
        Files.writeString(dir.resolve("comparison.txt"), audio + "\n" + report + "\n", StandardCharsets.UTF_8);
        assertTrue(report.agrees(), () -> report + "\n" + sv.diagnosis());
        assertEquals(features.size(), rows.size(), report::toString);
        SonicVisualiserStockPluginTest.assertDrawnPane(sv);
        return report;
    }
}
