package org.genrevamp.trainer.transfer;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import me.tongfei.progressbar.ProgressBar;
import org.genrevamp.dsp.MelConfig;
import org.genrevamp.model.Backbones;
import org.genrevamp.model.BundleException;
import org.genrevamp.model.GenreHead;
import org.genrevamp.model.TransferModel;
import org.genrevamp.trainer.Dataset;
import org.genrevamp.trainer.Evaluation;
import org.genrevamp.trainer.FolderDataset;
import org.genrevamp.trainer.LabelledFile;
import org.genrevamp.trainer.LogMelExtractor;
import org.genrevamp.trainer.Log;
import org.genrevamp.trainer.Progress;
import org.genrevamp.trainer.ScoredWindow;
import org.genrevamp.trainer.SplitPart;
import org.genrevamp.trainer.TrackSplit;
import org.genrevamp.trainer.WindowPlan;

/**
 * {@code train --backbone}: a genre head on frozen pretrained taggers.
 * <ol>
 *   <li>split the dataset's tracks (GTZAN: the artist-filtered lists, so no artist is on two sides);</li>
 *   <li>compute each file's windows' backbone features once into the {@link EmbeddingCache}
 *       (training and validation files also as augmented copies);</li>
 *   <li>choose the head (logistic regression or a small MLP, weight decay) by track top-1 on the
 *       validation part;</li>
 *   <li>fit the chosen head on train + validation, score the test part (windows and tracks), and write
 *       the bundle {@code OUT/model.zip} and {@code OUT/report/}.</li>
 * </ol>
 */
public final class TransferTraining {

    static final String BUNDLE = "model.zip";
    static final String REPORT = "report";

    private final TransferSettings settings;

    public TransferTraining(TransferSettings settings) {
        this.settings = settings;
    }

    /** Runs the whole job; returns the test figures. */
    public TransferReport run() throws IOException, BundleException {
        long start = System.nanoTime();
        Backbones backbones = loadBackbones();
        Dataset dataset = FolderDataset.scan(settings.data(), new HashSet<>(settings.genres()));
        List<String> labels = dataset.genres();
        Map<String, SplitPart> split = split(dataset);
        List<LabelledFile> files = dataset.files().stream().filter(f -> split.containsKey(f.trackId())).toList();
        Log.info(String.format(Locale.ROOT, "%s split: %d files of %d tracks (%d files of unlisted tracks left out)",
                settings.split(), files.size(), files.stream().map(LabelledFile::trackId).distinct().count(),
                dataset.files().size() - files.size()));
        List<EmbeddingCache> caches = new ArrayList<>();
        try {
            for (int i = 0; i < backbones.list().size(); i++) {
                String name = backbones.list().get(i).name();
                EmbeddingCache cache = EmbeddingCache.open(settings.cache().resolve(name.replace('/', '-')),
                        settings.cacheKey(name, backbones.windowFrames(), backbones.outputConvention(i)), backbones.outputSize(i));
                caches.add(cache);
            }
            extract(files, split, backbones, caches);
            Rows rows = new Rows(caches, backbones, labels, split);
            List<HeadChoice> tried = chooseHead(rows);
            HeadChoice best = tried.get(0);
            for (HeadChoice c : tried) {
                if (c.validationTop1() > best.validationTop1() + 1e-9
                        || Math.abs(c.validationTop1() - best.validationTop1()) <= 1e-9 && c.validationLoss() < best.validationLoss()) {
                    best = c;
                }
            }
            Log.info("chosen head: " + best.name() + " (validation track top-1 " + round(best.validationTop1()) + ")");
            Rows.Part fit = rows.part(List.of(SplitPart.TRAIN, SplitPart.VALIDATION), true);
            GenreHead head = best.trainer().train(fit.x(), fit.y(), labels.size());
            Evaluation test = score(head, rows.part(List.of(SplitPart.TEST), false), labels);
            TransferReport report = new TransferReport(settings, backbones, labels, rows.trackCounts(), best, tried, test,
                    (System.nanoTime() - start) / 1e9);
            TransferModel model = new TransferModel(backbones, head, labels, report.card(licence()));
            Files.createDirectories(settings.out());
            model.save(settings.out().resolve(BUNDLE));
            report.write(settings.out().resolve(REPORT));
            return report;
        } finally {
            for (EmbeddingCache c : caches) {
                c.close();
            }
        }
    }

