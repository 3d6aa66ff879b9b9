package org.genrevamp.trainer.transfer;

import org.genrevamp.trainer.dataset.ArtistSplit;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.genrevamp.model.bundle.BundleException;
import org.genrevamp.model.transfer.GenreHead;
import org.genrevamp.model.transfer.TransferModel;
import org.genrevamp.trainer.report.Evaluation;
import org.genrevamp.trainer.console.Log;
import org.genrevamp.trainer.report.ScoredWindow;

/**
 * {@code train --backbone ... --cv FOLDSxREPEATS}: for label sets too small to hold out a test part
 * (the ballroom styles have 3-8 songs each), repeated stratified K-fold cross-validation by song,
 * or by artist ({@code --split artist --artists FILE}: no artist on both sides of a fold).
 * <ol>
 *   <li>each repeat deals every label's songs, shuffled with a seed of its own, round-robin into K
 *       folds, so each fold holds every label in proportion and no song is in two folds; by artist,
 *       it deals whole artists instead, as evenly per label as their songs allow ({@link #folds(Map, Map, int, long)});</li>
 *   <li>each head recipe of a small grid is fitted on K-1 folds (with their augmented copies) and
 *       scores the held-out fold's songs (mean of their windows);</li>
 *   <li>the recipe with the best mean song top-1 over the repeats (ties: top-3) is fitted on every
 *       song and shipped; its figures, per-label accuracy and confusion (summed over repeats) go in
 *       the card and the report. Choosing the recipe on the same folds flatters it slightly: the
 *       report lists every recipe's figures, so the spread shows.</li>
 * </ol>
 */
public final class CrossValidation {

    /** One recipe's figures. */
    public record Result(String head, HeadTrainer trainer, double[] top1, double[] top3, Evaluation pooled) {
        double meanTop1() {
            return mean(top1);
        }

        double meanTop3() {
            return mean(top3);
        }
    }

    private final TransferSettings settings;

    public CrossValidation(TransferSettings settings) {
        if (settings.cvFolds() < 2 || settings.cvRepeats() < 1) {
            throw new IllegalArgumentException("--cv needs at least 2 folds and 1 repeat, e.g. 3x5");
        }
        this.settings = settings;
    }

    /** Runs the cross-validation, fits the chosen recipe on every song, writes bundle and report. */
    public CvReport run() throws IOException, BundleException {
        long start = System.nanoTime();
        TransferTraining training = new TransferTraining(settings);
        try (TransferTraining.Prepared p = training.prepare(true)) {
            int smallest = p.songLabels.values().stream().collect(java.util.stream.Collectors.groupingBy(l -> l,
                    java.util.stream.Collectors.counting())).values().stream().mapToInt(Long::intValue).min().orElse(0);
            if (smallest < settings.cvFolds()) {
                Log.warn("a label has only " + smallest + " songs for " + settings.cvFolds() + " folds: some folds lack it");
            }
            List<Result> results = new ArrayList<>();
            for (HeadTrainer t : grid()) {
                Result r = evaluate(p, t);
                Log.info(String.format(Locale.ROOT, "cv %-30s song top-1 %.3f ± %.3f, top-3 %.3f ± %.3f", r.head(),
                        r.meanTop1(), std(r.top1()), r.meanTop3(), std(r.top3())));
                results.add(r);
            }
            Result best = results.get(0);
            for (Result r : results) {
                if (r.meanTop1() > best.meanTop1() + 1e-9
                        || Math.abs(r.meanTop1() - best.meanTop1()) <= 1e-9 && r.meanTop3() > best.meanTop3() + 1e-9) {
                    best = r;
                }
            }
            Log.info("chosen head: " + best.head());
            TransferTraining.Rows.Part all = p.rows.part(p.songLabels.keySet(), true);
            GenreHead head = best.trainer().train(all.x(), all.y(), p.labels.size());
            CvReport report = new CvReport(settings, p.backbones, p.labels, p.songLabels.size(), best, results,
                    (System.nanoTime() - start) / 1e9);
            TransferModel model = new TransferModel(p.backbones, head, p.labels, report.card(training.licence()),
                    settings.rhythm());
            Files.createDirectories(settings.out());
            model.save(settings.out().resolve(TransferTraining.BUNDLE));
            report.write(settings.out().resolve(TransferTraining.REPORT));
            return report;
        }
    }

    /** The recipes tried: logistic regression and the MLP over a few weight decays. */
    private List<HeadTrainer> grid() {
        List<HeadTrainer> grid = new ArrayList<>();
        for (double l2 : new double[] {1e-2, 1e-1, 1}) {
            grid.add(new HeadTrainer(0, 0, l2, settings.epochs(), 0.01, settings.seed()));
        }
        for (double l2 : new double[] {1e-2, 1e-1}) {
            grid.add(new HeadTrainer(128, 0.5, l2, settings.epochs(), 0.003, settings.seed()));
        }
        return grid;
    }

