package org.genrevamp.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.genrevamp.model.GenreModels;
import org.genrevamp.model.transfer.TransferModel;
import org.genrevamp.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The bundled {@code dance} model through vamp-simple-host: a rhythm head, so the plugin runs it window
 * by window (not streamed) and computes the rhythm features itself. The song is one of its training
 * songs (the shipped head saw all 116): this checks the run-time path gives the label the trainer fitted,
 * not generalisation (the model card's cross-validation says that).
 */
class DanceHostTest {

    @Test
    void aWaltzComesOutAsAWaltz() throws Exception {
        VampSimpleHost.assumeAvailable();
        Path song = SharedData.require("ballroom/waltz/George-Strait-You-Look-So-Good-In-Love.mp3");
        Path bundle = SharedData.repositoryRoot().resolve("plugin/src/main/resources/models/dance.zip");
        TransferModel dance = (TransferModel) GenreModels.load(bundle);
        assertTrue(!dance.streams());
        VampSimpleHost host = new VampSimpleHost(HostArtifacts.dir("dance"), GenreVampBuild.requireVampDir().toString())
                .with("GENRE_VAMP_MODEL", bundle.toString());
        VampSimpleHost.Result run = host.run(song, "vamp:genre-vamp:genre:track", 1, GenreSegmentsHostTest.HOST_TIMEOUT);
        assertEquals(0, run.process().exitCode(), run::diagnosis);
        List<VampFeature> track = run.features();
        assertEquals(1, track.size(), run::diagnosis);
        String label = track.get(0).label();
        assertTrue(label.startsWith("waltz "), "track label: " + label);
        assertEquals(dance.labels().indexOf("waltz"), (int) track.get(0).values()[0]);
    }
}