    private Backbones loadBackbones() throws IOException, BundleException {
        List<Backbones.Backbone> list = new ArrayList<>();
        for (String name : settings.backbones()) {
            Path file = settings.pretrained().resolve(name).resolve("best_model.pth");
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no pretrained network '" + name + "': " + file + " does not exist");
            }
            list.add(Backbones.read(name, Files.readAllBytes(file), file.toString()));
        }
        return new Backbones(list, settings.features());
    }

    private String licence() throws IOException {
        Path file = settings.pretrained().resolve("LICENSE");
        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    }

    private Map<String, SplitPart> split(Dataset dataset) throws IOException {
        if (settings.split().equals("fault-filtered")) {
            Map<String, SplitPart> lists = FaultFilteredSplit.read(settings.splitDir());
            Map<String, SplitPart> parts = new LinkedHashMap<>();
            for (LabelledFile f : dataset.files()) {
                SplitPart p = lists.get(f.trackId());
                if (p != null) {
                    parts.put(f.trackId(), p);
                }
            }
            return parts;
        }
        if (settings.split().equals("random")) {
            TrackSplit s = TrackSplit.stratified(TrackSplit.tracksOf(dataset.files()), 0.15, 0.15, settings.seed());
            Map<String, SplitPart> parts = new LinkedHashMap<>();
            TrackSplit.tracksOf(dataset.files()).keySet().forEach(t -> parts.put(t, s.partOf(t)));
            return parts;
        }
        if (settings.split().equals("artist")) {
            if (settings.artists() == null) {
                throw new IllegalArgumentException("--split artist needs --artists FILE (track<TAB>artist lines)");
            }
            Map<String, String> byName = ArtistSplit.readArtists(settings.artists());
            Map<String, String> artists = new LinkedHashMap<>();
            for (LabelledFile f : dataset.files()) {
                String name = f.file().getFileName().toString().replaceFirst("\\.[^.]+$", "");
                String artist = byName.getOrDefault(f.trackId(), byName.get(name));
                if (artist != null) {
                    artists.putIfAbsent(f.trackId(), artist);
                }
            }
            return ArtistSplit.split(TrackSplit.tracksOf(dataset.files()), artists, 0.15, 0.15, settings.seed());
        }
        throw new IllegalArgumentException("unknown --split '" + settings.split() + "' (fault-filtered, artist or random)");
    }

    /**
     * Backbone outputs of every window not yet cached, into each backbone's cache. Each file is decoded,
     * turned into log-mel and augmented once, whichever backbones still need it.
     */
    private void extract(List<LabelledFile> files, Map<String, SplitPart> split, Backbones backbones,
                         List<EmbeddingCache> caches) throws IOException {
        LogMelExtractor extractor = new LogMelExtractor(MelConfig.torchaudioTagger());
        Augmentation augmentation = new Augmentation(MelConfig.torchaudioTagger());
        List<LabelledFile> todo = files.stream()
                .filter(f -> caches.stream().anyMatch(c -> c.cachedVariants(f.file()) < variantsWanted(f, split)))
                .toList();
        if (todo.isEmpty()) {
            Log.info("embedding caches of " + backbones.names() + " are complete (" + caches.get(0).rows().size()
                    + " rows each)");
            return;
        }
        try (ProgressBar bar = Progress.bar("embeddings", todo.size(), "files")) {
            for (LabelledFile f : todo) {
                bar.step();
                float[][] frames;
                try {
                    frames = extractor.extract(f.file());
                } catch (Exception e) {
                    Log.warn("skipping " + f.file() + ": " + e.getMessage());
                    continue;
                }
                List<float[][]> originals = WindowPlan.tilesOrLooped(frames, backbones.windowFrames());
                // the same seeded draws for every backbone and every run: variant k is always the same audio
                Random random = new Random(settings.seed() * 31 + f.file().getFileName().toString().hashCode());
                List<List<float[][]>> variants = new ArrayList<>();
                for (int k = 0; k < variantsWanted(f, split); k++) {
                    List<float[][]> windows = new ArrayList<>();
                    for (float[][] w : originals) {
                        windows.add(k == 0 ? w : augmentation.apply(w, random));
                    }
                    variants.add(windows);
                }
                for (int i = 0; i < caches.size(); i++) {
                    addMissing(f, variants, backbones, i, caches.get(i));
                }
            }
        }
    }

    /** Backbone {@code i}'s outputs of the variants of {@code f} its cache lacks. */
    private static void addMissing(LabelledFile f, List<List<float[][]>> variants, Backbones backbones, int i,
                                   EmbeddingCache cache) throws IOException {
        List<float[][]> windows = new ArrayList<>();
        List<EmbeddingCache.Row> rows = new ArrayList<>();
        for (int k = cache.cachedVariants(f.file()); k < variants.size(); k++) {
            for (float[][] w : variants.get(k)) {
                windows.add(w);
                rows.add(new EmbeddingCache.Row(f.file().toString(), f.trackId(), f.genre(), k));
            }
        }
        if (!windows.isEmpty()) {
            cache.add(rows, backbones.outputs(i, windows.toArray(new float[0][][])));
        }
    }

    /** The original windows, plus the augmented copies for files the head is fitted on. */
    private int variantsWanted(LabelledFile f, Map<String, SplitPart> split) {
        return split.get(f.trackId()) == SplitPart.TEST ? 1 : 1 + settings.augment();
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
            Evaluation v = score(head, validation, rows.labels());
            double loss = 0;
            for (int i = 0; i < validation.x().length; i++) {
                loss -= Math.log(Math.max(1e-9, head.probabilities(validation.x()[i])[validation.y()[i]]));
            }
            String name = (t.hidden() == 0 ? "linear" : "mlp" + t.hidden() + " dropout " + t.dropout()) + " l2=" + t.l2();
            HeadChoice c = new HeadChoice(name, t, v.tracks().top1(), loss / validation.x().length);
            Log.info(String.format(Locale.ROOT, "head %-28s validation: tracks top-1 %.3f, windows top-1 %.3f, loss %.3f",
                    name, c.validationTop1(), v.windows().top1(), c.validationLoss()));
            tried.add(c);
        }
        return tried;
    }

    static Evaluation score(GenreHead head, Rows.Part part, List<String> labels) {
        List<ScoredWindow> scored = new ArrayList<>();
        for (int i = 0; i < part.x().length; i++) {
            scored.add(new ScoredWindow(part.tracks()[i], part.y()[i], head.probabilities(part.x()[i])));
        }
        return Evaluation.of(scored, labels);
    }

    private static String round(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /**
     * The cached rows grouped by split part. Each backbone has its own cache; a window's row is found
     * in each by (file, variant, position among that file's rows of that variant), so caches filled in
     * another order, or extended later, still line up; windows missing from any cache are left out.
     */
    static final class Rows {
        record Part(float[][] x, int[] y, String[] tracks) {
        }

        private final List<EmbeddingCache.Row> rows;       // the first backbone's rows
        private final List<int[]> where;                   // per row: its index in each cache
        private final List<FloatBuffer> features = new ArrayList<>();
        private final Backbones backbones;
        private final List<String> labels;
        private final Map<String, SplitPart> split;

        Rows(List<EmbeddingCache> caches, Backbones backbones, List<String> labels, Map<String, SplitPart> split)
                throws IOException {
            this.backbones = backbones;
            this.labels = labels;
            this.split = split;
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
                if (everywhere) {
                    rows.add(first.get(at[0]));
                    where.add(at);
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
            List<Integer> which = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                EmbeddingCache.Row r = rows.get(i);
                SplitPart p = split.get(r.trackId());
                if (p != null && parts.contains(p) && (withAugmented || r.variant() == 0) && labels.contains(r.genre())) {
                    which.add(i);
                }
            }
            float[][] x = new float[which.size()][];
            int[] y = new int[which.size()];
            String[] tracks = new String[which.size()];
            for (int k = 0; k < which.size(); k++) {
                int i = which.get(k);
                List<float[]> outputs = new ArrayList<>();
                for (int c = 0; c < features.size(); c++) {
                    outputs.add(EmbeddingCache.row(features.get(c), where.get(i)[c], backbones.outputSize(c)));
                }
                x[k] = backbones.features(outputs);
                y[k] = labels.indexOf(rows.get(i).genre());
                tracks[k] = rows.get(i).trackId();
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
