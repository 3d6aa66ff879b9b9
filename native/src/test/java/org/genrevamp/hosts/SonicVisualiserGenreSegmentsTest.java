package org.genrevamp.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.genrevamp.testing.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The genre segments in Sonic Visualiser as a user runs them: SV opens a song, runs the segments
 * transform (a Regions layer over the waveform), exports the layer and a PNG of the pane. The regions
 * must be the ones vamp-simple-host prints for the same file. Left in
 * target/host-artifacts/genre-segments-sv-&lt;song&gt;/ (pane.png, layer.csv, comparison.txt).
 */
class SonicVisualiserGenreSegmentsTest {

    private static final String TRANSFORM = GenreSegmentsHostTest.SEGMENTS;
    private static final Duration SV_TIMEOUT = Duration.ofSeconds(240);
    /**
     * SV decodes mp3 with its own decoder and vamp-simple-host with libsndfile: lengths differ by a few ms
     * and SV prints times with fewer digits. Region starts and the file end must agree within this.
     */
    private static final double HOSTS_TIME_TOLERANCE_S = 0.05;

    @ParameterizedTest
    @ValueSource(strings = {"reggae", "metal", "classical"})
    void regionsLayerInSonicVisualiserMatchesVampSimpleHost(String song) throws Exception {
        SonicVisualiser.assumeAvailable();
        VampSimpleHost.assumeAvailable();
        Path audio = SharedData.require("songs/" + song + ".mp3");
        String vampPath = GenreVampBuild.requireVampDir().toString();
        Path dir = HostArtifacts.dir("genre-segments-sv-" + song);

        VampSimpleHost.Result host = new VampSimpleHost(dir, vampPath).run(audio, TRANSFORM, 1,
                GenreSegmentsHostTest.HOST_TIMEOUT);
        assertEquals(0, host.process().exitCode(), host::diagnosis);
        List<VampFeature> expected = host.features();
        assertFalse(expected.isEmpty(), host::diagnosis);

        SonicVisualiser.Result sv = new SonicVisualiser(dir, vampPath)
                .run(audio, TRANSFORM, dir.resolve("layer.csv"), dir.resolve("pane.png"), SV_TIMEOUT);
        assertFalse(sv.timedOut(), sv::diagnosis);
        assertEquals(0, sv.exitCode(), sv::diagnosis);
        assertTrue(sv.csvWritten(), sv::diagnosis);

        // regions export: seconds,value,duration,label
        List<List<String>> rows = SvLayerCsv.rows(sv.csv());
        List<String> report = new ArrayList<>();
        report.add("vamp-simple-host | sonic visualiser");
        for (int i = 0; i < Math.max(rows.size(), expected.size()); i++) {
            report.add((i < expected.size() ? expected.get(i).toString() : "-") + " | "
                    + (i < rows.size() ? String.join(",", rows.get(i)) : "-"));
        }
        Files.write(dir.resolve("comparison.txt"), report, StandardCharsets.UTF_8);
        assertEquals(expected.size(), rows.size(), () -> String.join("\n", report));
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            VampFeature e = expected.get(i);
            assertEquals(4, row.size(), () -> "a regions layer row: " + row);
            assertEquals(e.seconds(), Double.parseDouble(row.get(0)), HOSTS_TIME_TOLERANCE_S, () -> String.join("\n", report));
            assertEquals(e.values()[0], Double.parseDouble(row.get(1)), 0.0, () -> String.join("\n", report));
            assertEquals(e.duration(), Double.parseDouble(row.get(2)), HOSTS_TIME_TOLERANCE_S, () -> String.join("\n", report));
            assertEquals(e.label(), row.get(3), () -> String.join("\n", report));
        }
        SonicVisualiserStockPluginTest.assertDrawnPane(sv);
    }
}
