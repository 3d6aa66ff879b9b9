package org.genrevamp.trainer.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.genrevamp.model.GenreModels;
import org.genrevamp.model.transfer.TransferModel;
import org.genrevamp.testing.SharedData;
import org.genrevamp.trainer.GenreTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code dance} bundle: a rhythm head that runs window by window, its card, and
 * {@code evaluate --model dance} on a folder per style. The two songs scored are training songs (the
 * shipped head was fitted on every ballroom song), so this checks that the plugin computes the
 * features as the trainer did (the shipped MLP head, l2 = 0.1, ranks its own training songs first;
 * features computed differently at run time would not), not how well it generalises: the card's
 * cross-validation figures say that.
 */
class DanceBundleTest {

    private static final List<String> SONGS = List.of("waltz/George-Strait-You-Look-So-Good-In-Love.mp3",
            "tango/Yuki-Hayashi-La-Cumparsita.mp3");

    @TempDir
    Path tmp;

    @Test
    void bundledDanceModelLoadsAndEvaluatesAFolderPerStyle() throws Exception {
        TransferModel dance = (TransferModel) GenreModels.loadBundled("dance");
        assertEquals(23, dance.labels().size());
        assertTrue(dance.rhythm());
        assertFalse(dance.streams(), "rhythm heads run window by window");
        assertTrue(String.valueOf(dance.card().get("pretrainedLicence")).contains("MIT License"));
        assertTrue(dance.card().containsKey("crossValidation"), dance.card().keySet().toString());

        Path shared = SharedData.require();
        Path data = tmp.resolve("styles");
        for (String song : SONGS) {
            Path target = shared.resolve("ballroom").resolve(song);
            Path link = data.resolve(song);
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, target);
        }
        Path json = tmp.resolve("eval.json");
        assertEquals(0, GenreTrainer.commandLine().execute("evaluate", "--model", "dance", "--data", data.toString(),
                "--json", json.toString()));
        JsonNode eval = new ObjectMapper().readTree(json.toFile());
        assertEquals(2, eval.get("tracks").get("n").asInt());
        assertEquals("transfer:msd/crnn+msd/fcn+jamendo/musicnn", eval.get("architecture").asText());
        assertEquals(1.0, eval.get("tracks").get("top1").asDouble(), 0.0, "training songs ranked first: " + eval);
    }
}
