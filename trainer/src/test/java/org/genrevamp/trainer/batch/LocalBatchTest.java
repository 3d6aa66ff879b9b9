package org.genrevamp.trainer.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.genrevamp.audio.AudioFiles;
import org.genrevamp.testing.SharedData;
import org.genrevamp.trainer.CapturedStderr;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch job on {@code local[2]} over real audio: three GTZAN excerpts and one whole song, plus a
 * corrupt MP3, an empty WAV and a missing file written or named by the test. Every annotated track
 * must say what the plugin says (run in-process on the same decoded audio), every bad file must land
 * in the errors table with its reason, each good file gets a {@code .lab} of the same segments (and a JAMS file), and a
 * rerun with one more file must annotate only that file, reusing the models this JVM already loaded.
 */
class LocalBatchTest {

    private static final String MODEL = "default";
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        SharedData.require();
        CapturedStderr<SparkSession> started = CapturedStderr.of(() -> BatchSpark.start("local[2]", Map.of()));
        spark = started.result();
        assertEquals(CapturedStderr.expectedSparkWarnings(), started.warnings(), started.text());
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void annotatesLikeThePluginRecordsBadFilesAndResumes() throws Exception {
        Path data = SharedData.require();
        List<String> good = List.of(
                data.resolve("gtzan-excerpts/short/blues/blues.00001.wav").toString(),
                data.resolve("gtzan-excerpts/short/metal/metal.00001.wav").toString(),
                data.resolve("gtzan-excerpts/short/reggae/reggae.00001.wav").toString(),
                data.resolve("songs/classical.mp3").toString());
        good.forEach(f -> SharedData.require(data.relativize(Path.of(f)).toString()));
        Path corrupt = dir.resolve("corrupt.mp3");
        byte[] noise = new byte[20_000];
        new Random(10).nextBytes(noise);
        Files.write(corrupt, noise);
        Path empty = Files.createFile(dir.resolve("empty.wav"));
        Path missing = dir.resolve("missing.wav");
        List<String> files = new ArrayList<>(good);
        files.addAll(List.of(corrupt.toString(), empty.toString(), missing.toString()));
        Path out = dir.resolve("out");
        Path labs = dir.resolve("labs");
        Path jams = dir.resolve("jams");
        BatchSettings settings = BatchSettings.defaults(ModelRef.of(MODEL), false).withLabs(labs).withJams(jams);

        BatchJob.Outcome first = new BatchJob(spark, settings, 3, 2).run(files, new BatchOutput(out));

        assertEquals(new BatchJob.Outcome(7, 0, 4, 3), first);
        Map<String, Row> rows = byPath(BatchRows.tracks(spark, out));
        assertEquals(new HashSet<>(files), rows.keySet(), "one row per listed file");
        for (String f : good) {
            Row r = rows.get(f);
            assertNull(r.getAs("error"), f);
            assertEquals(3, r.<Row>getList(r.fieldIndex("top3")).size(), f + ": top 3");
            assertEquals(settings.model().version(), r.getAs("model_version"));
            PluginReference.Outputs plugin = PluginReference.run(AudioFiles.read(Path.of(f)), MODEL);
            PluginReference.assertSame(plugin, BatchRows.view(r));
            assertLab(Sidecars.path(labs, f, Sidecars.Format.LAB), plugin.segments());
            JsonNode doc = new ObjectMapper().readTree(Sidecars.path(jams, f, Sidecars.Format.JAMS).toFile());
            assertEquals(plugin.segments().size(), doc.at("/annotations/0/data").size(), f + ": JAMS segments");
        }
        Map<String, String> errors = BatchRows.errors(spark, out).stream()
                .collect(Collectors.toMap(r -> r.getString(0), r -> r.getString(1)));
        assertEquals(Set.of(corrupt.toString(), empty.toString(), missing.toString()), errors.keySet());
        assertTrue(errors.get(empty.toString()).contains("empty"), errors.get(empty.toString()));
        assertTrue(errors.get(missing.toString()).contains("no such file"), errors.get(missing.toString()));
        assertTrue(errors.get(corrupt.toString()).contains("MPEG"), errors.get(corrupt.toString()));
        assertEquals(rows.keySet(), jsonPaths(out.resolve(BatchOutput.TRACKS_JSON)), "JSON Lines hold the same tracks");

        int loads = ModelPool.loads();
        List<String> more = new ArrayList<>(files);
        more.add(data.resolve("gtzan-excerpts/short/jazz/jazz.00001.wav").toString());
        BatchJob.Outcome second = new BatchJob(spark, settings, 3, 2).run(more, new BatchOutput(out));

        assertEquals(new BatchJob.Outcome(8, 7, 1, 0), second, "the rerun annotates only the new file");
        List<Row> all = BatchRows.tracks(spark, out);
        assertEquals(8, all.size());
        assertEquals(new HashSet<>(more), byPath(all).keySet());
        assertEquals(loads, ModelPool.loads(), "the rerun reuses the models this JVM loaded");
    }

    /** The lab file holds the plugin's segments: start, end, genre per line. */
    private static void assertLab(Path lab, List<PluginReference.Region> segments) throws IOException {
        List<String> lines = Files.readAllLines(lab);
        assertEquals(segments.size(), lines.size(), lab.toString());
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t");
            assertEquals(segments.get(i).start(), Double.parseDouble(f[0]), 1e-6, lab + " line " + i);
            assertEquals(segments.get(i).end(), Double.parseDouble(f[1]), 1e-6, lab + " line " + i);
            assertEquals(segments.get(i).label(), f[2], lab + " line " + i);
        }
    }

    private static Map<String, Row> byPath(List<Row> rows) {
        Map<String, Row> byPath = new TreeMap<>();
        for (Row r : rows) {
            Row previous = byPath.put(r.getString(r.fieldIndex("path")), r);
            assertNull(previous, "duplicate row for " + r.getString(0));
        }
        return byPath;
    }

    private static Set<String> jsonPaths(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Set<String> paths = new HashSet<>();
        try (Stream<Path> parts = Files.list(dir)) {
            for (Path part : parts.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                for (String line : Files.readAllLines(part)) {
                    JsonNode node = json.readTree(line);
                    assertTrue(paths.add(node.get("path").asText()), "duplicate JSON line for " + node.get("path"));
                }
            }
        }
        return paths;
    }
}
