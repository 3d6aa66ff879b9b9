package org.genrevamp.vamp.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.genrevamp.annotate.AnnotationSettings;
import org.genrevamp.annotate.SegmentedTrack;
import org.genrevamp.annotate.SegmentedTrack.ChangeFeatures;
import org.genrevamp.annotate.SegmentedTrack.Detection;
import org.genrevamp.annotate.SegmenterParams;
import org.genrevamp.annotate.TrackAnnotation;
import org.genrevamp.model.GenreModels;
import org.genrevamp.model.bundle.GenreModel;
import org.genrevamp.testing.SegmentScore;
import org.genrevamp.testing.SegmentScore.Segment;
import org.genrevamp.testing.SharedData;

/**
 * How well the genre regions follow the genre changes of medleys and crossfaded mixes of whole
 * recordings no head trained on, and how often the {@code track} genre of a whole song is right: to
 * choose the segmenter's defaults and to report the figures (README, Benchmarks). The engine
 * ({@code GenreAnnotator}, which the plugin runs) streams each mix once ({@link EngineRun}); every
 * variant then segments and labels the kept features again ({@code GenreAnnotator.again}). "before" is
 * the window path (regions from each 29 s window's probabilities: what the transfer models did before
 * segment, then label).
 *
 * <p>Sets, built in memory from {@code ../shared/data} with fixed seeds ({@link Medley}); sections
 * 10-90 s (at most the recording), hard cuts or 2-8 s equal-power crossfades:
 * <ul>
 *   <li>to choose: the 8 shared songs (4 per mix; cuts at 44.1 kHz, crossfades at 48 kHz) and the
 *       ballroom songs (the first {@value #BALLROOM_SONGS_PER_STYLE} of each style; 4 styles per mix, cuts at 48 kHz, crossfades at 44.1 kHz; their labels
 *       are dance styles, so only the changes are scored, and a change between two styles the model
 *       names with one genre cannot be found: their recall is a floor);</li>
 *   <li>reported apart, never used to choose: GTZAN {@code long/} and {@code full/} excerpts of tracks in
 *       the fault-filtered split's test part (disco, hiphop, pop: 3 per mix, 22.05 kHz), and the earlier
 *       benchmark's GTZAN test medleys (4 sections of 15-30 s of 2-3 s {@code short/} test excerpts).</li>
 * </ul>
 * Per set and variant: frame accuracy (share of a 0.1 s grid whose region label is the true genre;
 * {@code unknown} is wrong), changes found within ±3 s and ±0.5 s (precision, recall, F: each true change
 * matched at most once, as {@code mir_eval.segment.detection}; pooled over the set's mixes; the file's
 * ends are not changes), median distance from a true change to the nearest found one, the change
 * detector's own recall at ±3 s before merging, regions per mix, and the time segmenting and labelling
 * again with the variant adds to the streaming pass ("+again": stretches labelled before, the defaults'
 * included, come from the labeller's cache, so this is not the first run's cost, which the README gives).
 * Then {@code track} on each whole shared song.
 *
 * <pre>
 * OMP_NUM_THREADS=1 mvn -B -o -q -pl plugin test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.genrevamp.vamp.bench.MedleyBenchmark -Dexec.args="[MODEL] [MIXES] [grid|detector]"
 * </pre>
 * MODEL: a bundled name or bundle file (default {@value #DEFAULT_MODEL}); MIXES per set (default 6);
 * {@code grid} also scores a grid of detector settings;
 * {@code detector} scores only the change detector's candidates for a grid of its settings, without
 * running the networks (how its defaults were chosen). The README's figures: 3 mixes a set, and
 * {@code detector} with 6. About 5 minutes for 3 mixes on the idle 2-core machine (45 before short
 * segments reused the stream's kept steps, on the loaded shared machine).
 */
public final class MedleyBenchmark {

    static final String DEFAULT_MODEL = "default";
    static final int SECTIONS = 4;
    static final double MIN_SECTION_S = 10;
    static final double MAX_SECTION_S = 90;
    static final double MIN_FADE_S = 2;
    static final double MAX_FADE_S = 8;
    static final double WIDE_S = 3;
    static final double NARROW_S = 0.5;
    static final int BALLROOM_SONGS_PER_STYLE = 2;

