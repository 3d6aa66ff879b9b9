package org.genrevamp.trainer.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.genrevamp.testing.SharedData;
import org.genrevamp.trainer.CapturedStderr;
import org.genrevamp.trainer.GenreTrainer;
import org.genrevamp.trainer.TrainerRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code prepare --backbone msd/crnn --master local[2]} on six short GTZAN excerpts (two genres, one
 * train, one validation and one test song each, fault-filtered split, one augmented copy): the caches
 * it fills in two runs (the originals, then a rerun asking for the augmented copies: only those are
 * computed) hold the same rows as the caches the local path fills in one run, with the same features;
 * {@code train --backbone} then finds them complete and extracts nothing.
 */
class SparkPrepareTest {

    /** Same windows through the same networks in another JVM thread: equal up to float rounding. */
    private static final double SAME_FEATURE = 1e-6;
    private static final List<String> FILES = List.of("classical/classical.00030", "classical/classical.00001",
            "classical/classical.00011", "metal/metal.00002", "metal/metal.00001", "metal/metal.00012");
    private static final List<String> CACHES = List.of("msd-crnn", "rhythm");

    @TempDir
    Path tmp;

    @Test
    void sparkCachesEqualLocalOnesAndTrainReusesThem() throws Exception {
        Path shared = SharedData.require();
        Path data = tmp.resolve("data");
        for (String f : FILES) {
            Path dir = data.resolve(f.substring(0, f.indexOf('/')));
            Files.createDirectories(dir);
            Path audio = shared.resolve("gtzan-excerpts/short/" + f + ".wav");
            Files.createSymbolicLink(dir.resolve(audio.getFileName()), audio);
        }
        String pretrained = shared.resolve("pretrained").toString();
        Path local = tmp.resolve("local");
        Path spark = tmp.resolve("spark");
        assertEquals(0, cli("prepare", "--backbone", "msd/crnn", "--data", data.toString(), "--pretrained", pretrained,
                "--cache", local.toString(), "--augment", "1", "--seed", "5"));

        int loads = PrepareSlice.loads();
        String[] onSpark = {"prepare", "--backbone", "msd/crnn", "--data", data.toString(), "--pretrained", pretrained,
                "--cache", spark.toString(), "--seed", "5", "--master", "local[2]", "--files-per-task", "1",
                "--augment", "0"};
        sparkCli(onSpark);
        int loaded = PrepareSlice.loads() - loads;
        assertTrue(loaded >= 1 && loaded <= 2, "Spark tasks loaded the network once per core, not per file: " + loaded);
        Map<String, float[]> originals = read(spark.resolve("msd-crnn"));
        assertEquals(6, originals.size(), "one looped window per excerpt");
        onSpark[onSpark.length - 1] = "1";
        sparkCli(onSpark);

        for (String cache : CACHES) {
            Map<String, float[]> expected = read(local.resolve(cache));
            Map<String, float[]> actual = read(spark.resolve(cache));
            assertEquals(10, expected.size(), cache + ": 6 originals + 4 augmented copies of train/validation songs");
            assertEquals(expected.keySet(), actual.keySet(), cache);
            for (Map.Entry<String, float[]> e : expected.entrySet()) {
                assertArrayEquals(e.getValue(), actual.get(e.getKey()), (float) SAME_FEATURE, cache + " " + e.getKey());
            }
        }
        for (Map.Entry<String, float[]> e : originals.entrySet()) {
            assertArrayEquals(e.getValue(), read(spark.resolve("msd-crnn")).get(e.getKey()), 0f,
                    "the rerun kept the originals and added only the copies: " + e.getKey());
        }

        FileTime before = Files.getLastModifiedTime(spark.resolve("msd-crnn/features.f32"));
        long rows = Files.size(spark.resolve("msd-crnn/rows.tsv"));
        assertEquals(0, cli("train", "--backbone", "msd/crnn", "--data", data.toString(), "--pretrained", pretrained,
                "--cache", spark.toString(), "--augment", "1", "--seed", "5", "--out", tmp.resolve("run").toString(),
                "--head-epochs", "20"));
        assertEquals(before, Files.getLastModifiedTime(spark.resolve("msd-crnn/features.f32")), "nothing re-extracted");
        assertEquals(rows, Files.size(spark.resolve("msd-crnn/rows.tsv")));
        assertTrue(Files.size(tmp.resolve("run/model.zip")) > 0);
    }

    /** A cache's rows keyed by region, variant and place among that region's rows of that variant (as training lines them up). */
    private static Map<String, float[]> read(Path cache) throws Exception {
        List<String> lines = Files.readAllLines(cache.resolve("rows.tsv"));
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(cache.resolve("features.f32"))).order(ByteOrder.LITTLE_ENDIAN);
        int size = bytes.remaining() / Float.BYTES / lines.size();
        Map<String, float[]> rows = new TreeMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : lines) {
            String[] f = line.split("\t");
            String regionVariant = f[0] + "\t" + f[3];
            float[] features = new float[size];
            bytes.asFloatBuffer().get(features);
            bytes.position(bytes.position() + size * Float.BYTES);
            rows.put(line + "\t" + seen.merge(regionVariant, 1, Integer::sum), features);
        }
        return rows;
    }

    private static int cli(String... args) {
        return GenreTrainer.commandLine().execute(args);
    }

    /** A command on Spark, whose OMP_NUM_THREADS warning (surefire sets no such variable) is asserted, not printed. */
    private static void sparkCli(String... args) {
        TrainerRun run = TrainerRun.of(args);
        assertEquals(0, run.status(), run.stderr());
        assertEquals(CapturedStderr.expectedSparkWarnings(), run.warnings(), run.stderr());
    }
}
