package org.genrevamp.trainer.transfer;

import org.genrevamp.trainer.dataset.ArtistSplit;
import org.genrevamp.trainer.dataset.FaultFilteredSplit;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import me.tongfei.progressbar.ProgressBar;
import org.genrevamp.dsp.RhythmFeatures;
import org.genrevamp.model.transfer.Backbones;
import org.genrevamp.model.bundle.BundleException;
import org.genrevamp.model.transfer.GenreHead;
import org.genrevamp.model.transfer.TagGenreMapping;
import org.genrevamp.model.transfer.TransferModel;
import org.genrevamp.trainer.dataset.Dataset;
import org.genrevamp.trainer.report.Evaluation;
import org.genrevamp.trainer.dataset.LabelledFile;
import org.genrevamp.trainer.console.Log;
import org.genrevamp.trainer.console.Progress;
import org.genrevamp.trainer.report.ScoredWindow;
import org.genrevamp.trainer.dataset.SplitPart;
import org.genrevamp.trainer.dataset.TrackSplit;
import org.genrevamp.trainer.annotations.AnnotatedDataset;
import org.genrevamp.trainer.annotations.Region;

/**
 * {@code train --backbone}: a genre head on frozen pretrained taggers, trained on labelled regions
 * ({@link AnnotatedDataset}: annotation files, or whole files in folders named after their label).
 * <ol>
 *   <li>split the songs (GTZAN: the artist-filtered lists, so no artist is on two sides);</li>
 *   <li>compute each file's windows' backbone features once into the {@link EmbeddingCache}
 *       (training and validation files also as augmented copies);</li>
 *   <li>choose the head (logistic regression or a small MLP, weight decay) by its cross-entropy on
 *       the validation part ({@link HeadChoice#best});</li>
 *   <li>where the labels are the GTZAN genres and the head sees tag probabilities, fuse the head with
 *       the taggers' own genre tags ({@link TagFusion}: normalisers from the training part, weight
 *       chosen by cross-entropy on the validation part);</li>
 *   <li>fit the chosen head on train + validation (the normalisers on the same windows), score the
 *       test part (windows and tracks; also the head alone and the mapping alone), and write the
 *       bundle {@code OUT/model.zip} and {@code OUT/report/}.</li>
 * </ol>
 */
public final class TransferTraining {

    static final String BUNDLE = "model.zip";
    /** Cache folder of the rhythm features (computed for every window: cheap, and any run may want them). */
    static final String RHYTHM_CACHE = "rhythm";
    static final String REPORT = "report";

    private final TransferSettings settings;
    private TransferModel kept;
    private String keptName;

    public TransferTraining(TransferSettings settings) {
        this.settings = settings;
    }

    /**
     * Ships {@code model}'s head instead of fitting one on train + valid (the tag mapping is still fitted
     * and chosen): to add a mapping to a shipped bundle whose head was fitted by this recipe before.
     *
     * @param name how cards and reports name the bundle
     */
    public void keepHeadOf(TransferModel model, String name) {
        this.kept = model;
        this.keptName = name;
    }

    private void checkKept(Backbones backbones, List<String> labels) {
        if (!kept.backbones().names().equals(backbones.names()) || kept.backbones().featureKind() != backbones.featureKind()
                || !kept.labels().equals(labels) || kept.rhythm() != settings.rhythm()) {
            throw new IllegalArgumentException("--head-from " + keptName + ": its head takes " + kept.backbones().names()
                    + " " + kept.backbones().featureKind().id() + (kept.rhythm() ? " + rhythm" : "") + " for " + kept.labels()
                    + ", this run has " + backbones.names() + " " + backbones.featureKind().id()
                    + (settings.rhythm() ? " + rhythm" : "") + " for " + labels);
        }
    }

    /**
     * The labelled regions, their split, and every window's features cached and lined up: what both
     * the split run ({@link #run}) and cross-validation ({@link CrossValidation}) start from. Closing it
     * releases the caches.
     */
    static final class Prepared implements AutoCloseable {
        final Backbones backbones;
        final List<String> labels;
        final Map<String, SplitPart> split;
        final Map<String, String> songLabels;
        /** Song to artist where {@code --split artist} names them (cross-validation then groups by artist), else null. */
        final Map<String, String> artists;
        final Rows rows;
        private final List<EmbeddingCache> caches;

