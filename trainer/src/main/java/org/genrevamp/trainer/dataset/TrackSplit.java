package org.genrevamp.trainer.dataset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Assigns whole tracks (songs) to train/validation/test, so that no song is on two sides.
 *
 * <p>The random split is stratified by genre: within each genre the tracks are shuffled with the
 * seed and cut by the fractions, so each side gets every genre in proportion; a genre's cut depends
 * only on the seed and its own tracks. The cut happens on
 * tracks before any window is made: windows of one song never leak across sides.
 */
public final class TrackSplit {
    private final Map<String, SplitPart> parts;

    private TrackSplit(Map<String, SplitPart> parts) {
        this.parts = Map.copyOf(parts);
    }

    /**
     * A seeded split stratified by genre.
     *
     * @param tracks             track id to genre, one entry per track
     * @param validationFraction share of each genre's tracks for validation, in [0, 1)
     * @param testFraction       share for test, in [0, 1); the two together below 1
     * @throws IllegalArgumentException on fractions out of range
     */
    public static TrackSplit stratified(Map<String, String> tracks, double validationFraction, double testFraction,
                                        long seed) {
        if (validationFraction < 0 || testFraction < 0 || validationFraction + testFraction >= 1) {
            throw new IllegalArgumentException("TrackSplit: need 0 <= validation, test and validation + test < 1, got "
                    + validationFraction + ", " + testFraction);
        }
        Map<String, List<String>> byGenre = new TreeMap<>();
        new TreeMap<>(tracks).forEach((track, genre) -> byGenre.computeIfAbsent(genre, g -> new ArrayList<>()).add(track));
        Map<String, SplitPart> parts = new HashMap<>();
        for (Map.Entry<String, List<String>> genre : byGenre.entrySet()) {
            List<String> ids = genre.getValue();
            // one generator per genre: a genre's split does not depend on which other genres are present,
            // so a model trained on a genre subset is tested on the same tracks of those genres
            Collections.shuffle(ids, new Random(seed * 1_000_003L + genre.getKey().hashCode()));
            int test = share(ids.size(), testFraction, ids.size() - 1);
            int validation = share(ids.size(), validationFraction, ids.size() - test - 1);
            for (int i = 0; i < ids.size(); i++) {
                parts.put(ids.get(i), i < test ? SplitPart.TEST : i < test + validation ? SplitPart.VALIDATION
                        : SplitPart.TRAIN);
            }
        }
        return new TrackSplit(parts);
    }

    /** The dataset's own split (FMA's {@code set.split}); every file must carry one. */
    public static TrackSplit official(List<LabelledFile> files) {
        Map<String, SplitPart> parts = new HashMap<>();
        for (LabelledFile f : files) {
            if (f.officialSplit() == null) {
                throw new IllegalArgumentException("TrackSplit: " + f.file() + " has no official split");
            }
            parts.put(f.trackId(), SplitPart.ofOfficial(f.officialSplit()));
        }
        return new TrackSplit(parts);
    }

    /** Track id to genre, one entry per track (the genre of its first file). */
    public static Map<String, String> tracksOf(List<LabelledFile> files) {
        Map<String, String> tracks = new TreeMap<>();
        files.forEach(f -> tracks.putIfAbsent(f.trackId(), f.genre()));
        return tracks;
    }

    /** The side of {@code trackId}; IllegalArgumentException for a track the split has not seen. */
    public SplitPart partOf(String trackId) {
        SplitPart part = parts.get(trackId);
        if (part == null) {
            throw new IllegalArgumentException("TrackSplit: unknown track " + trackId);
        }
        return part;
    }

    /** Track ids on one side, sorted. */
    public List<String> tracks(SplitPart part) {
        TreeSet<String> ids = new TreeSet<>();
        parts.forEach((id, p) -> {
            if (p == part) {
                ids.add(id);
            }
        });
        return List.copyOf(ids);
    }

    /** n * fraction rounded, at least 1 when the fraction is positive, at most {@code max} (keeps training tracks). */
    private static int share(int n, double fraction, int max) {
        if (fraction <= 0 || max <= 0) {
            return 0;
        }
        return (int) Math.min(max, Math.max(1, Math.round(n * fraction)));
    }
}
