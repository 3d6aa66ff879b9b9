package org.genrevamp.vamp.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.genrevamp.annotate.GenreSegmenter;
import org.genrevamp.testing.SegmentScore;
import org.genrevamp.testing.SegmentScore.Segment;
import org.genrevamp.testing.SharedData;
import org.genrevamp.vamp.Feature;
import org.genrevamp.vamp.GenrePlugin;
import org.genrevamp.vamp.OutputDescriptor;
import org.genrevamp.vamp.ParameterDescriptor;
import org.genrevamp.vamp.PluginRun;

/**
 * How well the plugin's {@code segments} output follows the genre changes of medleys, for a grid of
 * its {@code hop}, {@code smoothing}, {@code minsegment}, {@code window} (and, given, {@code unknown}) parameters: to choose their
 * defaults for a model. Runs {@link GenrePlugin} in-process as a host does ({@link PluginRun}, blocks
 * of 8192) with the bundle given as its {@code custom} model, once per setting and medley.
 *
 * <p>Two sets of medleys, built in memory from {@code ../shared/data} with a fixed seed ({@link Medley}):
 * <ul>
 *   <li>GTZAN test medleys (used to choose): 4 sections of 4 genres, each section 15-30 s of 2-3 s
 *       {@code short/} excerpts of tracks in the artist-filtered split's {@code test.txt} only (the
 *       transfer models' heads are fitted on train+valid); 22.05 kHz mono;</li>
 *   <li>songs medleys (a check only): 4 of the 8 whole songs, a 15-30 s section of each, hard cuts;
 *       44.1 kHz stereo. Run for the current defaults and for the best GTZAN setting.</li>
 * </ul>
 * Per setting: mean frame accuracy (share of a 0.1 s grid whose segment label is the true genre;
 * {@code unknown} regions count as wrong, their share is shown), mean absolute boundary error (each
 * true change to the nearest predicted change; a medley with no predicted change counts the distance
 * to its nearer end), mean number of segments found against the true 4, and wall time per medley.
 *
 * <pre>
 * OMP_NUM_THREADS=1 mvn -B -o -q -pl plugin test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.genrevamp.vamp.bench.MedleyBenchmark -Dexec.args="[MODEL.zip] [MEDLEYS] [HOP,SMOOTHING,MINSEG,WINDOW[,UNKNOWN] ...]"
 * </pre>
 * Defaults: the bundled {@value #DEFAULT_MODEL} model (copied to a temporary bundle file), 8 medleys per set; settings given (e.g. {@code 1.5,0,0,0}) replace
 * the grid (the plugin's defaults are always run too) and are also run on the songs medleys. About 10 minutes on one busy core (2-4 s per medley and setting). The {@code GENRE_VAMP_MODEL} environment
 * variable must be unset or name the same bundle (it would override the one given).
 */
public final class MedleyBenchmark {

    static final String DEFAULT_MODEL = "default";
    static final double[] HOPS = {1.5, 3.0};
    static final double[] SMOOTHINGS = {0, 2, 5, 10, 20};
    static final double[] MIN_SEGMENTS = {0, 5, 10};
    static final double[] WINDOWS = {0};
    static final long GTZAN_SEED = 1;
    static final long SONGS_SEED = 2;
    static final int BLOCK = 8192;