        Prepared(Backbones backbones, List<String> labels, Map<String, SplitPart> split, Map<String, String> songLabels,
                 Map<String, String> artists, Rows rows, List<EmbeddingCache> caches) {
            this.backbones = backbones;
            this.labels = labels;
            this.split = split;
            this.songLabels = songLabels;
            this.artists = artists;
            this.rows = rows;
            this.caches = caches;
        }

        @Override
        public void close() throws IOException {
            for (EmbeddingCache c : caches) {
                c.close();
            }
        }
    }

    /**
     * Scans the regions, splits their songs ({@code splitAll}: every song on the training side, for
     * cross-validation) and fills the caches.
     */
    Prepared prepare(boolean splitAll) throws IOException, BundleException {
        return prepare(splitAll, null);
    }

    /**
     * {@code prepare --backbone}: fills the caches as {@link #run} would (same split, same variants)
     * with what {@code source} computes (null: here, file by file), and trains nothing.
     *
     * @return rows in each cache
     */
    public int fillCaches(FileFeatures.Source source) throws IOException, BundleException {
        try (Prepared p = prepare(false, source)) {
            return p.caches.get(0).rows().size();
        }
    }

    private Prepared prepare(boolean splitAll, FileFeatures.Source source) throws IOException, BundleException {
        Backbones backbones = load(settings.pretrained(), settings.backbones(), settings.features());
        Songs songs = songs();
        AnnotatedDataset dataset = songs.dataset();
        dataset.skipped().forEach(s -> Log.warn("skipped " + s.file() + ": " + s.reason()));
        List<String> labels = dataset.labels();
        if (labels.size() < 2) {
            throw new IllegalArgumentException("need regions of at least 2 labels in " + settings.dataName() + ", found "
                    + labels);
        }
        Map<String, SplitPart> split = new LinkedHashMap<>();
        if (splitAll) {
            dataset.songLabels().keySet().forEach(t -> split.put(t, SplitPart.TRAIN));
        } else {
            split.putAll(split(songs));
        }
        List<Region> regions = dataset.regions().stream().filter(r -> split.containsKey(r.trackId())).toList();
        Log.info(String.format(Locale.ROOT, "%s: %d regions of %d songs, %d labels (%d regions of unlisted songs left out)",
                splitAll ? "all songs" : settings.split() + " split", regions.size(),
                regions.stream().map(Region::trackId).distinct().count(), labels.size(),
                dataset.regions().size() - regions.size()));
        List<EmbeddingCache> caches = new ArrayList<>();
        try {
            for (int i = 0; i < backbones.list().size(); i++) {
                String name = backbones.list().get(i).name();
                caches.add(EmbeddingCache.open(settings.cache().resolve(name.replace('/', '-')),
                        settings.cacheKey(name, backbones.windowFrames(), backbones.outputConvention(i)), backbones.outputSize(i)));
            }
            caches.add(EmbeddingCache.open(settings.cache().resolve(RHYTHM_CACHE),
                    settings.cacheKey(RHYTHM_CACHE + " " + RhythmFeatures.ID, backbones.windowFrames(), ""), RhythmFeatures.SIZE));
            extract(regions, split, backbones, caches, source != null ? source : local(backbones));
            Map<String, Integer> wanted = new HashMap<>();
            regions.forEach(r -> wanted.merge(r.key(), variantsWanted(r, split), Math::max));
            Rows rows = new Rows(caches, wanted, backbones, labels, split, settings.rhythm());
            Map<String, String> artists = splitAll && settings.split().equals("artist") ? artists(songs) : null;
            return new Prepared(backbones, labels, split, dataset.songLabels(), artists, rows, caches);
        } catch (IOException | RuntimeException e) {
            for (EmbeddingCache c : caches) {
                c.close();
            }
            throw e;
        }
    }

