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
 * The genre plugin in Sonic Visualiser, as a user runs it: SV opens a GTZAN clip, runs the
 * melspectrogram transform (in SV's Piper helper process, which starts its own JVM), exports the
 * colour-3D-plot layer and a PNG of the pane. The layer must equal vamp-simple-host's output for the
 * same file. Everything is left in target/host-artifacts/genre-melspectrogram/ (pane.png, layer.csv,
 * comparison.txt, SV's stderr and debug log) for a person to look at.
 */
class SonicVisualiserGenreTest {
    private static final String TRANSFORM = "vamp:genre-vamp:genre:melspectrogram";
    private static final String CLIP = "gtzan-excerpts/full/blues/blues.00000.au"; // 30 s, 22050 Hz mono
    private static final int MEL_BANDS = 128;
    /** SV start-up + the helper's JVM start + 30 s of audio, on a loaded 2-core machine; measured ~7 s idle. */
    private static final Duration SV_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration HOST_TIMEOUT = Duration.ofSeconds(120);

    @Test
    void melspectrogramLayerInSonicVisualiserMatchesVampSimpleHost() throws Exception {
        SonicVisualiser.assumeAvailable();
        VampSimpleHost.assumeAvailable();
        Path audio = SharedData.require(CLIP);
        String vampPath = GenreVampBuild.requireVampDir().toString();
        Path dir = HostArtifacts.dir("genre-melspectrogram");

        VampSimpleHost.Result host = new VampSimpleHost(dir, vampPath).run(audio, TRANSFORM, MEL_BANDS, HOST_TIMEOUT);
        assertEquals(0, host.process().exitCode(), host::diagnosis);
        List<VampFeature> features = host.features();
        double rate = SonicVisualiserStockPluginTest.sampleRate(audio);
        // One frame per hop (512 samples at 22050 Hz) over 30 s, with centred frames: ~1292 + 1.
        assertTrue(Math.abs(features.size() - 30.01 * rate / 512) < 5, () -> features.size() + " frames; " + host.diagnosis());

        SonicVisualiser.Result sv = new SonicVisualiser(dir, vampPath)
                .run(audio, TRANSFORM, dir.resolve("layer.csv"), dir.resolve("pane.png"), SV_TIMEOUT);
        assertFalse(sv.timedOut(), sv::diagnosis);
        assertEquals(0, sv.exitCode(), sv::diagnosis);
        assertTrue(sv.csvWritten(), sv::diagnosis);

        List<double[]> rows = SvLayerCsv.numericRows(sv.csv());
        assertEquals(MEL_BANDS, rows.get(0).length, () -> "SV exported bins; " + sv.diagnosis());
        DenseLayerComparison.Report report = DenseLayerComparison.compare(rows, features, rate, MEL_BANDS);
        Files.writeString(dir.resolve("comparison.txt"), report + "\n", StandardCharsets.UTF_8);
        assertTrue(report.agrees(), () -> report + "\n" + sv.diagnosis());
        // Time-domain plugin, timestamped features: SV's row 0 is the host's first frame, nothing extra.
        assertEquals(0, report.rowOffset(), report::toString);
        assertEquals(features.size(), rows.size(), report::toString);
        SonicVisualiserStockPluginTest.assertDrawnPane(sv);
    }
}
