package org.genrevamp.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.genrevamp.testing.SegmentScore;
import org.genrevamp.testing.SegmentScore.Segment;
import org.genrevamp.testing.SharedData;
import org.genrevamp.trainer.GenreTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "your own labels" loop, end to end on real audio: the test writes annotation files in
 * every supported format over six two-part songs (a GTZAN classical excerpt, then a metal one, made
 * with sox) labelling the parts {@code calm} and {@code loud}: labels no bundled model knows. Then
 * {@code prepare --annotations}, {@code train --backbone msd/crnn} (frozen, head only), {@code export},
 * and vamp-simple-host with {@code GENRE_VAMP_MODEL} on a seventh two-part song made of excerpts no
 * training song used: the segments must carry the new labels, in the right places.
 */
class AnnotationLoopHostTest {

    /**
     * Share of the held-out song (0.1 s grid) whose segment label is its part's. Bound 0.75: a 29 s window may smear
     * a boundary by a quarter window either way. (With one excerpt per part, 36.6 s, both parts were shorter than one
     * window and the result hung on the last few windows; two per part leave whole windows inside each.)
     */
    static final double MIN_FRAME_ACCURACY = 0.75;
    static final int TRAINING_SONGS = 6;

    @TempDir
    Path tmp;

    @Test
    void annotateTrainExportAndAnnotateThroughTheHost() throws Exception {
        VampSimpleHost.assumeAvailable();
        Path shared = SharedData.require();
        Path vampDir = GenreVampBuild.requireVampDir();
        Path data = Files.createDirectories(tmp.resolve("my-annotations"));
        for (int k = 0; k < TRAINING_SONGS; k++) {
            double[] parts = twoPartSong(shared, k, data.resolve("song" + k + ".wav"));
            writeAnnotation(data, "song" + k, k, parts[0], parts[1]);
        }
        Path cache = tmp.resolve("prepared");
        assertEquals(0, cli("prepare", "--annotations", data.toString(), "--cache", cache.toString()));
        List<String> regions = Files.readAllLines(cache.resolve("regions.csv"));
        assertEquals(1 + 2 * TRAINING_SONGS, regions.size(), String.join("\n", regions));

        Path run = tmp.resolve("run");
        assertEquals(0, cli("train", "--backbone", "msd/crnn", "--annotations", data.toString(), "--pretrained",
                shared.resolve("pretrained").toString(), "--split", "random", "--cache", tmp.resolve("emb").toString(),
                "--out", run.toString(), "--head-epochs", "150", "--seed", "3"));
        Path bundle = tmp.resolve("my-labels.zip");
        assertEquals(0, cli("export", "--run", run.toString(), "--bundle", bundle.toString(), "--report-dir",
                tmp.resolve("report").toString()));

        Path song = tmp.resolve("held-out.wav");
        // two unseen excerpts per part (~35 s each), so that whole 29 s windows fit inside each part
        double[] parts = twoPartSong(shared, new int[] {TRAINING_SONGS, TRAINING_SONGS + 1}, song);
        double end = parts[0] + parts[1];
        List<Segment> truth = List.of(new Segment(0, parts[0], "calm"), new Segment(parts[0], end, "loud"));
        Path dir = HostArtifacts.dir("annotation-loop");
        VampSimpleHost host = new VampSimpleHost(dir, vampDir.toString()).with("GENRE_VAMP_MODEL", bundle.toString());
        VampSimpleHost.Result result = host.run(song, GenreSegmentsHostTest.SEGMENTS, 1, GenreSegmentsHostTest.HOST_TIMEOUT);
        assertEquals(0, result.process().exitCode(), result::diagnosis);
        List<Segment> found = result.features().stream()
                .map(f -> new Segment(f.seconds(), f.seconds() + f.duration(), f.label())).toList();
        double accuracy = SegmentScore.frameAccuracy(truth, found, end);
        String report = String.format(Locale.ROOT, "AnnotationLoopHostTest: %.1f s, boundary %.1f s; frame accuracy %.3f"
                        + " (min %.2f); segments %s%n", end, parts[0], accuracy, MIN_FRAME_ACCURACY,
                found.stream().map(s -> String.format(Locale.ROOT, "%.1f-%.1f %s", s.start(), s.end(), s.label()))
                        .collect(Collectors.joining(", ")));
        System.err.print(report);
        Files.writeString(dir.resolve("figures.txt"), report);
        assertEquals(Set.of("calm", "loud"), found.stream().map(Segment::label).collect(Collectors.toSet()), report);
        assertTrue(accuracy >= MIN_FRAME_ACCURACY, report);
    }