    /** Runs the whole job; returns the test figures. */
    public TransferReport run() throws IOException, BundleException {
        long start = System.nanoTime();
        try (Prepared p = prepare(false)) {
            Rows rows = p.rows;
            List<String> labels = p.labels;
            List<HeadChoice> tried = chooseHead(rows);
            HeadChoice best = HeadChoice.best(tried);
            Log.info("chosen head: " + best.name() + " (validation loss " + round(best.validationLoss())
                    + ", track top-1 " + round(best.validationTop1()) + ")");
            TagGenreMapping unit = TagFusion.builtin(p.backbones, labels);
            TagFusion.Choice fusion = null;
            if (unit != null) {
                Rows.Part train = rows.part(List.of(SplitPart.TRAIN), true);
                fusion = TagFusion.choose(unit, best.trainer().train(train.x(), train.y(), labels.size()),
                        rows.part(List.of(SplitPart.TRAIN), false), rows.part(List.of(SplitPart.VALIDATION), false), labels);
                Log.info("chosen tag mapping weight: " + fusion.mapping().weight());
            }
            Rows.Part fit = rows.part(List.of(SplitPart.TRAIN, SplitPart.VALIDATION), true);
            if (kept != null) {
                checkKept(p.backbones, labels);
            }
            GenreHead head = kept != null ? kept.head() : best.trainer().train(fit.x(), fit.y(), labels.size());
            TagGenreMapping mapping = null;
            TagGenreMapping mappingAlone = null;
            if (fusion != null) {
                double[] normalisers = TagFusion.normalisers(unit,
                        rows.part(List.of(SplitPart.TRAIN, SplitPart.VALIDATION), false).x());
                mappingAlone = unit.calibrated(normalisers, 1);
                // weight 0 is the head alone: the bundle then holds no mapping (and stays format version 1)
                mapping = fusion.mapping().weight() == 0 ? null : unit.calibrated(normalisers, fusion.mapping().weight());
            }
            Rows.Part testPart = rows.part(List.of(SplitPart.TEST), false);
            TransferModel scored = new TransferModel(p.backbones, head, labels, Map.of(), settings.rhythm(), mapping);
            Evaluation test = score(scored::predictFeatures, testPart, labels);
            TransferReport.Fusion fused = fusion == null ? null : new TransferReport.Fusion(mapping, fusion.tried(),
                    fusion.mapping().weight(), score(head::probabilities, testPart, labels),
                    score(mappingAlone::distribution, testPart, labels));
            String keptHead = kept == null ? null : kept.card().getOrDefault("head", "?") + ", kept from " + keptName
                    + " (fitted there on " + kept.card().getOrDefault("tracks", "?") + " tracks, train + valid)";
            TransferReport report = new TransferReport(settings, p.backbones, labels, rows.trackCounts(), best, tried, test,
                    fused, keptHead, (System.nanoTime() - start) / 1e9);
            TransferModel model = new TransferModel(p.backbones, head, labels, report.card(licence()), settings.rhythm(),
                    mapping);
            Files.createDirectories(settings.out());
            model.save(settings.out().resolve(BUNDLE));
            report.write(settings.out().resolve(REPORT));
            return report;
        }
    }

