package org.genrevamp.trainer.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.genrevamp.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderDatasetTest {
    @TempDir
    Path tmp;

    @Test
    void genreIsTheFolderAndGtzanNamesShareTracksAcrossFolders() throws IOException {
        Files.createDirectories(tmp.resolve("long/rock"));
        Files.createDirectories(tmp.resolve("short/rock"));
        Files.createDirectories(tmp.resolve("short/jazz"));
        Files.write(tmp.resolve("long/rock/rock.00003.wav"), new byte[] {1});
        Files.write(tmp.resolve("short/rock/rock.00003.wav"), new byte[] {1});
        Files.write(tmp.resolve("short/jazz/my song.mp3"), new byte[] {1});
        Files.write(tmp.resolve("short/jazz/notes.txt"), new byte[] {1});
        Files.write(tmp.resolve("short/jazz/empty.au"), new byte[0]);
        Files.write(tmp.resolve("loose.wav"), new byte[] {1});

        Dataset d = FolderDataset.scan(tmp, Set.of());
        assertEquals(3, d.files().size());
        assertEquals(List.of("jazz", "rock"), d.genres());
        Map<String, Long> filesPerTrack = d.files().stream()
                .collect(Collectors.groupingBy(LabelledFile::trackId, Collectors.counting()));
        assertEquals(Map.of("rock.00003", 2L, "jazz/my song", 1L), filesPerTrack);
        assertEquals(Set.of("empty file", "not inside a genre folder"),
                d.skipped().stream().map(SkippedFile::reason).collect(Collectors.toSet()));

        assertEquals(List.of("jazz"), FolderDataset.scan(tmp, Set.of("jazz")).genres());
        assertThrows(IOException.class, () -> FolderDataset.scan(tmp.resolve("absent"), Set.of()));
    }

    @Test
    void sharedGtzanExcerptsScanAsTenGenresOfFortyTracks() throws IOException {
        Path gtzan = SharedData.require().resolve("gtzan-excerpts");
        Dataset d = FolderDataset.scan(gtzan, Set.of());
        assertEquals(10, d.genres().size());
        Map<String, Long> tracksPerGenre = TrackSplit.tracksOf(d.files()).values().stream()
                .collect(Collectors.groupingBy(g -> g, Collectors.counting()));
        // README: long 00000-00009, short 00001-00039, full 00000 -> tracks 00000-00039
        tracksPerGenre.values().forEach(n -> assertEquals(40L, n));
        assertTrue(d.files().stream().anyMatch(f -> f.file().toString().endsWith("full/blues/blues.00000.au")
                && f.trackId().equals("blues.00000")));
    }
}