    /** A set of mixes; {@code genres}: whether its labels are the model's genres (frame accuracy scored). */
    record MixSet(String name, List<Medley> mixes, boolean genres, boolean choose) {
    }

    /** One way to segment: {@code detection} null = the window path ("before"). */
    record Variant(String name, SegmenterParams params, Detection detection) {
    }

    private MedleyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String modelName = args.length > 0 ? args[0] : DEFAULT_MODEL;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        boolean grid = args.length > 2 && args[2].equals("grid");
        boolean detectorOnly = args.length > 2 && args[2].equals("detector");
        GenreModel model = GenreModels.loadFileOrBundled(modelName);
        Path data = SharedData.dataDir();
        // sox's WAVs of the recordings, kept for the next run (deterministic: any run may reuse them)
        Path tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "genre-vamp-medley-cache"));

        long t0 = System.nanoTime();
        List<MixSet> sets = sets(data, tmp, count);
        System.out.printf(Locale.ROOT, "model %s (%s); OMP_NUM_THREADS=%s; mixes built in %.1f s%n", modelName,
                model.architecture(), System.getenv("OMP_NUM_THREADS"), (System.nanoTime() - t0) / 1e9);
        if (detectorOnly) {
            detector((org.genrevamp.model.transfer.TransferModel) model, sets);
            return;
        }
        AnnotationSettings settings = AnnotationSettings.defaults();
        List<Variant> variants = new ArrayList<>();
        SegmenterParams defaults = SegmenterParams.defaults();
        variants.add(new Variant("before (window path)", defaults, null));
        variants.add(new Variant("after (defaults)", defaults, Detection.defaults()));
        variants.add(new Variant("alternative: window features, kernel 24 s", defaults,
                new Detection(ChangeFeatures.WINDOW_FEATURES, 24, 24, 0)));
        if (grid) {
            variants.addAll(grid(defaults));
        }
        for (MixSet set : sets) {
            List<EngineRun> runs = new ArrayList<>();
            for (Medley m : set.mixes()) {
                EngineRun run = EngineRun.of(model, settings, m.channels(), m.sampleRate());
                System.out.printf(Locale.ROOT, "  %-16s %5.1f s %6.0f Hz  stream %5.1f s  finish %5.2f s  %s%n", m.name(),
                        m.seconds(), m.sampleRate(), run.streamSeconds(), run.finishSeconds(), sections(m));
                runs.add(run);
            }
            System.out.printf(Locale.ROOT, "%n%s (%d mixes, %.0f s; %s)%n", set.name(), set.mixes().size(),
                    set.mixes().stream().mapToDouble(Medley::seconds).sum(), set.choose() ? "used to choose" : "reported only");
            System.out.printf(Locale.ROOT, "  %-44s %6s  %-17s %-17s %6s %7s %7s %7s%n", "variant", "frame",
                    "±3 s P/R/F", "±0.5 s P/R/F", "median", "cand R", "regions", "+again");
            for (Variant v : variants) {
                System.out.println("  " + score(set, runs, v));
            }
            System.out.println();
        }
        wholeSongs(model, settings, data, variants.subList(0, 2));
    }

    /**
     * The change detector alone on the mel-block features (no network runs): its candidates against the
     * true changes for a grid of settings, on the sets used to choose.
     */
    static void detector(org.genrevamp.model.transfer.TransferModel model, List<MixSet> sets) {
        List<List<SegmentedTrack>> tracks = new ArrayList<>();
        for (MixSet set : sets) {
            List<SegmentedTrack> t = new ArrayList<>();
            for (Medley m : set.mixes()) {
                double frameSeconds = model.melConfig().hopSecondsAt(m.sampleRate());
                SegmentedTrack track = new SegmentedTrack(model, frameSeconds, model.streamWindowFrames(), (from, to) -> null);
                org.genrevamp.dsp.MelStream mel = new org.genrevamp.dsp.MelStream(model.melConfig(), m.sampleRate());
                float[] mono = org.genrevamp.dsp.Downmix.mono(m.channels());
                mel.push(mono, 0, mono.length, (i, f) -> track.frame(f));
                mel.finish((i, f) -> track.frame(f));
                t.add(track);
            }
            tracks.add(t);
        }
        System.out.printf(Locale.ROOT, "%nchange detector alone (mel blocks): candidates against true changes%n");
        for (double kernel : new double[] {8, 12, 18, 24}) {
            for (double median : new double[] {12, 24, 48}) {
                for (double fm : new double[] {0, 3}) {
                    for (double sensitivity : new double[] {0, 0.5, 0.9}) {
                        Detection d = new Detection(ChangeFeatures.MEL_BLOCKS, kernel, median, fm);
                        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                                "  kernel %2.0f median %2.0f fmedian %.0f sens %.1f", kernel, median, fm, sensitivity));
                        for (int s = 0; s < sets.size(); s++) {
                            int[] wide = new int[3];
                            int[] narrow = new int[3];
                            double minutes = 0;
                            for (int i = 0; i < tracks.get(s).size(); i++) {
                                Medley m = sets.get(s).mixes().get(i);
                                List<Double> truth = SegmentScore.changes(m.truth());
                                List<Double> cand = Arrays.stream(tracks.get(s).get(i).candidateSeconds(d, sensitivity,
                                        m.seconds())).boxed().toList();
                                add(wide, SegmentScore.detection(truth, cand, WIDE_S));
                                add(narrow, SegmentScore.detection(truth, cand, NARROW_S));
                                minutes += m.seconds() / 60;
                            }
                            line.append(String.format(Locale.ROOT, " | %s R3 %.2f R.5 %.2f %4.1f/min",
                                    sets.get(s).name().substring(0, 12), wide[2] / (double) wide[0],
                                    narrow[2] / (double) narrow[0], wide[1] / minutes));
                        }
                        System.out.println(line);
                    }
                }
            }
        }
    }

    /** The detector settings tried around the defaults, and the rejected alternative features. */
    static List<Variant> grid(SegmenterParams d) {
        List<Variant> out = new ArrayList<>();
        Detection base = Detection.defaults();
        for (double sensitivity : new double[] {0.2, 0.5, 0.8, 0.95}) {
            for (double kernel : new double[] {8, 12, 18}) {
                SegmenterParams p = new SegmenterParams(d.smoothing(), d.minSegmentSeconds(), d.unknownThreshold(), sensitivity);
                Detection det = new Detection(ChangeFeatures.MEL_BLOCKS, kernel, base.medianSeconds(),
                        base.featureMedianSeconds());
                out.add(new Variant(String.format(Locale.ROOT, "mel sens %.2f kernel %2.0f s", sensitivity, kernel), p, det));
            }
        }
        for (double median : new double[] {12, 48}) {
            Detection det = new Detection(ChangeFeatures.MEL_BLOCKS, base.kernelSeconds(), median, base.featureMedianSeconds());
            out.add(new Variant(String.format(Locale.ROOT, "mel median %.0f s", median), d, det));
        }
        for (double fm : new double[] {0, 6}) {
            Detection det = new Detection(ChangeFeatures.MEL_BLOCKS, base.kernelSeconds(), base.medianSeconds(), fm);
            out.add(new Variant(String.format(Locale.ROOT, "mel feature median %.0f s", fm), d, det));
        }
        for (double minSeg : new double[] {0, 10}) {
            out.add(new Variant(String.format(Locale.ROOT, "mel minsegment %.0f s", minSeg),
                    new SegmenterParams(d.smoothing(), minSeg, d.unknownThreshold(), d.sensitivity()), base));
        }
        for (double kernel : new double[] {12, 24}) {
            Detection det = new Detection(ChangeFeatures.WINDOW_FEATURES, kernel, base.medianSeconds(), 0);
            out.add(new Variant(String.format(Locale.ROOT, "window features kernel %.0f s", kernel), d, det));
        }
        return out;
    }

    static List<MixSet> sets(Path data, Path tmp, int count) throws Exception {
        List<Path> songs = list(data.resolve("songs"), ".mp3");
        List<Medley.Source> songs44 = Medley.sources(songs, MedleyBenchmark::genreOfSong, 44100f, tmp);
        List<Medley.Source> songs48 = Medley.sources(songs, MedleyBenchmark::genreOfSong, 48000f, tmp);
        List<Path> ballroom = new ArrayList<>();
        try (Stream<Path> styles = Files.list(data.resolve("ballroom"))) {
            for (Path style : styles.filter(Files::isDirectory).sorted().toList()) {
                // two songs per style: 46 songs to decode (and convert) instead of 116
                ballroom.addAll(list(style, ".mp3").stream().limit(BALLROOM_SONGS_PER_STYLE).toList());
            }
        }
        List<Medley.Source> ballroom44 = Medley.sources(ballroom, p -> p.getParent().getFileName().toString(), 44100f, tmp);
        List<Medley.Source> ballroom48 = Medley.sources(ballroom, p -> p.getParent().getFileName().toString(), 48000f, tmp);
        List<Path> gtzanTest = new ArrayList<>();
        for (String line : Files.readAllLines(data.resolve("pretrained/gtzan-fault-filtered/test.txt"))) {
            String entry = line.trim();
            if (entry.isEmpty()) {
                continue;
            }
            Path longExcerpt = data.resolve("gtzan-excerpts/long").resolve(entry);
            Path full = data.resolve("gtzan-excerpts/full").resolve(entry.replaceFirst("\\.wav$", ".au"));
            for (Path p : List.of(longExcerpt, full)) {
                if (Files.isRegularFile(p)) {
                    gtzanTest.add(p);
                }
            }
        }
        List<Medley.Source> gtzan = Medley.sources(gtzanTest, p -> p.getParent().getFileName().toString(), 22050f, tmp);
        return List.of(
                new MixSet("songs, hard cuts, 44.1 kHz", Medley.mixes("songs-cut", songs44, 44100f, count, SECTIONS,
                        MIN_SECTION_S, MAX_SECTION_S, 0, 0, 11), true, true),
                new MixSet("songs, 2-8 s crossfades, 48 kHz", Medley.mixes("songs-fade", songs48, 48000f, count, SECTIONS,
                        MIN_SECTION_S, MAX_SECTION_S, MIN_FADE_S, MAX_FADE_S, 12), true, true),
                new MixSet("ballroom, hard cuts, 48 kHz (changes only)", Medley.mixes("ballroom-cut", ballroom48, 48000f,
                        count, SECTIONS, MIN_SECTION_S, MAX_SECTION_S, 0, 0, 13), false, true),
                new MixSet("ballroom, 2-8 s crossfades, 44.1 kHz (changes only)", Medley.mixes("ballroom-fade", ballroom44,
                        44100f, count, SECTIONS, MIN_SECTION_S, MAX_SECTION_S, MIN_FADE_S, MAX_FADE_S, 14), false, true),
                new MixSet("GTZAN test part long/full, hard cuts, 22.05 kHz", Medley.mixes("gtzan-cut", gtzan, 22050f, count,
                        3, MIN_SECTION_S, MAX_SECTION_S, 0, 0, 15), true, false),
                new MixSet("GTZAN test part long/full, 2-8 s crossfades, 22.05 kHz", Medley.mixes("gtzan-fade", gtzan, 22050f,
                        count, 3, MIN_SECTION_S, MAX_SECTION_S, MIN_FADE_S, MAX_FADE_S, 16), true, false),
                new MixSet("GTZAN test part short/ medleys (earlier benchmark), 22.05 kHz", Medley.gtzanTest(data, count, 1),
                        true, false));
    }

    /** One set scored with one variant, as a table row. */
    static String score(MixSet set, List<EngineRun> runs, Variant v) {
        double accuracy = 0;
        int[] wide = new int[3];
        int[] narrow = new int[3];
        int candidateHits = 0;
        int regions = 0;
        double extra = 0;
        double stream = 0;
        List<Double> deviations = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Medley m = set.mixes().get(i);
            EngineRun run = runs.get(i);
            long t0 = System.nanoTime();
            TrackAnnotation a = run.annotator().again(v.params(), v.detection());
            extra += (System.nanoTime() - t0) / 1e9;
            stream += run.streamSeconds();
            List<Segment> found = a.regions().stream().map(r -> new Segment(r.startSeconds(), r.endSeconds(), r.label()))
                    .toList();
            regions += found.size();
            accuracy += SegmentScore.frameAccuracy(m.truth(), found, m.seconds());
            List<Double> truth = SegmentScore.changes(m.truth());
            List<Double> predicted = SegmentScore.changes(found);
            add(wide, SegmentScore.detection(truth, predicted, WIDE_S));
            add(narrow, SegmentScore.detection(truth, predicted, NARROW_S));
            for (double t : truth) {
                predicted.stream().mapToDouble(p -> Math.abs(p - t)).min().ifPresent(deviations::add);
            }
            if (v.detection() != null) {
                List<Double> candidates = Arrays.stream(run.annotator().candidateChanges(v.params().sensitivity(),
                        v.detection())).boxed().toList();
                candidateHits += SegmentScore.detection(truth, candidates, WIDE_S).hits();
            }
        }
        int n = runs.size();
        double median = deviations.isEmpty() ? Double.NaN : deviations.stream().sorted().toList().get(deviations.size() / 2);
        return String.format(Locale.ROOT, "%-44s %6s  %s %s %5.1fs %7s %7.1f %6.1f%%", v.name(),
                set.genres() ? String.format(Locale.ROOT, "%.3f", accuracy / n) : "-", prf(wide), prf(narrow), median,
                v.detection() == null ? "-" : String.format(Locale.ROOT, "%.2f", candidateHits / (double) wide[0]),
                regions / (double) n, 100 * extra / stream);
    }

    /** {@code track} of each whole shared song at its own rate, per variant. */
    static void wholeSongs(GenreModel model, AnnotationSettings settings, Path data, List<Variant> variants) throws Exception {
        int[] right = new int[variants.size()];
        List<Path> songs = list(data.resolve("songs"), ".mp3");
        System.out.printf(Locale.ROOT, "%nwhole shared songs, track output (%d songs)%n", songs.size());
        for (Path song : songs) {
            org.genrevamp.audio.DecodedAudio audio = org.genrevamp.audio.AudioFiles.read(song);
            EngineRun run = EngineRun.of(model, settings, audio.channels(), audio.sampleRate());
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-10s", genreOfSong(song)));
            for (int v = 0; v < variants.size(); v++) {
                TrackAnnotation a = run.annotator().again(variants.get(v).params(), variants.get(v).detection());
                boolean ok = !a.unknown() && model.labels().get(a.summary().topIndex()).equals(genreOfSong(song));
                right[v] += ok ? 1 : 0;
                line.append(String.format(Locale.ROOT, "  %s: %-40s", variants.get(v).name(), a.trackLabel()));
            }
            System.out.println(line);
        }
        for (int v = 0; v < variants.size(); v++) {
            System.out.printf(Locale.ROOT, "  %s: %d of %d right%n", variants.get(v).name(), right[v], songs.size());
        }
    }

    private static void add(int[] counts, SegmentScore.Detection d) {
        counts[0] += d.truth();
        counts[1] += d.predicted();
        counts[2] += d.hits();
    }

    /** Pooled precision / recall / F of {truth, predicted, hits}. */
    private static String prf(int[] c) {
        double p = c[1] == 0 ? (c[0] == 0 ? 1 : 0) : c[2] / (double) c[1];
        double r = c[0] == 0 ? 1 : c[2] / (double) c[0];
        double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return String.format(Locale.ROOT, "%.2f/%.2f/%.2f    ", p, r, f);
    }

    private static String genreOfSong(Path p) {
        return p.getFileName().toString().replaceFirst("\\.mp3$", "");
    }

    private static List<Path> list(Path dir, String suffix) throws java.io.IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static String sections(Medley m) {
        StringBuilder b = new StringBuilder();
        for (Segment s : m.truth()) {
            b.append(String.format(Locale.ROOT, "%s %.1f-%.1f  ", s.label(), s.start(), s.end()));
        }
        return b.toString().trim();
    }
}
