package org.genrevamp.trainer.scratch;

import org.genrevamp.trainer.dataset.LabelledFile;
import org.genrevamp.trainer.dataset.SplitPart;
import org.genrevamp.trainer.dataset.TrackSplit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.genrevamp.model.bundle.MelNormaliser;

/**
 * What a training run uses from a cache: the label list, the track-disjoint split, the files of
 * each side (those holding at least one window) and the normaliser fitted on the training side only.
 */
public final class TrainingData {
    private final SpectrogramCache cache;
    private final List<String> labels;
    private final TrackSplit split;
    private final Map<SplitPart, List<Integer>> entriesByPart = new EnumMap<>(SplitPart.class);
    private final int windowFrames;
    private final int tooShort;
    private MelNormaliser normaliser;

    /**
     * @param genres             genres to use (empty: all in the cache)
     * @param official           use the dataset's own split column instead of a random one
     * @param validationFraction share of each genre's tracks for validation (random split)
     * @param testFraction       share for test (random split)
     * @throws IllegalArgumentException when fewer than two genres remain or a side is empty
     */
    public TrainingData(SpectrogramCache cache, int windowFrames, Set<String> genres, boolean official,
                        double validationFraction, double testFraction, long seed) {
        this.cache = cache;
        this.windowFrames = windowFrames;
        List<LabelledFile> usable = new ArrayList<>();
        List<Integer> usableEntries = new ArrayList<>();
        int shortFiles = 0;
        TreeSet<String> present = new TreeSet<>();
        List<SpectrogramCache.Entry> entries = cache.entries();
        for (int i = 0; i < entries.size(); i++) {
            SpectrogramCache.Entry e = entries.get(i);
            if (!genres.isEmpty() && !genres.contains(e.genre())) {
                continue;
            }
            if (e.frames() < windowFrames) {
                shortFiles++;
                continue;
            }
            usable.add(new LabelledFile(Path.of(e.file()), e.trackId(), e.genre(), e.genres(),
                    e.officialSplit(), null));
            usableEntries.add(i);
            present.add(e.genre());
        }
        this.tooShort = shortFiles;
        this.labels = List.copyOf(present);
        if (labels.size() < 2) {
            throw new IllegalArgumentException("need at least two genres with files of >= " + windowFrames
                    + " frames, found " + labels);
        }
        this.split = official ? TrackSplit.official(usable)
                : TrackSplit.stratified(TrackSplit.tracksOf(usable), validationFraction, testFraction, seed);
        for (SplitPart part : SplitPart.values()) {
            entriesByPart.put(part, new ArrayList<>());
        }
        for (int i : usableEntries) {
            entriesByPart.get(split.partOf(entries.get(i).trackId())).add(i);
        }
        for (SplitPart part : SplitPart.values()) {
            if (entriesByPart.get(part).isEmpty() && (part == SplitPart.TRAIN || official
                    || (part == SplitPart.VALIDATION ? validationFraction : testFraction) > 0)) {
                throw new IllegalArgumentException("the " + part.name().toLowerCase() + " side of the split is empty");
            }
        }
    }

    /** Per-band mean/std over every frame of the training files (never validation or test). */
    public synchronized MelNormaliser normaliser() {
        if (normaliser == null) {
            MelNormaliser.Accumulator acc = MelNormaliser.accumulator(cache.melBands());
            for (int i : entriesByPart.get(SplitPart.TRAIN)) {
                for (float[] frame : cache.readAll(cache.entries().get(i))) {
                    acc.add(frame);
                }
            }
            normaliser = acc.result();
        }
        return normaliser;
    }

    public SpectrogramCache cache() {
        return cache;
    }

    public List<String> labels() {
        return labels;
    }

    public TrackSplit split() {
        return split;
    }

    public int windowFrames() {
        return windowFrames;
    }

    /** Files left out because they are shorter than one window. */
    public int tooShort() {
        return tooShort;
    }

    /** Cache entry indices on one side. */
    public List<Integer> entries(SplitPart part) {
        return entriesByPart.get(part);
    }

    /** Label index of a cache entry. */
    public int labelOf(int entry) {
        return labels.indexOf(cache.entries().get(entry).genre());
    }

    /** Distinct tracks on one side. */
    public int trackCount(SplitPart part) {
        TreeSet<String> tracks = new TreeSet<>();
        entriesByPart.get(part).forEach(i -> tracks.add(cache.entries().get(i).trackId()));
        return tracks.size();
    }
}
