package org.genrevamp.trainer.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.genrevamp.model.bundle.GenreModel;
import org.genrevamp.model.GenreModels;
import org.genrevamp.model.transfer.TransferModel;
import org.genrevamp.testing.SharedData;
import org.genrevamp.trainer.GenreTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * train --backbone msd/crnn on 18 real 2-3 s GTZAN excerpts (3 genres) with the artist-filtered split,
 * a rerun that reuses the embedding cache, and evaluate on the test tracks from their audio.
 */
class TransferEndToEndTest {

    /** Tracks chosen from the fault-filtered lists: 2 train, up to 2 valid, 2 test per genre (short excerpts exist for 1-39). */
    private static final Map<String, List<Integer>> TRACKS = Map.of(
            "classical", List.of(30, 31, 1, 2, 11, 12),
            "metal", List.of(2, 3, 1, 6, 12, 13),
            "hiphop", List.of(2, 3, 26, 27));   // hiphop has no valid track below 40
    private static final Map<String, List<Integer>> TEST = Map.of(
            "classical", List.of(11, 12), "metal", List.of(12, 13), "hiphop", List.of(26, 27));
    /** The same windows through the same features and head: equal up to float summation order. */
    private static final double SAME_FIGURE = 1e-12;

    @TempDir
    Path tmp;

    @Test
    void trainRerunFromCacheAndEvaluate() throws Exception {
        Path shared = SharedData.require();
        Path data = tmp.resolve("data");
        Path testData = tmp.resolve("test-data");
        for (Map.Entry<String, List<Integer>> g : TRACKS.entrySet()) {
            for (int t : g.getValue()) {
                Path file = shared.resolve(String.format("gtzan-excerpts/short/%s/%s.%05d.wav", g.getKey(), g.getKey(), t));
                link(file, data.resolve(g.getKey()));
                if (TEST.get(g.getKey()).contains(t)) {
                    link(file, testData.resolve(g.getKey()));
                }
            }
        }
        Path run = tmp.resolve("run");
        Path cache = tmp.resolve("embeddings");
        String[] train = {"train", "--backbone", "msd/crnn", "--data", data.toString(), "--pretrained",
                shared.resolve("pretrained").toString(), "--out", run.toString(), "--cache", cache.toString(),
                "--head-epochs", "150", "--seed", "5"};
        assertEquals(0, cli(train));
        Path rows = cache.resolve("msd-crnn").resolve(EmbeddingCache.ROWS);
        assertEquals(16, Files.readAllLines(rows).size(), "one window per 2-3 s excerpt (looped to 29 s)");

        ObjectMapper json = new ObjectMapper();
        JsonNode report = json.readTree(run.resolve("report/report.json").toFile());
        assertTrue(report.get("split").asText().contains("no artist on two sides"), report.get("split").asText());
        JsonNode tracks = report.get("test").get("tracks");
        assertEquals(6, tracks.get("n").asInt());
        assertTrue(tracks.get("top1").asDouble() >= 4 / 6.0, "classical, metal and hiphop apart: " + tracks);
        assertTrue(Files.size(run.resolve("report/confusion-test-tracks.png")) > 0);
        String md = Files.readString(run.resolve("report/report.md"));
        assertTrue(!md.contains(tmp.toString()), "the report holds no absolute temporary paths");

        GenreModel model = GenreModels.load(run.resolve("model.zip"));
        assertTrue(model instanceof TransferModel);
        assertEquals(List.of("classical", "hiphop", "metal"), model.labels());
        assertTrue(String.valueOf(model.card().get("pretrainedLicence")).contains("MIT"));

        // a rerun finds every file in the cache and recomputes nothing
        FileTime before = Files.getLastModifiedTime(cache.resolve("msd-crnn").resolve(EmbeddingCache.FEATURES));
        assertEquals(0, cli(train));
        assertEquals(before, Files.getLastModifiedTime(cache.resolve("msd-crnn").resolve(EmbeddingCache.FEATURES)));
        assertEquals(16, Files.readAllLines(rows).size());

        // the shared cache then gains augmented copies (another run) and the same songs by other paths
        // (a second folder of links: other regions, same track ids); a run on the first folder without augmentation still fits its
        // head on its own 16 original rows only, so it reproduces the first run's figures exactly
        String[] augmented = train.clone();
        augmented[8] = tmp.resolve("run-augmented").toString();
        assertEquals(0, cli(concat(augmented, "--augment", "1")));
        Path sameSongs = tmp.resolve("same-songs");
        try (var genres = Files.list(data)) {
            for (Path genre : genres.toList()) {
                try (var files = Files.list(genre)) {
                    for (Path f : files.toList()) {
                        link(Files.readSymbolicLink(f), sameSongs.resolve(genre.getFileName()));
                    }
                }
            }
        }
        String[] other = train.clone();
        other[4] = sameSongs.toString();
        other[8] = tmp.resolve("run-same-songs").toString();
        assertEquals(0, cli(other));
        assertTrue(Files.readAllLines(rows).size() > 16 + 16, "augmented copies and the other folder's rows were cached");
        String[] again = train.clone();
        again[8] = tmp.resolve("run-again").toString();
        assertEquals(0, cli(again));
        JsonNode reportAgain = json.readTree(tmp.resolve("run-again/report/report.json").toFile());
        assertEquals(report.get("test"), reportAgain.get("test"));
        assertEquals(report.get("tried"), reportAgain.get("tried"));

        // evaluate scores the test tracks from their audio as train did: same looped windows, same figures
        Path figures = tmp.resolve("eval.json");
        assertEquals(0, cli("evaluate", "--model", run.resolve("model.zip").toString(), "--data", testData.toString(),
                "--json", figures.toString()));
        JsonNode eval = json.readTree(figures.toFile());
        assertEquals(6, eval.get("n").asInt());
        assertEquals(report.get("test").get("windows").get("top1").asDouble(), eval.get("top1").asDouble(), SAME_FIGURE);
        assertEquals(report.get("test").get("windows").get("confusion"), eval.get("confusion"));
    }

    private static String[] concat(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    private static int cli(String... args) {
        return GenreTrainer.commandLine().execute(args);
    }

    private static void link(Path target, Path dir) throws Exception {
        Files.createDirectories(dir);
        Path link = dir.resolve(target.getFileName());
        if (!Files.exists(link)) {
            Files.createSymbolicLink(link, target);
        }
    }
}
