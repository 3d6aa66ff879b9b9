package org.genrevamp.trainer;

import org.genrevamp.trainer.scratch.SpectrogramCache;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.genrevamp.model.scratch.ModelBundle;
import org.genrevamp.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * prepare -> train (1 epoch, interrupted) -> train --resume (2nd epoch) -> export -> evaluate on a
 * few real GTZAN excerpts: 3 genres x 5 tracks (four 2-3 s excerpts and one 15-20 s excerpt each).
 */
class EndToEndTest {
    private static final List<String> GENRES = List.of("classical", "hiphop", "metal");
    /** Counts over the same windows: equal up to the printing of a double. */
    private static final double SAME_FIGURE = 1e-12;

    @TempDir
    Path tmp;

    @Test
    void prepareTrainResumeExportEvaluate() throws Exception {
        Path gtzan = SharedData.require().resolve("gtzan-excerpts");
        Path data = tmp.resolve("data");
        for (String g : GENRES) {
            for (int t = 1; t <= 4; t++) {
                link(gtzan.resolve(String.format("short/%s/%s.%05d.wav", g, g, t)), data.resolve("short/" + g));
            }
            link(gtzan.resolve(String.format("long/%s/%s.00005.wav", g, g)), data.resolve("long/" + g));
        }
        Path cache = tmp.resolve("cache");
        Path run = tmp.resolve("run");
        assertEquals(0, cli("prepare", "--data", data.toString(), "--cache", cache.toString()));
        String[] train = {"train", "--cache", cache.toString(), "--out", run.toString(), "--arch", "cnn",
                "--window-seconds", "1.0", "--batch", "16", "--train-sample", "16", "--validation", "0.2", "--test",
                "0.2", "--seed", "3"};
        assertEquals(0, cli(concat(train, "--epochs", "1")));
        ObjectMapper json = new ObjectMapper();
        JsonNode state = json.readTree(run.resolve("checkpoints/state.json").toFile());
        assertEquals(1, state.get("history").size());

        // a second train without --resume refuses to overwrite the run; with it, epoch 2 follows epoch 1
        TrainerRun refused = TrainerRun.of(concat(train, "--epochs", "2"));
        assertEquals(1, refused.status(), refused.stderr());
        assertTrue(refused.stderr().endsWith("checkpoints already holds a training run: pass --resume, or another --out"),
                refused.stderr());
        assertEquals(0, cli(concat(train, "--epochs", "2", "--resume")));
        JsonNode report = json.readTree(run.resolve("report/report.json").toFile());
        assertEquals(2, report.get("history").size());
        assertEquals(2, report.get("history").get(1).get("epoch").asInt());
        // reports name the cache folder, not where it lay on this machine
        assertEquals("cache", report.get("data").get("cache").asText());
        assertFalse(Files.readString(run.resolve("report/report.md")).contains(tmp.toString()), "report.md holds " + tmp);
        // 1 test track per genre: 4 windows of 1 s from one short excerpt (2-3 s: 2 each) or the long one
        JsonNode testWindows = report.get("test").get("windows");
        assertEquals(3, report.get("test").get("tracks").get("n").asInt());
        assertTrue(testWindows.get("n").asInt() >= 6, testWindows.toString());
        for (String f : List.of("report.md", "loss.png", "top1.png", "confusion-test-windows.png")) {
            assertTrue(Files.size(run.resolve("report").resolve(f)) > 0, f);
        }

        Path bundle = tmp.resolve("models/tiny.zip");
        Path docs = tmp.resolve("docs/tiny");
        assertEquals(0, cli("export", "--run", run.toString(), "--bundle", bundle.toString(), "--report-dir",
                docs.toString()));
        ModelBundle loaded = ModelBundle.load(bundle);
        assertEquals(GENRES, loaded.labels());
        assertEquals("cnn", loaded.architecture());
        assertTrue(loaded.card().containsKey("test"), "model card holds the test figures");
        assertTrue(Files.exists(docs.resolve("report.md")));

        // scoring the test tracks from their audio reproduces train's test figures exactly: same features,
        // same windows, same normaliser, through the bundle instead of the raw network
        List<String> testTracks = Files.readAllLines(run.resolve("report/split.csv")).stream()
                .filter(l -> l.endsWith(",test")).map(l -> l.split(",")[0]).toList();
        assertEquals(3, testTracks.size());
        Path testData = tmp.resolve("test-data");
        for (SpectrogramCache.Entry e : SpectrogramCache.open(cache).entries()) {
            if (testTracks.contains(e.trackId())) {
                link(Path.of(e.file()), testData.resolve(e.genre()));
            }
        }
        Path testFigures = tmp.resolve("test.json");
        assertEquals(0, cli("evaluate", "--model", bundle.toString(), "--data", testData.toString(), "--json",
                testFigures.toString()));
        JsonNode fromAudio = json.readTree(testFigures.toFile());
        assertEquals(testWindows.get("n").asInt(), fromAudio.get("n").asInt());
        assertEquals(testWindows.get("top1").asDouble(), fromAudio.get("top1").asDouble(), SAME_FIGURE);
        assertEquals(testWindows.get("confusion"), fromAudio.get("confusion"));

        Path figures = tmp.resolve("eval.json");
        assertEquals(0, cli("evaluate", "--model", bundle.toString(), "--data", data.toString(), "--json",
                figures.toString()));
        JsonNode eval = json.readTree(figures.toFile());
        double top1 = eval.get("top1").asDouble();
        assertTrue(top1 >= 0 && top1 <= eval.get("top3").asDouble() && eval.get("top3").asDouble() <= 1);
        int[] sum = {0};
        eval.get("confusion").forEach(row -> row.forEach(c -> sum[0] += c.asInt()));
        assertEquals(eval.get("n").asInt(), sum[0]);
        assertEquals(15, eval.get("tracks").get("n").asInt());
    }

    private static int cli(String... args) {
        return GenreTrainer.commandLine().execute(args);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void link(Path target, Path dir) throws Exception {
        Files.createDirectories(dir);
        Files.createSymbolicLink(dir.resolve(target.getFileName()), target);
    }
}
