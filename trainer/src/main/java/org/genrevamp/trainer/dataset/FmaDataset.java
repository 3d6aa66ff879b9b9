package org.genrevamp.trainer.dataset;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the Free Music Archive dataset: {@code fma_metadata/tracks.csv} and {@code genres.csv},
 * audio at {@code <audio>/NNN/NNNNNN.mp3}.
 *
 * <p>{@code tracks.csv} is a pandas frame with a three-row header: row 1 names the column group
 * ({@code track}, {@code set}, ...), row 2 the column in it ({@code genre_top}, {@code split}, ...),
 * row 3 holds only {@code track_id}, the index column. The label is the top-level genre
 * ({@code track.genre_top}); the hierarchy comes from {@code track.genres_all} (genre ids, mapped to
 * titles with {@code genres.csv}); the official split is {@code set.split}
 * ({@code training}/{@code validation}/{@code test}). Tracks without a top-level genre, and
 * missing or empty audio files, are skipped with the reason.
 */
public final class FmaDataset {
    private FmaDataset() {
    }

    /**
     * @param metadataDir folder holding {@code tracks.csv} and {@code genres.csv}
     * @param audioDir    folder holding {@code NNN/NNNNNN.mp3} ({@code fma_small}, ...)
     * @param subset      keep only tracks of this {@code set.subset} ("small", "medium", ...); null keeps all
     * @param genres      top-level genres to keep; empty keeps all
     * @throws IOException when a CSV file is missing or lacks a needed column
     */
    public static Dataset load(Path metadataDir, Path audioDir, String subset, Set<String> genres) throws IOException {
        Map<String, String> genreTitles = readGenreTitles(metadataDir.resolve("genres.csv"));
        List<LabelledFile> files = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        Path tracksCsv = metadataDir.resolve("tracks.csv");
        try (Reader reader = Files.newBufferedReader(tracksCsv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.parse(reader)) {
            Iterator<CSVRecord> rows = parser.iterator();
            Columns columns = Columns.read(rows, tracksCsv);
            while (rows.hasNext()) {
                CSVRecord row = rows.next();
                String id = row.get(0).trim();
                if (id.isEmpty()) {
                    continue;
                }
                if (subset != null && !subset.equals(columns.get(row, columns.subset))) {
                    continue;
                }
                Path file = audioPath(audioDir, id);
                String top = columns.get(row, columns.genreTop);
                if (top.isEmpty()) {
                    skipped.add(new SkippedFile(file.toString(), "track " + id + " has no top-level genre"));
                    continue;
                }
                if (!genres.isEmpty() && !genres.contains(top)) {
                    continue;
                }
                if (!Files.isRegularFile(file)) {
                    skipped.add(new SkippedFile(file.toString(), "missing file"));
                    continue;
                }
                if (Files.size(file) == 0) {
                    skipped.add(new SkippedFile(file.toString(), "empty file"));
                    continue;
                }
                List<String> hierarchy = hierarchy(top, columns.get(row, columns.genresAll), genreTitles);
                String split = columns.get(row, columns.split);
                String artist = columns.artist < 0 ? "" : columns.get(row, columns.artist);
                files.add(new LabelledFile(file, "fma." + id, top, hierarchy, split.isEmpty() ? null : split,
                        artist.isEmpty() ? null : artist));
            }
        }
        return new Dataset(files, skipped);
    }

    /** {@code <audio>/NNN/NNNNNN.mp3}: the six-digit id, its first three digits as the folder. */
    static Path audioPath(Path audioDir, String id) {
        String six = String.format(Locale.ROOT, "%06d", Integer.parseInt(id));
        return audioDir.resolve(six.substring(0, 3)).resolve(six + ".mp3");
    }

    /** Top-level genre first, then the other genres of {@code genres_all} ("[12, 25]") by title. */
    static List<String> hierarchy(String top, String genresAll, Map<String, String> titles) {
        Set<String> names = new LinkedHashSet<>();
        names.add(top);
        String inner = genresAll.replace("[", "").replace("]", "").trim();
        if (!inner.isEmpty()) {
            for (String id : inner.split(",")) {
                String title = titles.get(id.trim());
                if (title != null) {
                    names.add(title);
                }
            }
        }
        return List.copyOf(names);
    }

    private static Map<String, String> readGenreTitles(Path genresCsv) throws IOException {
        Map<String, String> titles = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(genresCsv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                     .parse(reader)) {
            if (!parser.getHeaderMap().containsKey("genre_id") || !parser.getHeaderMap().containsKey("title")) {
                throw new IOException(genresCsv + ": needs columns genre_id and title, has " + parser.getHeaderNames());
            }
            for (CSVRecord row : parser) {
                titles.put(row.get("genre_id").trim(), row.get("title").trim());
            }
        }
        return titles;
    }

    /** Column indices found in the three header rows. */
    private record Columns(int split, int subset, int genreTop, int genresAll, int artist) {
        static Columns read(Iterator<CSVRecord> rows, Path csv) throws IOException {
            if (!rows.hasNext()) {
                throw new IOException(csv + ": empty file");
            }
            CSVRecord groups = rows.next();
            if (!rows.hasNext()) {
                throw new IOException(csv + ": needs a three-row header (group, column, track_id)");
            }
            CSVRecord names = rows.next();
            if (!rows.hasNext() || !"track_id".equals(rows.next().get(0).trim())) {
                throw new IOException(csv + ": third header row must start with track_id (is this FMA's tracks.csv?)");
            }
            // the artist (for artist-disjoint splits): its id where the file has one (the real tracks.csv), else its name
            int artist = optional(groups, names, "artist", "id");
            return new Columns(find(groups, names, "set", "split", csv), find(groups, names, "set", "subset", csv),
                    find(groups, names, "track", "genre_top", csv), find(groups, names, "track", "genres_all", csv),
                    artist >= 0 ? artist : optional(groups, names, "artist", "name"));
        }

        private static int find(CSVRecord groups, CSVRecord names, String group, String name, Path csv)
                throws IOException {
            int i = optional(groups, names, group, name);
            if (i < 0) {
                throw new IOException(csv + ": no column (" + group + ", " + name + ")");
            }
            return i;
        }

        /** The column's index, or -1. */
        private static int optional(CSVRecord groups, CSVRecord names, String group, String name) {
            for (int i = 0; i < Math.min(groups.size(), names.size()); i++) {
                if (group.equals(groups.get(i).trim()) && name.equals(names.get(i).trim())) {
                    return i;
                }
            }
            return -1;
        }

        String get(CSVRecord row, int column) {
            return column < row.size() ? row.get(column).trim() : "";
        }
    }
}