    /** The pretrained networks {@code names} (folders under {@code pretrained} holding {@code best_model.pth}). */
    public static Backbones load(Path pretrained, List<String> names, Backbones.Features features)
            throws IOException, BundleException {
        List<Backbones.Backbone> list = new ArrayList<>();
        for (String name : names) {
            Path file = pretrained.resolve(name).resolve("best_model.pth");
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no pretrained network '" + name + "': " + file + " does not exist");
            }
            list.add(Backbones.read(name, Files.readAllBytes(file), file.toString()));
        }
        return new Backbones(list, features);
    }

    String licence() throws IOException {
        Path file = settings.pretrained().resolve("LICENSE");
        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    }

    /**
     * The labelled regions, and with an FMA dataset its tracks (their official split and artist; empty for
     * a data folder).
     */
    private record Songs(AnnotatedDataset dataset, List<LabelledFile> fmaTracks) {
    }

    /** FMA's tracks as whole-file regions, else the data folder's regions. */
    private Songs songs() throws IOException {
        if (settings.fma() == null) {
            return new Songs(AnnotatedDataset.scan(settings.data(), new HashSet<>(settings.genres())), List.of());
        }
        Dataset fma = settings.fma().load(new HashSet<>(settings.genres()));
        return new Songs(AnnotatedDataset.wholeFiles(fma), fma.files());
    }

    private Map<String, SplitPart> split(Songs all) throws IOException {
        Map<String, String> songs = all.dataset().songLabels();
        if (settings.split().equals("official")) {
            if (all.fmaTracks().isEmpty()) {
                throw new IllegalArgumentException("--split official needs an FMA dataset (--fma-metadata, --fma-audio)");
            }
            Map<String, SplitPart> parts = new LinkedHashMap<>();
            TrackSplit official = TrackSplit.official(all.fmaTracks());
            songs.keySet().forEach(t -> parts.put(t, official.partOf(t)));
            return parts;
        }
        if (settings.split().equals("fault-filtered")) {
            Map<String, SplitPart> lists = FaultFilteredSplit.read(settings.splitDir());
            Map<String, SplitPart> parts = new LinkedHashMap<>();
            for (String track : songs.keySet()) {
                SplitPart p = lists.get(track);
                if (p != null) {
                    parts.put(track, p);
                }
            }
            return parts;
        }
        if (settings.split().equals("random")) {
            TrackSplit s = TrackSplit.stratified(songs, 0.15, 0.15, settings.seed());
            Map<String, SplitPart> parts = new LinkedHashMap<>();
            songs.keySet().forEach(t -> parts.put(t, s.partOf(t)));
            return parts;
        }
        if (settings.split().equals("artist")) {
            return ArtistSplit.split(songs, artists(all), 0.15, 0.15, settings.seed());
        }
        throw new IllegalArgumentException("unknown --split '" + settings.split() + "' (fault-filtered, artist, official or random)");
    }

    /**
     * Song (track id) to artist from {@code --artists}, matched by track id or file name without extension;
     * without it, FMA's artist column.
     */
    private Map<String, String> artists(Songs songs) throws IOException {
        if (settings.artists() == null && !songs.fmaTracks().isEmpty()) {
            Map<String, String> artists = new LinkedHashMap<>();
            for (LabelledFile f : songs.fmaTracks()) {
                if (f.artist() != null) {
                    artists.put(f.trackId(), f.artist());
                }
            }
            return artists;
        }
        if (settings.artists() == null) {
            throw new IllegalArgumentException("--split artist needs --artists FILE (track<TAB>artist lines) or an FMA"
                    + " dataset (its artist column)");
        }
        Map<String, String> byName = ArtistSplit.readArtists(settings.artists());
        Map<String, String> artists = new LinkedHashMap<>();
        for (Region r : songs.dataset().regions()) {
            String name = r.file().getFileName().toString().replaceFirst("\\.[^.]+$", "");
            String artist = byName.getOrDefault(r.trackId(), byName.get(name));
            if (artist != null) {
                artists.putIfAbsent(r.trackId(), artist);
            }
        }
        return artists;
    }

    /**
     * Backbone outputs and rhythm features of every window not yet cached, into each cache (the rhythm
     * cache last), file by file as {@code source} computes them ({@link FileFeatures}: each audio file
     * decoded once, each region's windows augmented once for all caches). Each file's rows are
     * appended before the next file's are taken, so an interruption loses only files in flight.
     */
    private void extract(List<Region> regions, Map<String, SplitPart> split, Backbones backbones,
                         List<EmbeddingCache> caches, FileFeatures.Source source) throws IOException {
        Map<String, List<FileFeatures.RegionTask>> todo = new TreeMap<>();
        for (Region r : regions) {
            int wanted = variantsWanted(r, split);
            int[] cached = caches.stream().mapToInt(c -> c.cachedVariants(r.key())).toArray();
            if (java.util.Arrays.stream(cached).anyMatch(n -> n < wanted)) {
                todo.computeIfAbsent(r.file().toAbsolutePath().normalize().toString(), f -> new ArrayList<>())
                        .add(new FileFeatures.RegionTask(r.trackId(), r.start(), r.end(), r.label(), wanted, cached));
            }
        }
        if (todo.isEmpty()) {
            Log.info("feature caches of " + backbones.names() + " and rhythm are complete (" + caches.get(0).rows().size()
                    + " rows each)");
            return;
        }
        List<FileFeatures.Task> tasks = new ArrayList<>();
        todo.forEach((file, list) -> tasks.add(new FileFeatures.Task(file, settings.seed(), list)));
        try (ProgressBar bar = Progress.bar("embeddings", tasks.size(), "files")) {
            Iterator<FileFeatures.Result> results = source.compute(tasks);
            while (results.hasNext()) {
                FileFeatures.Result result = results.next();
                bar.step();
                if (result.error() != null) {
                    Log.warn("skipping " + result.file() + ": " + result.error());
                    continue;
                }
                result.warnings().forEach(Log::warn);
                for (FileFeatures.Rows rows : result.added()) {
                    caches.get(rows.cache()).add(rows.rows(), rows.outputs());
                }
            }
        }
    }

    /** The source that computes each file here, in turn, with {@code backbones}. */
    static FileFeatures.Source local(Backbones backbones) {
        return tasks -> tasks.stream().map(t -> FileFeatures.compute(t, backbones)).iterator();
    }

    /** The original windows, plus the augmented copies for regions the head is fitted on. */
    private int variantsWanted(Region r, Map<String, SplitPart> split) {
        return split.get(r.trackId()) == SplitPart.TEST ? 1 : 1 + settings.augment();
    }

    /** Every head configuration fitted on the training part and scored on the validation part. */
    private List<HeadChoice> chooseHead(Rows rows) {
        Rows.Part train = rows.part(List.of(SplitPart.TRAIN), true);
        Rows.Part validation = rows.part(List.of(SplitPart.VALIDATION), false);
        List<HeadChoice> tried = new ArrayList<>();
        long seed = settings.seed();
        int epochs = settings.epochs();
        List<HeadTrainer> grid = new ArrayList<>();
        for (double l2 : new double[] {1e-3, 1e-2, 3e-2, 1e-1, 3e-1, 1}) {
            grid.add(new HeadTrainer(0, 0, l2, epochs, 0.01, seed));
        }
        for (double l2 : new double[] {1e-3, 1e-2, 1e-1}) {
            grid.add(new HeadTrainer(128, 0.5, l2, epochs, 0.003, seed));
        }
        for (HeadTrainer t : grid) {
            GenreHead head = t.train(train.x(), train.y(), rows.labels().size());
            Evaluation v = score(head::probabilities, validation, rows.labels());
            String name = t.describe();
            HeadChoice c = new HeadChoice(name, t, v.tracks().top1(), loss(head::probabilities, validation));
            Log.info(String.format(Locale.ROOT, "head %-28s validation: tracks top-1 %.3f, windows top-1 %.3f, loss %.3f",
                    name, c.validationTop1(), v.windows().top1(), c.validationLoss()));
            tried.add(c);
        }
        return tried;
    }

    /** Windows and tracks of {@code part} scored with {@code model} (feature vector to probabilities). */
    static Evaluation score(Function<float[], float[]> model, Rows.Part part, List<String> labels) {
        List<ScoredWindow> scored = new ArrayList<>();
        for (int i = 0; i < part.x().length; i++) {
            scored.add(new ScoredWindow(part.tracks()[i], part.y()[i], model.apply(part.x()[i])));
        }
        return Evaluation.of(scored, labels);
    }

    /** Mean cross-entropy of {@code part}'s windows under {@code model}. */
    static double loss(Function<float[], float[]> model, Rows.Part part) {
        double loss = 0;
        for (int i = 0; i < part.x().length; i++) {
            loss -= Math.log(Math.max(1e-9, model.apply(part.x()[i])[part.y()[i]]));
        }
        return loss / part.x().length;
    }

    private static String round(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /**
     * The cached rows grouped by split part. Each backbone has its own cache; a window's row is found
     * in each by (file, variant, position among that file's rows of that variant), so caches filled in
     * another order, or extended later, still line up; windows missing from any cache are left out.
     * Only this run's rows are used: a shared cache also holds other runs' regions (another data folder,
     * the same files by another path) and their augmented copies, which would change the head unseen.
     */
    static final class Rows {
        /**
         * @param tracks per row the unit scored at "track" level: the song, or for a song annotated with
         *               several labels, the song and the label (each labelled part scored on its own)
         */
        record Part(float[][] x, int[] y, String[] tracks) {
        }

        private final List<EmbeddingCache.Row> rows;       // the first backbone's rows
        private final List<int[]> where;                   // per row: its index in each cache
        private final List<FloatBuffer> features = new ArrayList<>();
        private final Backbones backbones;
        private final List<String> labels;
        private final Map<String, SplitPart> split;
        private final boolean rhythm;
        private final Set<String> multiLabel = new HashSet<>();   // songs with regions of several labels

        /**
         * @param caches one per backbone, then the rhythm cache
         * @param wanted this run's regions ({@code Region.key()}) and how many variants of each it uses
         * @param rhythm whether a row's features end with its rhythm features
         */
        Rows(List<EmbeddingCache> caches, Map<String, Integer> wanted, Backbones backbones, List<String> labels,
             Map<String, SplitPart> split, boolean rhythm) throws IOException {
            this.backbones = backbones;
            this.labels = labels;
            this.split = split;
            this.rhythm = rhythm;
            List<Map<String, Integer>> indexes = new ArrayList<>();
            for (EmbeddingCache c : caches) {
                features.add(c.features());
                indexes.add(keys(c.rows()));
            }
            List<EmbeddingCache.Row> first = caches.get(0).rows();
            List<String> firstKeys = new ArrayList<>(keys(first).keySet());
            this.rows = new ArrayList<>();
            this.where = new ArrayList<>();
            for (String key : firstKeys) {
                int[] at = new int[caches.size()];
                boolean everywhere = true;
                for (int c = 0; c < caches.size(); c++) {
                    Integer i = indexes.get(c).get(key);
                    everywhere &= i != null;
                    at[c] = i == null ? -1 : i;
                }
                EmbeddingCache.Row row = first.get(at[0]);
                if (everywhere && row.variant() < wanted.getOrDefault(row.file(), 0)) {
                    rows.add(row);
                    where.add(at);
                }
            }
            Map<String, String> labelOf = new HashMap<>();
            for (EmbeddingCache.Row r : rows) {
                String previous = labelOf.putIfAbsent(r.trackId(), r.genre());
                if (previous != null && !previous.equals(r.genre())) {
                    multiLabel.add(r.trackId());
                }
            }
        }

        /** Row key to row index, in row order. */
        private static Map<String, Integer> keys(List<EmbeddingCache.Row> rows) {
            Map<String, Integer> keys = new LinkedHashMap<>();
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                EmbeddingCache.Row r = rows.get(i);
                String fileVariant = r.file() + "\t" + r.variant();
                int n = seen.merge(fileVariant, 1, Integer::sum);
                keys.put(fileVariant + "\t" + n, i);
            }
            return keys;
        }

        List<String> labels() {
            return labels;
        }

        /** Rows of the given parts; augmented copies only when {@code withAugmented}. */
        Part part(List<SplitPart> parts, boolean withAugmented) {
            Set<String> tracks = new HashSet<>();
            split.forEach((t, p) -> {
                if (parts.contains(p)) {
                    tracks.add(t);
                }
            });
            return part(tracks, withAugmented);
        }

        /** Rows of the given songs; augmented copies only when {@code withAugmented}. */
        Part part(Set<String> songs, boolean withAugmented) {
            List<Integer> which = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                EmbeddingCache.Row r = rows.get(i);
                if (songs.contains(r.trackId()) && (withAugmented || r.variant() == 0) && labels.contains(r.genre())) {
                    which.add(i);
                }
            }
            float[][] x = new float[which.size()][];
            int[] y = new int[which.size()];
            String[] tracks = new String[which.size()];
            for (int k = 0; k < which.size(); k++) {
                int i = which.get(k);
                List<float[]> outputs = new ArrayList<>();
                int nets = backbones.list().size();
                for (int c = 0; c < nets; c++) {
                    outputs.add(EmbeddingCache.row(features.get(c), where.get(i)[c], backbones.outputSize(c)));
                }
                x[k] = backbones.features(outputs);
                if (rhythm) {
                    float[] r = EmbeddingCache.row(features.get(nets), where.get(i)[nets], RhythmFeatures.SIZE);
                    float[] both = java.util.Arrays.copyOf(x[k], x[k].length + r.length);
                    System.arraycopy(r, 0, both, x[k].length, r.length);
                    x[k] = both;
                }
                y[k] = labels.indexOf(rows.get(i).genre());
                EmbeddingCache.Row row = rows.get(i);
                tracks[k] = multiLabel.contains(row.trackId()) ? row.trackId() + " [" + row.genre() + "]" : row.trackId();
            }
            return new Part(x, y, tracks);
        }

        /** Tracks per part. */
        Map<String, Integer> trackCounts() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (SplitPart p : SplitPart.values()) {
                counts.put(p.name().toLowerCase(Locale.ROOT), (int) rows.stream()
                        .filter(r -> split.get(r.trackId()) == p).map(EmbeddingCache.Row::trackId).distinct().count());
            }
            return counts;
        }
    }
}
