package org.genrevamp.trainer.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The folds of repeated stratified cross-validation by song and by artist. */
class CrossValidationTest {

    /** 23 labels with 3 to 8 songs each, as in the ballroom set. */
    private static Map<String, String> songs() {
        Map<String, String> songs = new LinkedHashMap<>();
        for (int l = 0; l < 23; l++) {
            for (int s = 0; s < 3 + l % 6; s++) {
                songs.put("style" + l + "/song" + s, "style" + l);
            }
        }
        return songs;
    }

    @Test
    void everySongInExactlyOneFoldAndEachLabelSpreadEvenly() {
        Map<String, String> songs = songs();
        for (int k : new int[] {3, 5}) {
            List<Set<String>> folds = CrossValidation.folds(songs, k, 42);
            assertEquals(k, folds.size());
            Set<String> seen = new HashSet<>();
            folds.forEach(f -> f.forEach(s -> assertTrue(seen.add(s), s + " in two folds")));
            assertEquals(songs.keySet(), seen);
            for (String label : new HashSet<>(songs.values())) {
                int[] perFold = folds.stream().mapToInt(f -> (int) f.stream().filter(s -> songs.get(s).equals(label)).count())
                        .toArray();
                int min = java.util.Arrays.stream(perFold).min().orElseThrow();
                int max = java.util.Arrays.stream(perFold).max().orElseThrow();
                assertTrue(max - min <= 1, label + " dealt unevenly: " + java.util.Arrays.toString(perFold));
            }
        }
    }

    @Test
    void seededRepeatsDiffer() {
        Map<String, String> songs = songs();
        assertEquals(CrossValidation.folds(songs, 3, 7), CrossValidation.folds(songs, 3, 7));
        assertNotEquals(CrossValidation.folds(songs, 3, 7), CrossValidation.folds(songs, 3, 8));
    }

    @Test
    void artistGroupedFoldsKeepEveryArtistOnOneSideAndStillSpreadLabels() {
        Map<String, String> songs = songs();
        Map<String, String> artists = new LinkedHashMap<>();
        songs.keySet().forEach(s -> artists.put(s, s));              // one song each ...
        for (int s = 0; s < 4; s++) {                               // ... except a six-song artist over four styles
            artists.put("style" + s + "/song0", "prolific");
        }
        artists.put("style0/song1", "prolific");
        artists.put("style1/song1", "prolific");
        artists.put("style5/song0", "duo");                         // and a duo within one style
        artists.put("style5/song1", "duo");
        for (int k : new int[] {3, 5}) {
            for (long seed = 1; seed <= 5; seed++) {
                List<Set<String>> folds = CrossValidation.folds(songs, artists, k, seed);
                Set<String> seen = new HashSet<>();
                folds.forEach(f -> f.forEach(s -> assertTrue(seen.add(s), s + " in two folds")));
                assertEquals(songs.keySet(), seen);
                for (String artist : new HashSet<>(artists.values())) {
                    long holding = folds.stream().filter(f -> f.stream().anyMatch(s -> artists.get(s).equals(artist))).count();
                    assertEquals(1, holding, artist + " split over folds");
                }
                for (String label : new HashSet<>(songs.values())) {
                    int[] perFold = folds.stream().mapToInt(f -> (int) f.stream().filter(s -> songs.get(s).equals(label))
                            .count()).toArray();
                    int spread = java.util.Arrays.stream(perFold).max().orElseThrow()
                            - java.util.Arrays.stream(perFold).min().orElseThrow();
                    boolean grouped = label.equals("style0") || label.equals("style1") || label.equals("style5");
                    assertTrue(spread <= (grouped ? 2 : 1), label + " dealt unevenly: " + java.util.Arrays.toString(perFold));
                }
            }
        }
        assertEquals(CrossValidation.folds(songs, artists, 3, 7), CrossValidation.folds(songs, artists, 3, 7));
        assertNotEquals(CrossValidation.folds(songs, artists, 3, 7), CrossValidation.folds(songs, artists, 3, 8));
    }

    @Test
    void artistGroupedFoldsNeedEverySongsArtist() {
        Map<String, String> songs = songs();
        Map<String, String> artists = new LinkedHashMap<>(songs);
        artists.remove("style3/song2");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CrossValidation.folds(songs, artists, 3, 1));
        assertTrue(e.getMessage().contains("style3/song2"), e.getMessage());
    }

    @Test
    void meanAndSampleStandardDeviation() {
        double[] v = {0.2, 0.4, 0.6};
        assertEquals(0.4, CrossValidation.mean(v), 1e-12);
        assertEquals(0.2, CrossValidation.std(v), 1e-12);   // sqrt((0.04 + 0 + 0.04) / 2)
    }
}
