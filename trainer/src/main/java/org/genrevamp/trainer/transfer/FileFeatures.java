package org.genrevamp.trainer.transfer;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.genrevamp.dsp.MelConfig;
import org.genrevamp.model.runtime.EnginePool;
import org.genrevamp.model.transfer.Backbones;
import org.genrevamp.model.transfer.TransferModel;
import org.genrevamp.trainer.features.LogMelExtractor;
import org.genrevamp.trainer.scratch.WindowPlan;
import org.genrevamp.trainer.annotations.Region;

/**
 * The cache rows one audio file still lacks, computed from its audio: decoded and turned into log-mel
 * once, each region cut into windows, augmented once for all caches, and run through each backbone
 * (then the rhythm features), the backbones at once on the engine's pool ({@link EnginePool}). A pure function of its {@link Task} (plain serializable values), so the
 * local loop and Spark executors compute exactly the same rows; the caller appends them.
 */
public final class FileFeatures {

    /** Regions shorter than this are left out: too short to say anything about tempo or timbre. */
    static final double MIN_REGION_S = 1.0;

    /**
     * One region of the file and what the caches already hold of it.
     *
     * @param wanted variants wanted (the original windows, plus augmented copies)
     * @param cached per cache (backbones, then rhythm): variants already cached
     */
    public record RegionTask(String trackId, double start, double end, String label, int wanted, int[] cached)
            implements Serializable {
    }

    /** One file's regions lacking rows in some cache; {@code seed} seeds the augmentation. */
    public record Task(String file, long seed, List<RegionTask> regions) implements Serializable {
    }

    /** Rows for cache {@code cache} (index among backbones, then rhythm) and their outputs. */
    public record Rows(int cache, List<EmbeddingCache.Row> rows, float[][] outputs) implements Serializable {
    }

    /**
     * What a file adds, in the order to append it.
     *
     * @param warnings regions left out (too short); {@code error} a file that could not be read (then nothing is added)
     */
    public record Result(String file, List<Rows> added, List<String> warnings, String error) implements Serializable {
    }

    /** Where results come from: computed here one file at a time, or on a Spark cluster. */
    public interface Source {
        /** The results of {@code tasks}, as they are done (appended by the caller before the next is asked for). */
        Iterator<Result> compute(List<Task> tasks) throws java.io.IOException;
    }

    private FileFeatures() {
    }

    /** Computes one file's missing rows with {@code backbones}. */
    public static Result compute(Task task, Backbones backbones) {
        MelConfig mel = MelConfig.torchaudioTagger();
        float[][] frames;
        try {
            frames = new LogMelExtractor(mel).extract(Path.of(task.file()));
        } catch (Exception e) {
            return new Result(task.file(), List.of(), List.of(), e.getMessage());
        }
        try (EnginePool.Lease lease = EnginePool.lease()) {
            return compute(task, backbones, frames, mel, lease);
        }
    }

    private static Result compute(Task task, Backbones backbones, float[][] frames, MelConfig mel, EnginePool.Lease lease) {
        Augmentation augmentation = new Augmentation(mel);
        List<Rows> added = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (RegionTask t : task.regions()) {
            Region r = new Region(Path.of(task.file()), t.trackId(), t.start(), t.end(), t.label());
            float[][] own = r.frames(frames, mel.hopSeconds());
            if (own.length * mel.hopSeconds() < MIN_REGION_S) {
                warnings.add(String.format(Locale.ROOT, "skipping region %s %.3f-%.3f s '%s': under %.1f s of audio",
                        r.file().getFileName(), r.start(), r.end(), r.label(), MIN_REGION_S));
                continue;
            }
            List<float[][]> originals = WindowPlan.tilesOrLooped(own, backbones.windowFrames());
            // the same seeded draws for every cache and every run: variant k is always the same audio
            Random random = new Random(task.seed() * 31 + (r.file().getFileName().toString()
                    + (r.isWholeFile() ? "" : r.key().substring(r.key().lastIndexOf('@')))).hashCode());
            List<List<float[][]>> variants = new ArrayList<>();
            for (int k = 0; k < t.wanted(); k++) {
                List<float[][]> windows = new ArrayList<>();
                for (float[][] w : originals) {
                    windows.add(k == 0 ? w : augmentation.apply(w, random));
                }
                variants.add(windows);
            }
            // the backbones at once on the engine's pool (one thread: one after another), rows in cache order
            List<CompletableFuture<Rows>> caches = new ArrayList<>();
            for (int i = 0; i < t.cached().length; i++) {
                int cache = i;
                caches.add(CompletableFuture.supplyAsync(() -> missing(r, variants, t.cached()[cache], backbones, cache),
                        lease.executor()));
            }
            for (CompletableFuture<Rows> cache : caches) {
                Rows rows = EnginePool.await(cache);
                if (rows != null) {
                    added.add(rows);
                }
            }
        }
        return new Result(task.file(), added, warnings, null);
    }

    /** Cache {@code i}'s outputs (backbone {@code i}, or the rhythm features past the last backbone) of variants from {@code cached} on. */
    private static Rows missing(Region r, List<List<float[][]>> variants, int cached, Backbones backbones, int i) {
        List<float[][]> windows = new ArrayList<>();
        List<EmbeddingCache.Row> rows = new ArrayList<>();
        for (int k = cached; k < variants.size(); k++) {
            for (float[][] w : variants.get(k)) {
                windows.add(w);
                rows.add(new EmbeddingCache.Row(r.key(), r.trackId(), r.label(), k));
            }
        }
        if (windows.isEmpty()) {
            return null;
        }
        float[][] out;
        if (i < backbones.list().size()) {
            out = backbones.outputs(i, windows.toArray(new float[0][][]));
        } else {
            out = new float[windows.size()][];
            for (int w = 0; w < out.length; w++) {
                out[w] = TransferModel.rhythmFeatures(windows.get(w));
            }
        }
        return new Rows(i, rows, out);
    }
}
