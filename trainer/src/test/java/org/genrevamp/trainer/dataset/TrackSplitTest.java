package org.genrevamp.trainer.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Property checks of the track-disjoint, stratified split over many seeded random datasets. */
class TrackSplitTest {
    private static final int DATASETS = 200;

    @Test
    void noTrackIsOnTwoSidesAndEveryGenreIsOnEverySide() {
        Random random = new Random(7);
        for (int d = 0; d < DATASETS; d++) {
            List<LabelledFile> files = randomDataset(random);
            double validation = 0.05 + 0.25 * random.nextDouble();
            double test = 0.05 + 0.25 * random.nextDouble();
            TrackSplit split = TrackSplit.stratified(TrackSplit.tracksOf(files), validation, test, random.nextLong());
            Map<String, SplitPart> sideOfTrack = new HashMap<>();
            Map<SplitPart, Set<String>> genresOnSide = new HashMap<>();
            for (LabelledFile f : files) {
                SplitPart part = split.partOf(f.trackId());
                SplitPart earlier = sideOfTrack.putIfAbsent(f.trackId(), part);
                assertTrue(earlier == null || earlier == part, "track " + f.trackId() + " on two sides");
                genresOnSide.computeIfAbsent(part, p -> new HashSet<>()).add(f.genre());
            }
            Set<String> genres = new HashSet<>(TrackSplit.tracksOf(files).values());
            for (SplitPart part : SplitPart.values()) {
                // every genre has >= 3 tracks, so each side gets at least one of each
                assertEquals(genres, genresOnSide.get(part), "dataset " + d + ", side " + part);
            }
        }
    }

    @Test
    void sharesFollowTheFractionsPerGenre() {
        Map<String, String> tracks = new HashMap<>();
        for (int t = 0; t < 40; t++) {
            tracks.put("rock." + t, "rock");
            tracks.put("jazz." + t, "jazz");
        }
        TrackSplit split = TrackSplit.stratified(tracks, 0.15, 0.15, 42);
        // 40 * 0.15 = 6 per genre on validation and test, 28 on train
        assertEquals(12, split.tracks(SplitPart.TEST).size());
        assertEquals(12, split.tracks(SplitPart.VALIDATION).size());
        assertEquals(56, split.tracks(SplitPart.TRAIN).size());
        assertEquals(6, split.tracks(SplitPart.TEST).stream().filter(t -> t.startsWith("rock")).count());
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        Map<String, String> tracks = new HashMap<>();
        for (int t = 0; t < 40; t++) {
            tracks.put("rock." + t, "rock");
        }
        TrackSplit a = TrackSplit.stratified(tracks, 0.2, 0.2, 1);
        TrackSplit b = TrackSplit.stratified(tracks, 0.2, 0.2, 1);
        TrackSplit c = TrackSplit.stratified(tracks, 0.2, 0.2, 2);
        assertEquals(a.tracks(SplitPart.TEST), b.tracks(SplitPart.TEST));
        assertNotEquals(a.tracks(SplitPart.TEST), c.tracks(SplitPart.TEST));
    }

    @Test
    void aGenresSplitDoesNotDependOnTheOtherGenres() {
        Map<String, String> two = new HashMap<>();
        for (int t = 0; t < 40; t++) {
            two.put("rock." + t, "rock");
            two.put("jazz." + t, "jazz");
        }
        Map<String, String> rockOnly = new HashMap<>(two);
        rockOnly.values().removeIf("jazz"::equals);
        List<String> rockTestOfTwo = TrackSplit.stratified(two, 0.15, 0.15, 9).tracks(SplitPart.TEST).stream()
                .filter(t -> t.startsWith("rock")).toList();
        assertEquals(rockTestOfTwo, TrackSplit.stratified(rockOnly, 0.15, 0.15, 9).tracks(SplitPart.TEST));
    }

    @Test
    void officialSplitIsTakenFromTheFiles() {
        List<LabelledFile> files = List.of(
                new LabelledFile(Path.of("1.mp3"), "fma.1", "Rock", List.of("Rock"), "training", null),
                new LabelledFile(Path.of("2.mp3"), "fma.2", "Rock", List.of("Rock"), "validation", null),
                new LabelledFile(Path.of("3.mp3"), "fma.3", "Rock", List.of("Rock"), "test", null));
        TrackSplit split = TrackSplit.official(files);
        assertEquals(SplitPart.TRAIN, split.partOf("fma.1"));
        assertEquals(SplitPart.VALIDATION, split.partOf("fma.2"));
        assertEquals(SplitPart.TEST, split.partOf("fma.3"));
        assertThrows(IllegalArgumentException.class, () -> TrackSplit.official(
                List.of(LabelledFile.of(Path.of("x.wav"), "x", "Rock"))));
    }

    @Test
    void badFractionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TrackSplit.stratified(Map.of("t", "g"), 0.5, 0.5, 1));
        assertThrows(IllegalArgumentException.class, () -> TrackSplit.stratified(Map.of("t", "g"), -0.1, 0.2, 1));
    }

    /** 2-6 genres of 3-30 tracks, each track 1-4 files (excerpts of one song in several folders). */
    private static List<LabelledFile> randomDataset(Random random) {
        List<LabelledFile> files = new ArrayList<>();
        int genres = 2 + random.nextInt(5);
        for (int g = 0; g < genres; g++) {
            int tracks = 3 + random.nextInt(28);
            for (int t = 0; t < tracks; t++) {
                int copies = 1 + random.nextInt(4);
                for (int c = 0; c < copies; c++) {
                    String track = "g" + g + "." + t;
                    files.add(LabelledFile.of(Path.of("f" + c, track + ".wav"), track, "g" + g));
                }
            }
        }
        return files;
    }
}