    /** GTZAN long excerpt k of classical then of metal, one 22.05 kHz mono wav; returns the two parts' lengths. */
    private static double[] twoPartSong(Path shared, int k, Path out) throws Exception {
        return twoPartSong(shared, new int[] {k}, out);
    }

    /** GTZAN long excerpts ks of classical, then those of metal, one 22.05 kHz mono wav; returns the two parts' lengths. */
    private static double[] twoPartSong(Path shared, int[] ks, Path out) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("sox"));
        double[] parts = new double[2];
        String[] genres = {"classical", "metal"};
        for (int g = 0; g < 2; g++) {
            for (int k : ks) {
                Path excerpt = shared.resolve(String.format(Locale.ROOT, "gtzan-excerpts/long/%s/%s.%05d.wav", genres[g], genres[g], k));
                command.add(excerpt.toString());
                parts[g] += GenreSegmentsHostTest.soxSeconds(excerpt);
            }
        }
        command.addAll(List.of("-r", "22050", "-c", "1", out.toString()));
        Process sox = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(sox.getInputStream().readAllBytes());
        assertEquals(0, sox.waitFor(), "sox: " + log);
        return parts;
    }

    /** The two parts as the k-th format: .lab, SV regions csv, .svl, Audacity, sonic-annotator csv, SV instants. */
    private static void writeAnnotation(Path dir, String stem, int k, double calm, double loud) throws Exception {
        double end = calm + loud;
        String text;
        String name;
        switch (k % 6) {
            case 0 -> {
                name = stem + ".lab";
                text = fmt("0.000 %.3f calm\n%.3f %.3f loud\n", calm, calm, end);
            }
            case 1 -> {
                name = stem + ".csv";
                text = fmt("0.000000000,1,%.9f,calm\n%.9f,2,%.9f,loud\n", calm, calm, loud);
            }
            case 2 -> {
                name = stem + ".svl";
                long a = Math.round(calm * 22050);
                long b = Math.round(loud * 22050);
                text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE sonic-visualiser>\n<sv>\n <data>\n"
                        + "  <model id=\"1\" name=\"\" sampleRate=\"22050\" start=\"0\" end=\"" + (a + b) + "\" type=\"sparse\""
                        + " dimensions=\"3\" resolution=\"1\" notifyOnAdd=\"true\" dataset=\"0\" subtype=\"region\"/>\n"
                        + "  <dataset id=\"0\" dimensions=\"3\">\n"
                        + "   <point frame=\"0\" value=\"1\" duration=\"" + a + "\" label=\"calm\" />\n"
                        + "   <point frame=\"" + a + "\" value=\"2\" duration=\"" + b + "\" label=\"loud\" />\n"
                        + "  </dataset>\n </data>\n</sv>\n";
            }
            case 3 -> {
                name = stem + ".txt";
                text = fmt("0.000000\t%.6f\tcalm\n%.6f\t%.6f\tloud\n", calm, calm, end);
            }
            case 4 -> {
                name = stem + "_vamp_qm-vamp-plugins_qm-segmenter_segmentation.csv";
                text = fmt("0.000000000,%.9f,1,\"calm\"\n%.9f,%.9f,2,\"loud\"\n", calm, calm, loud);
            }
            default -> {
                name = stem + ".csv";
                text = fmt("0.000000000,calm\n%.9f,loud\n", calm);
            }
        }
        Files.writeString(dir.resolve(name), text);
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static int cli(String... args) {
        return GenreTrainer.commandLine().execute(args);
    }
}