    /** One recipe through every repeat and fold. */
    private Result evaluate(TransferTraining.Prepared p, HeadTrainer trainer) {
        int repeats = settings.cvRepeats();
        double[] top1 = new double[repeats];
        double[] top3 = new double[repeats];
        List<ScoredWindow> pooled = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            long seed = settings.seed() * 1_000_003L + r;
            List<Set<String>> folds = p.artists == null ? folds(p.songLabels, settings.cvFolds(), seed)
                    : folds(p.songLabels, p.artists, settings.cvFolds(), seed);
            List<ScoredWindow> scored = new ArrayList<>();
            for (Set<String> held : folds) {
                if (held.isEmpty()) {
                    continue;
                }
                Set<String> train = new HashSet<>(p.songLabels.keySet());
                train.removeAll(held);
                TransferTraining.Rows.Part fit = p.rows.part(train, true);
                GenreHead head = trainer.train(fit.x(), fit.y(), p.labels.size());
                TransferTraining.Rows.Part test = p.rows.part(held, false);
                for (int i = 0; i < test.x().length; i++) {
                    scored.add(new ScoredWindow("r" + r + ":" + test.tracks()[i], test.y()[i],
                            head.probabilities(test.x()[i])));
                }
            }
            Evaluation e = Evaluation.of(scored, p.labels);
            top1[r] = e.tracks().top1();
            top3[r] = e.tracks().top3();
            pooled.addAll(scored);
        }
        return new Result(trainer.describe(), trainer, top1, top3, Evaluation.of(pooled, p.labels));
    }

    /**
     * Songs dealt into {@code k} folds stratified by label: each label's songs, in name order, shuffled
     * with the seed and that label, then dealt round-robin from a seeded offset (so small labels do not
     * always land in the first folds).
     */
    static List<Set<String>> folds(Map<String, String> songLabels, int k, long seed) {
        Map<String, List<String>> byLabel = new TreeMap<>();
        new TreeMap<>(songLabels).forEach((song, label) -> byLabel.computeIfAbsent(label, l -> new ArrayList<>()).add(song));
        List<Set<String>> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            folds.add(new HashSet<>());
        }
        Random offsets = new Random(seed);
        for (Map.Entry<String, List<String>> e : byLabel.entrySet()) {
            List<String> songs = e.getValue();
            Collections.shuffle(songs, new Random(seed * 31 + e.getKey().hashCode()));
            int offset = offsets.nextInt(k);
            for (int i = 0; i < songs.size(); i++) {
                folds.get((offset + i) % k).add(songs.get(i));
            }
        }
        return folds;
    }

    /**
     * Whole artists dealt into {@code k} folds, stratified by label as far as they allow: the artists,
     * shuffled with the seed, go largest first (stable, so equal sizes keep the shuffled order) to the
     * fold that holds the fewest songs of the artist's labels (summed over the artist's songs; ties: the
     * fewest songs, then a seeded order of the folds). An artist with one song per label thus deals a
     * label round-robin as {@link #folds(Map, int, long)} does; an artist's songs are never split.
     *
     * @param artists song to artist; every song of {@code songLabels} needs one
     * @throws IllegalArgumentException naming a song without an artist
     */
    static List<Set<String>> folds(Map<String, String> songLabels, Map<String, String> artists, int k, long seed) {
        Map<String, List<String>> byArtist = ArtistSplit.byArtist(songLabels.keySet(), artists);
        List<String> order = new ArrayList<>(byArtist.keySet());
        Random random = new Random(seed);
        Collections.shuffle(order, random);
        order.sort((a, b) -> Integer.compare(byArtist.get(b).size(), byArtist.get(a).size()));
        List<Integer> tieOrder = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            tieOrder.add(f);
        }
        List<Set<String>> folds = new ArrayList<>();
        List<Map<String, Integer>> perLabel = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            folds.add(new HashSet<>());
            perLabel.add(new HashMap<>());
        }
        for (String artist : order) {
            List<String> songs = byArtist.get(artist);
            Collections.shuffle(tieOrder, random);
            int best = -1;
            long bestCost = Long.MAX_VALUE;
            for (int f : tieOrder) {
                long same = 0;
                for (String song : songs) {
                    same += perLabel.get(f).getOrDefault(songLabels.get(song), 0);
                }
                long cost = same * 1_000_000L + folds.get(f).size();
                if (cost < bestCost) {
                    bestCost = cost;
                    best = f;
                }
            }
            for (String song : songs) {
                folds.get(best).add(song);
                perLabel.get(best).merge(songLabels.get(song), 1, Integer::sum);
            }
        }
        return folds;
    }

    public static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    public static double std(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return v.length > 1 ? Math.sqrt(s / (v.length - 1)) : 0;
    }
}
