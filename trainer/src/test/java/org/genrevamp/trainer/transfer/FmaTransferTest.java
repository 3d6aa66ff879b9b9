package org.genrevamp.trainer.transfer;

import org.genrevamp.trainer.TrainerRun;
import org.genrevamp.trainer.dataset.FmaFixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.genrevamp.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --backbone} on an FMA dataset ({@link FmaFixture}: tone mp3s, a corrupt one): its tracks as
 * whole-file regions of their top-level genre, split by FMA's own column or by its artist column.
 */
class FmaTransferTest {

    @TempDir
    Path tmp;

    @Test
    void trainsOnFmaWithItsOfficialAndArtistSplits() throws Exception {
        Path shared = SharedData.require();
        FmaFixture.write(tmp, true);
        ObjectMapper json = new ObjectMapper();

        JsonNode official = json.readTree(train("official").resolve("report/report.json").toFile());
        assertTrue(official.get("split").asText().startsWith("FMA's own split"), official.get("split").asText());
        assertTrue(official.get("data").asText().startsWith("FMA small"), official.get("data").asText());
        // set.split: training 2 (Hip-Hop) and 46 (Rock), validation 10 (Pop), test 5 (Hip-Hop; 48 is corrupt)
        assertEquals(json.readTree("{\"train\":2,\"validation\":1,\"test\":1}"), official.get("tracks"));
        assertEquals(1, official.get("test").get("tracks").get("n").asInt());

        JsonNode byArtist = json.readTree(train("artist").resolve("report/report.json").toFile());
        assertTrue(byArtist.get("split").asText().contains("FMA's artist column"), byArtist.get("split").asText());
        int tracks = 0;
        for (JsonNode n : byArtist.get("tracks")) {
            tracks += n.asInt();
        }
        assertEquals(4, tracks, "the four decodable tracks, dealt out by artist: " + byArtist.get("tracks"));
    }

    /** Trains with the planted bad tracks each named in a warning (the one that is no MP3 when it is decoded). */
    private Path train(String split) {
        Path run = tmp.resolve("run-" + split);
        TrainerRun trained = TrainerRun.of("train", "--backbone", "msd/crnn",
                "--fma-metadata", tmp.resolve("fma_metadata").toString(), "--fma-audio", tmp.resolve("fma_small").toString(),
                "--fma-subset", "small", "--split", split, "--pretrained", SharedData.dataDir().resolve("pretrained").toString(),
                "--cache", tmp.resolve("embeddings").toString(), "--out", run.toString(), "--head-epochs", "50");
        assertEquals(0, trained.status(), trained.stderr());
        List<String> warnings = trained.warnings();
        assertTrue(warnings.stream().anyMatch(w -> w.contains("000026.mp3: missing file")), trained.stderr());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("000030.mp3: empty file")), trained.stderr());
        assertTrue(warnings.stream().allMatch(w -> w.contains("000026.mp3: missing file") || w.contains("000030.mp3: empty file")
                || w.contains("000048.mp3: no MPEG audio frames found")), trained.stderr());
        return run;
    }
}
