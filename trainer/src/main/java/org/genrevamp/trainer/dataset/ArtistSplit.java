package org.genrevamp.trainer.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A split that keeps every artist on one side: artists (not tracks) are shuffled with the seed and
 * dealt to test, then validation, until each holds its share of the tracks; the rest train. Use it
 * wherever artists are known: a track split lets a network learn artists instead of genres.
 */
public final class ArtistSplit {

    private ArtistSplit() {
    }

    /**
     * Reads an artist file: one {@code track<TAB>artist} line per track, where track is a track id
     * ({@code genre.NNNNN} for GTZAN names) or a file name without extension; {@code #} starts a comment.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed line
     */
    public static Map<String, String> readArtists(Path file) throws IOException {
        Map<String, String> artists = new HashMap<>();
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            String entry = line.replaceFirst("#.*", "").strip();
            if (entry.isEmpty()) {
                continue;
            }
            String[] f = entry.split("\t");
            if (f.length != 2 || f[0].isBlank() || f[1].isBlank()) {
                throw new IllegalArgumentException(file + ":" + number + ": expected 'track<TAB>artist', got '" + line + "'");
            }
            artists.put(f[0].strip(), f[1].strip());
        }
        return artists;
    }

    /**
     * Songs grouped by artist, artists and each one's songs in sorted order (what seeded shuffles start from).
     *
     * @throws IllegalArgumentException naming a song without an artist
     */
    public static Map<String, List<String>> byArtist(Set<String> songs, Map<String, String> artists) {
        Map<String, List<String>> byArtist = new TreeMap<>();
        for (String song : new TreeSet<>(songs)) {
            String artist = artists.get(song);
            if (artist == null) {
                throw new IllegalArgumentException("no artist for song " + song + " (splits and folds by artist need"
                        + " one for every song)");
            }
            byArtist.computeIfAbsent(artist, a -> new ArrayList<>()).add(song);
        }
        return byArtist;
    }

    /**
     * @param tracks  track id to genre, one entry per track
     * @param artists track id to artist; every track must have one
     * @throws IllegalArgumentException naming a track without an artist, or bad fractions
     */
    public static Map<String, SplitPart> split(Map<String, String> tracks, Map<String, String> artists,
                                               double validationFraction, double testFraction, long seed) {
        if (validationFraction < 0 || testFraction < 0 || validationFraction + testFraction >= 1) {
            throw new IllegalArgumentException("ArtistSplit: need 0 <= validation, test and validation + test < 1");
        }
        Map<String, List<String>> byArtist = byArtist(tracks.keySet(), artists);
        List<String> order = new ArrayList<>(byArtist.keySet());
        Collections.shuffle(order, new Random(seed));
        Map<String, SplitPart> parts = new LinkedHashMap<>();
        int total = tracks.size();
        int test = 0;
        int validation = 0;
        for (String artist : order) {
            List<String> its = byArtist.get(artist);
            SplitPart part = test < testFraction * total ? SplitPart.TEST
                    : validation < validationFraction * total ? SplitPart.VALIDATION : SplitPart.TRAIN;
            if (part == SplitPart.TEST) {
                test += its.size();
            } else if (part == SplitPart.VALIDATION) {
                validation += its.size();
            }
            its.forEach(t -> parts.put(t, part));
        }
        return parts;
    }
}
