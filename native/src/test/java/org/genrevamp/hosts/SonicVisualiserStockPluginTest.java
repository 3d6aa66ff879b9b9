package org.genrevamp.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.genrevamp.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The harness itself, proven on the Vamp SDK's example plugins (Debian vamp-examples): Sonic
 * Visualiser and vamp-simple-host must agree on the same file, and a failing SV run must be killed and
 * leave a diagnosis. Files stay in target/host-artifacts/stock-*.
 */
class SonicVisualiserStockPluginTest {
    private static final String CLIP = "gtzan-excerpts/long/blues/blues.00000.wav"; // 15 s, 22050 Hz mono
    private static final Duration SV_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration HOST_TIMEOUT = Duration.ofSeconds(60);
    /** Amplitude follower: SV writes the time with 9 decimals, as vamp-simple-host does. */
    private static final double TIME_TOLERANCE_SECONDS = 1e-6;

    @Test
    void amplitudeFollowerTimeValuesLayerMatchesVampSimpleHost() throws Exception {
        String transform = "vamp:vamp-example-plugins:amplitudefollower:amplitude";
        Path audio = requireStockPluginAndClip();
        Path dir = HostArtifacts.dir("stock-amplitudefollower");

        VampSimpleHost.Result host = new VampSimpleHost(dir, SonicVisualiser.SYSTEM_VAMP_PATH).run(audio, transform, 1, HOST_TIMEOUT);
        assertEquals(0, host.process().exitCode(), host::diagnosis);
        SonicVisualiser.Result sv = new SonicVisualiser(dir, SonicVisualiser.SYSTEM_VAMP_PATH)
                .run(audio, transform, dir.resolve("layer.csv"), dir.resolve("pane.png"), SV_TIMEOUT);
        assertFalse(sv.timedOut(), sv::diagnosis);
        assertTrue(sv.csvWritten(), sv::diagnosis);

        List<double[]> rows = SvLayerCsv.numericRows(sv.csv());
        List<VampFeature> features = host.features();
        assertEquals(features.size(), rows.size(), () -> "feature count differs; " + sv.diagnosis());
        for (int i = 0; i < rows.size(); i++) {
            double[] row = rows.get(i);
            VampFeature f = features.get(i);
            int at = i;
            assertEquals(2, row.length, () -> "row " + at + " of " + sv.csv() + " is not time,value");
            assertEquals(f.seconds(), row[0], TIME_TOLERANCE_SECONDS, () -> "time of row " + at);
            assertEquals(f.values()[0], row[1],
                    DenseLayerComparison.SIX_DIGIT_RELATIVE_TOLERANCE * Math.abs(row[1]) + DenseLayerComparison.NEAR_ZERO_ABSOLUTE_TOLERANCE,
                    () -> "value of row " + at + " (" + sv.csv() + ")");
        }
        assertDrawnPane(sv);
    }

    @Test
    void powerSpectrumColour3DLayerMatchesVampSimpleHost() throws Exception {
        String transform = "vamp:vamp-example-plugins:powerspectrum:powerspectrum";
        Path audio = requireStockPluginAndClip();
        Path dir = HostArtifacts.dir("stock-powerspectrum");

        VampSimpleHost.Result host = new VampSimpleHost(dir, SonicVisualiser.SYSTEM_VAMP_PATH).run(audio, transform, -1, HOST_TIMEOUT);
        assertEquals(0, host.process().exitCode(), host::diagnosis);
        SonicVisualiser.Result sv = new SonicVisualiser(dir, SonicVisualiser.SYSTEM_VAMP_PATH)
                .run(audio, transform, dir.resolve("layer.csv"), dir.resolve("pane.png"), SV_TIMEOUT);
        assertFalse(sv.timedOut(), sv::diagnosis);
        assertTrue(sv.csvWritten(), sv::diagnosis);

        List<double[]> rows = SvLayerCsv.numericRows(sv.csv());
        int hostBins = host.features().get(0).values().length;
        assertEquals(513, hostBins, "power spectrum of a 1024-point block");
        // SV 4.5.1 writes only the bins its pane shows: here the top (Nyquist) bin is left out.
        assertEquals(hostBins - 1, rows.get(0).length, () -> "SV bins; " + sv.diagnosis());
        DenseLayerComparison.Report report = DenseLayerComparison.compare(rows, host.features(), AudioFileRate.of(audio), hostBins - 1,
                DenseLayerComparison.SIX_DIGIT_TEXT);
        assertTrue(report.agrees(), () -> report + "\n" + sv.diagnosis());
        // Frequency-domain plugin: SV's first block is centred on frame 0, so its row 1 is the host's first feature.
        assertEquals(1, report.rowOffset(), report::toString);
        assertDrawnPane(sv);
    }

    @Test
    void unknownTransformIsKilledAtTheTimeoutAndLeavesADiagnosis() throws Exception {
        SonicVisualiser.assumeAvailable();
        Path audio = SharedData.require(CLIP);
        Path dir = HostArtifacts.dir("stock-unknown-transform");
        Duration timeout = Duration.ofSeconds(20);

        SonicVisualiser.Result sv = new SonicVisualiser(dir, SonicVisualiser.SYSTEM_VAMP_PATH)
                .run(audio, "vamp:no-such-library:nothing:here", dir.resolve("layer.csv"), null, timeout);

        // SV shows a modal "failed" dialog and never reaches /quit: only the harness's kill ends it.
        assertTrue(sv.timedOut(), sv::diagnosis);
        assertFalse(sv.csvWritten(), sv::diagnosis);
        assertTrue(sv.stderr().contains("No known server for identifier vamp:no-such-library:nothing"), sv::diagnosis);
        assertTrue(sv.diagnosis().contains("KILLED after timeout"), sv::diagnosis);
    }

    private static Path requireStockPluginAndClip() {
        SonicVisualiser.assumeAvailable();
        VampSimpleHost.assumeAvailable();
        assumeTrue(Files.isRegularFile(Path.of("/usr/lib/x86_64-linux-gnu/vamp/vamp-example-plugins.so")),
                "vamp-examples plugins absent: skipped");
        return SharedData.require(CLIP);
    }

    /** The PNG exists, is as wide as a fitted pane on the 1400-pixel virtual screen, and is not blank. */
    static void assertDrawnPane(SonicVisualiser.Result sv) throws Exception {
        assertTrue(sv.pngWritten(), sv::diagnosis);
        PaneImage image = PaneImage.read(sv.png());
        assertTrue(image.width() >= 400 && image.height() >= 100, () -> "pane image " + image + " at " + sv.png());
        assertTrue(image.distinctColours() >= 16, () -> "pane image looks blank: " + image + " at " + sv.png());
    }
}