    /** One point of the grid: the plugin's parameter values. */
    record Setting(double hop, double smoothing, double minSegment, double window, double unknown) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "hop %.1f smooth %4.1f minseg %4.1f window %.0f unknown %.2f", hop, smoothing,
                    minSegment, window, unknown);
        }
    }

    /** One plugin run on one medley. */
    record Run(double accuracy, double[] boundaryErrors, int segments, int trueSegments, double unknownShare,
               double wallSeconds, double effectiveHop) {
    }

    /** Means over a set of medleys. */
    record Summary(Setting setting, double accuracy, double boundaryError, double segments, double trueSegments,
                   double unknownShare, double wallSeconds, double effectiveHop, double[] perMedley) {
    }

    private MedleyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path bundle = args.length > 0 ? Path.of(args[0]).toAbsolutePath() : bundledCopy(DEFAULT_MODEL);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        List<Setting> extraChecks = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            String[] v = args[i].split(",");
            if (v.length != 4 && v.length != 5) {
                throw new IllegalArgumentException("a setting is HOP,SMOOTHING,MINSEG,WINDOW[,UNKNOWN], got " + args[i]);
            }
            extraChecks.add(new Setting(Double.parseDouble(v[0]), Double.parseDouble(v[1]), Double.parseDouble(v[2]),
                    Double.parseDouble(v[3]), v.length == 5 ? Double.parseDouble(v[4]) : Double.NaN));
        }
        if (!Files.isRegularFile(bundle)) {
            throw new IllegalArgumentException("no model bundle at " + bundle);
        }
        String env = System.getenv("GENRE_VAMP_MODEL");
        if (env != null && !env.isBlank() && !Path.of(env.trim()).toAbsolutePath().equals(bundle)) {
            throw new IllegalStateException("GENRE_VAMP_MODEL=" + env + " would override " + bundle + ": unset it");
        }
        Path home = Files.createTempDirectory("genre-vamp-medley");
        Files.writeString(home.resolve("genre-vamp.conf"), "model=" + bundle + "\n");
        System.setProperty("genrevamp.home", home.toString());

        GenrePlugin probe = new GenrePlugin(22050f);
        Map<String, ParameterDescriptor> parameters = new LinkedHashMap<>();
        probe.getParameterDescriptors().forEach(d -> parameters.put(d.identifier(), d));
        int modelIndex = parameters.get("model").valueNames().indexOf("custom");
        if (modelIndex < 0) {
            throw new IllegalStateException("the plugin did not pick up " + bundle + " as its custom model");
        }
        Setting defaults = new Setting(parameters.get("hop").defaultValue(), parameters.get("smoothing").defaultValue(),
                parameters.get("minsegment").defaultValue(), parameters.get("window").defaultValue(),
                parameters.get("unknown").defaultValue());
        extraChecks.replaceAll(s -> Double.isNaN(s.unknown())
                ? new Setting(s.hop(), s.smoothing(), s.minSegment(), s.window(), defaults.unknown()) : s);

        Path data = SharedData.dataDir();
        long t0 = System.nanoTime();
        List<Medley> gtzan = Medley.gtzanTest(data, count, GTZAN_SEED);
        List<Medley> songs = Medley.songs(data, home, count, SONGS_SEED);
        System.out.printf(Locale.ROOT, "model %s; unknown threshold default %.2f; OMP_NUM_THREADS=%s;"
                        + " medleys built in %.1f s%n", bundle, parameters.get("unknown").defaultValue(),
                System.getenv("OMP_NUM_THREADS"), (System.nanoTime() - t0) / 1e9);
        for (Medley m : concat(gtzan, songs)) {
            System.out.printf(Locale.ROOT, "  %-13s %5.1f s %6.0f Hz %d ch: %s%n", m.name(), m.seconds(), m.sampleRate(),
                    m.channels().length, sections(m));
        }

        t0 = System.nanoTime();
        run(gtzan.get(0), defaults, modelIndex);   // warm-up: loads the network, JIT
        System.out.printf(Locale.ROOT, "warm-up (model load + one run) %.1f s%n", (System.nanoTime() - t0) / 1e9);

        // settings on the command line replace the grid (with the defaults kept for comparison)
        List<Setting> grid = new ArrayList<>(extraChecks);
        for (double window : extraChecks.isEmpty() ? WINDOWS : new double[0]) {
            for (double hop : HOPS) {
                for (double smoothing : SMOOTHINGS) {
                    for (double minSegment : MIN_SEGMENTS) {
                        grid.add(new Setting(hop, smoothing, minSegment, window, defaults.unknown()));
                    }
                }
            }
        }
        if (!grid.contains(defaults)) {
            grid.add(0, defaults);
        }
        extraChecks.stream().filter(s -> !grid.contains(s)).forEach(grid::add);
        List<Summary> table = new ArrayList<>();
        double[] gtzanWall = new double[gtzan.size()];
        for (Setting s : grid) {
            System.err.printf(Locale.ROOT, "  [%d/%d] %s%n", table.size() + 1, grid.size(), s);
            Summary summary = evaluate(gtzan, s, modelIndex);
            table.add(summary);
            for (int i = 0; i < gtzan.size(); i++) {
                gtzanWall[i] += summary.perMedley()[gtzan.size() + i] / grid.size();
            }
        }

        System.out.printf(Locale.ROOT, "%nGTZAN test medleys (%d, %.0f s in all): every setting%n", gtzan.size(),
                gtzan.stream().mapToDouble(Medley::seconds).sum());
        printHeader();
        table.forEach(s -> printRow(s, s.setting().equals(defaults) ? "  <- current defaults" : ""));
        Summary best = table.stream().max(Comparator.comparingDouble(Summary::accuracy)
                .thenComparingDouble(s -> -s.boundaryError())).orElseThrow();
        Summary current = table.stream().filter(s -> s.setting().equals(defaults)).findFirst().orElseThrow();
        System.out.printf(Locale.ROOT, "%nGTZAN test medleys: top 10 by frame accuracy%n");
        printHeader();
        table.stream().sorted(Comparator.comparingDouble(Summary::accuracy).reversed()).limit(10)
                .forEach(s -> printRow(s, s == best ? "  <- best" : s == current ? "  <- current defaults" : ""));
        System.out.printf(Locale.ROOT, "%nbest GTZAN-test frame accuracy: %s (%.3f; current defaults %s: %.3f)%n",
                best.setting(), best.accuracy(), defaults, current.accuracy());

        System.out.printf(Locale.ROOT, "%nper GTZAN medley: wall time per run (mean over %d settings), frame accuracy%n",
                grid.size());
        for (int i = 0; i < gtzan.size(); i++) {
            Medley m = gtzan.get(i);
            System.out.printf(Locale.ROOT, "  %-13s %5.1f s  wall %5.2f s (%4.0fx real time)  acc defaults %.3f  best %.3f  %s%n",
                    m.name(), m.seconds(), gtzanWall[i], m.seconds() / gtzanWall[i], current.perMedley()[i],
                    best.perMedley()[i], m.genres());
        }

        List<Setting> checks = new ArrayList<>(List.of(defaults));
        for (Setting s : concat(List.of(best.setting()), extraChecks)) {
            if (!checks.contains(s)) {
                checks.add(s);
            }
        }
        System.out.printf(Locale.ROOT, "%nsongs medleys (%d, %.0f s in all; a check, not used to choose)%n", songs.size(),
                songs.stream().mapToDouble(Medley::seconds).sum());
        printHeader();
        List<Summary> songRows = new ArrayList<>();
        for (Setting s : checks) {
            Summary summary = evaluate(songs, s, modelIndex);
            songRows.add(summary);
            printRow(summary, s.equals(defaults) ? "  <- current defaults" : s.equals(best.setting())
                    ? "  <- best on GTZAN test" : "  <- asked for");
        }
        for (int i = 0; i < songs.size(); i++) {
            Medley m = songs.get(i);
            StringBuilder accs = new StringBuilder();
            for (Summary s : songRows) {
                accs.append(String.format(Locale.ROOT, " %.3f", s.perMedley()[i]));
            }
            System.out.printf(Locale.ROOT, "  %-13s %5.1f s  wall %5.2f s  acc%s  %s%n", m.name(), m.seconds(),
                    songRows.get(0).perMedley()[songs.size() + i], accs, m.genres());
        }
    }

    /** Runs every medley at {@code s}; perMedley holds the accuracies, then the wall times. */
    static Summary evaluate(List<Medley> medleys, Setting s, int modelIndex) {
        double accuracy = 0, segments = 0, trueSegments = 0, unknown = 0, wall = 0, hop = 0;
        double errorSum = 0;
        int errors = 0;
        double[] perMedley = new double[2 * medleys.size()];
        for (int i = 0; i < medleys.size(); i++) {
            Run r = run(medleys.get(i), s, modelIndex);
            accuracy += r.accuracy();
            segments += r.segments();
            trueSegments += r.trueSegments();
            unknown += r.unknownShare();
            wall += r.wallSeconds();
            hop = r.effectiveHop();
            for (double e : r.boundaryErrors()) {
                errorSum += e;
                errors++;
            }
            perMedley[i] = r.accuracy();
            perMedley[medleys.size() + i] = r.wallSeconds();
        }
        int n = medleys.size();
        return new Summary(s, accuracy / n, errorSum / Math.max(1, errors), segments / n, trueSegments / n, unknown / n,
                wall / n, hop, perMedley);
    }

    /** A bundled model written to a temporary bundle file, to be given to the plugin as its custom model. */
    private static Path bundledCopy(String name) throws Exception {
        Path file = Files.createTempFile("genre-vamp-medley-" + name, ".zip");
        file.toFile().deleteOnExit();
        Files.write(file, org.genrevamp.model.GenreModels.bytesOfFileOrBundled(name));
        return file;
    }

    /** The plugin over one medley at one setting, scored against its sections. */
    static Run run(Medley m, Setting s, int modelIndex) {
        GenrePlugin p = new GenrePlugin(m.sampleRate());
        p.setParameter("model", modelIndex);
        p.setParameter("hop", (float) s.hop());
        p.setParameter("smoothing", (float) s.smoothing());
        p.setParameter("minsegment", (float) s.minSegment());
        p.setParameter("window", (float) s.window());
        p.setParameter("unknown", (float) s.unknown());
        List<OutputDescriptor> outputs = p.getOutputDescriptors();
        int segmentsOutput = indexOf(outputs, "segments");
        double effectiveHop = 1.0 / outputs.get(indexOf(outputs, "probabilities")).sampleRate();
        long t0 = System.nanoTime();
        Map<Integer, List<Feature>> out = PluginRun.run(p, m.channels(), BLOCK, BLOCK);
        double wall = (System.nanoTime() - t0) / 1e9;
        List<Segment> found = out.getOrDefault(segmentsOutput, List.of()).stream()
                .map(f -> new Segment(f.timestamp().toSeconds(), f.timestamp().toSeconds() + f.duration().toSeconds(),
                        f.label())).toList();
        double duration = m.seconds();
        double[] errors = SegmentScore.boundaryErrors(m.truth(), found);
        List<Double> trueChanges = SegmentScore.changes(m.truth());
        for (int i = 0; i < errors.length; i++) {
            if (Double.isInfinite(errors[i])) {   // nothing changes: as if the change were at the nearer end
                errors[i] = Math.min(trueChanges.get(i), duration - trueChanges.get(i));
            }
        }
        List<Segment> unknown = found.stream().filter(f -> f.label().equals(GenreSegmenter.UNKNOWN_LABEL))
                .map(f -> new Segment(f.start(), f.end(), "")).toList();
        double unknownShare = SegmentScore.frameAccuracy(List.of(new Segment(0, duration, "")), unknown, duration);
        return new Run(SegmentScore.frameAccuracy(m.truth(), found, duration), errors, found.size(), m.truth().size(),
                unknownShare, wall, effectiveHop);
    }

    private static int indexOf(List<OutputDescriptor> outputs, String identifier) {
        for (int i = 0; i < outputs.size(); i++) {
            if (outputs.get(i).identifier().equals(identifier)) {
                return i;
            }
        }
        throw new IllegalStateException("the plugin has no '" + identifier + "' output");
    }

    private static void printHeader() {
        System.out.printf(Locale.ROOT, "  %-44s %9s %9s %9s %7s %8s %8s%n", "setting", "hop used", "frame acc",
                "bound err", "unknown", "segments", "wall/med");
    }

    private static void printRow(Summary s, String note) {
        System.out.printf(Locale.ROOT, "  %-44s %8.3fs %9.3f %8.2fs %6.1f%% %4.1f/%-3.0f %7.2fs%s%n", s.setting(),
                s.effectiveHop(), s.accuracy(), s.boundaryError(), 100 * s.unknownShare(), s.segments(), s.trueSegments(),
                s.wallSeconds(), note);
    }

    private static String sections(Medley m) {
        StringBuilder b = new StringBuilder();
        for (Segment s : m.truth()) {
            b.append(String.format(Locale.ROOT, "%s %.1f-%.1f  ", s.label(), s.start(), s.end()));
        }
        return b.toString().trim();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
