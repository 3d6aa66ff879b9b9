package org.genrevamp.trainer.dataset;

import org.genrevamp.trainer.TrainerRun;
import org.genrevamp.trainer.scratch.SpectrogramCache;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FmaDatasetTest {
    @TempDir
    Path tmp;

    @Test
    void parsesThreeRowHeaderGenresSplitAndSkipsBadTracks() throws Exception {
        FmaFixture.write(tmp, false);
        Dataset d = FmaDataset.load(tmp.resolve("fma_metadata"), tmp.resolve("fma_small"), null, Set.of());
        Map<String, LabelledFile> byTrack = d.files().stream()
                .collect(Collectors.toMap(LabelledFile::trackId, f -> f));
        // 48 is corrupt but present and non-empty: scanning keeps it, decoding will skip it
        assertEquals(Set.of("fma.2", "fma.5", "fma.10", "fma.46", "fma.48"), byTrack.keySet());
        assertEquals("Hip-Hop", byTrack.get("fma.5").genre());
        assertEquals("test", byTrack.get("fma.5").officialSplit());
        assertEquals("validation", byTrack.get("fma.10").officialSplit());
        // the artist column (the fixture has artist.name only; the real file's artist.id is preferred)
        assertEquals("AWOL", byTrack.get("fma.2").artist());
        assertEquals("AWOL", byTrack.get("fma.5").artist());
        assertEquals("Kurt Vile", byTrack.get("fma.10").artist());
        assertEquals(List.of("Rock", "Punk"), byTrack.get("fma.46").genres());
        assertEquals(tmp.resolve("fma_small/000/000046.mp3"), byTrack.get("fma.46").file());
        Map<String, String> skipped = d.skipped().stream()
                .collect(Collectors.toMap(s -> Path.of(s.file()).getFileName().toString(), SkippedFile::reason));
        assertEquals(Set.of("000020.mp3", "000026.mp3", "000030.mp3"), skipped.keySet());
        assertTrue(skipped.get("000020.mp3").contains("no top-level genre"));
        assertEquals("missing file", skipped.get("000026.mp3"));
        assertEquals("empty file", skipped.get("000030.mp3"));
    }

    @Test
    void prepareDecodesTheFixtureMp3sAndListsEverySkippedFile() throws Exception {
        FmaFixture.write(tmp, true);
        Path cacheDir = tmp.resolve("cache");
        TrainerRun prepared = TrainerRun.of("prepare", "--fma-metadata",
                tmp.resolve("fma_metadata").toString(), "--fma-audio", tmp.resolve("fma_small").toString(),
                "--cache", cacheDir.toString(), "--mels", "32");
        assertEquals(0, prepared.status(), prepared.stderr());
        // one warning per skipped file (three while scanning, one while decoding), then their count
        List<String> warnings = prepared.warnings();
        assertEquals(5, warnings.size(), prepared.stderr());
        for (String bad : List.of("000020.mp3: track 20 has no top-level genre", "000026.mp3: missing file",
                "000030.mp3: empty file", "000048.mp3: no MPEG audio frames found")) {
            assertTrue(warnings.stream().anyMatch(w -> w.contains(bad)), bad + " in " + prepared.stderr());
        }
        assertTrue(warnings.get(4).startsWith("genre-trainer: warning: 4 file(s) skipped"), prepared.stderr());
        SpectrogramCache cache = SpectrogramCache.open(cacheDir);
        Map<String, SpectrogramCache.Entry> byTrack = cache.entries().stream()
                .collect(Collectors.toMap(SpectrogramCache.Entry::trackId, e -> e));
        assertEquals(Set.of("fma.2", "fma.5", "fma.10", "fma.46"), byTrack.keySet());
        assertEquals(List.of("Rock", "Punk"), byTrack.get("fma.46").genres());
        assertEquals("test", byTrack.get("fma.5").officialSplit());
        // 2.5 s at hop 512 / 22.05 kHz, centred: 1 + floor(55125 / 512) = 108 frames (mp3 padding may add a few)
        assertTrue(byTrack.get("fma.2").frames() >= 108 && byTrack.get("fma.2").frames() < 115,
                "frames " + byTrack.get("fma.2").frames());
        Set<String> skipped = cache.header().skipped().stream()
                .map(s -> Path.of(s.file()).getFileName().toString()).collect(Collectors.toSet());
        assertEquals(Set.of("000020.mp3", "000026.mp3", "000030.mp3", "000048.mp3"), skipped);
    }

    @Test
    void subsetAndGenreFiltersApply() throws Exception {
        FmaFixture.write(tmp, false);
        Path meta = tmp.resolve("fma_metadata");
        Path audio = tmp.resolve("fma_small");
        assertEquals(Set.of("Rock"), Set.copyOf(FmaDataset.load(meta, audio, "small", Set.of("Rock")).genres()));
        assertTrue(FmaDataset.load(meta, audio, "medium", Set.of()).files().isEmpty());
    }

    @Test
    void audioPathUsesSixDigitsAndThreeDigitFolder() {
        assertEquals(Path.of("a/012/012345.mp3"), FmaDataset.audioPath(Path.of("a"), "12345"));
        assertEquals(Path.of("a/000/000002.mp3"), FmaDataset.audioPath(Path.of("a"), "2"));
    }

    @Test
    void aCsvWithoutTheThreeRowHeaderIsRefusedWithAMessage() throws IOException {
        Path meta = Files.createDirectories(tmp.resolve("m"));
        Files.writeString(meta.resolve("genres.csv"), FmaFixture.GENRES_CSV);
        Files.writeString(meta.resolve("tracks.csv"), "track_id,genre_top\n2,Rock\n");
        IOException e = assertThrows(IOException.class, () -> FmaDataset.load(meta, tmp, null, Set.of()));
        assertTrue(e.getMessage().contains("tracks.csv"), e.getMessage());
    }
}
