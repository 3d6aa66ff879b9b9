package org.genrevamp.trainer.scratch;

import org.genrevamp.trainer.CapturedStderr;
import org.genrevamp.trainer.TestAudio;
import org.genrevamp.trainer.dataset.Dataset;
import org.genrevamp.trainer.dataset.FolderDataset;
import org.genrevamp.trainer.features.FeatureExtractor;
import org.genrevamp.trainer.features.LogMelExtractor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.genrevamp.dsp.MelConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round trip through the memory-mapped cache, atomic publication and invalidation. */
class SpectrogramCacheTest {
    /** 64 bands keep the files small; the rest is the trainer's default config. */
    private static final MelConfig CONFIG = MelConfig.defaults().withTopDb(Double.POSITIVE_INFINITY)
            .withMelBands(64, 0.0, 11025.0, MelConfig.MelScale.SLANEY, MelConfig.MelNorm.SLANEY);

    @TempDir
    Path tmp;
    private Path data;
    private Path cacheDir;

    @BeforeEach
    void writeDataset() throws IOException {
        data = tmp.resolve("data");
        TestAudio.sineWav(data.resolve("rock/rock.00001.wav"), 440, 1.0, 22050);
        TestAudio.sineWav(data.resolve("rock/rock.00002.wav"), 660, 0.5, 22050);
        TestAudio.sineWav(data.resolve("jazz/jazz.00001.wav"), 220, 0.8, 44100);
        TestAudio.corrupt(data.resolve("jazz/jazz.00002.wav"));
        cacheDir = tmp.resolve("cache");
    }

    @Test
    void framesComeBackExactlyAsExtractedAndCorruptFilesAreListed() throws IOException {
        Dataset dataset = FolderDataset.scan(data, Set.of());
        LogMelExtractor extractor = new LogMelExtractor(CONFIG);
        SpectrogramCache cache = build(dataset, extractor, 2);
        assertEquals(3, cache.entries().size());
        assertEquals(1, cache.header().skipped().size());
        assertTrue(cache.header().skipped().get(0).file().endsWith("jazz.00002.wav"));
        long offset = 0;
        for (SpectrogramCache.Entry e : cache.entries()) {
            assertEquals(offset, e.offset());
            offset += e.frames();
            float[][] expected = extractor.extract(Path.of(e.file()));
            float[][] actual = cache.readAll(e);
            assertEquals(expected.length, actual.length);
            for (int f = 0; f < expected.length; f++) {
                assertArrayEquals(expected[f], actual[f], 0f, e.file() + " frame " + f);
            }
        }
        assertEquals(offset, cache.header().totalFrames());
        // a window from the middle of an entry
        SpectrogramCache.Entry first = cache.entries().get(0);
        float[][] window = new float[3][64];
        cache.readFrames(first, 5, 3, window);
        assertArrayEquals(cache.readAll(first)[6], window[1], 0f);
        assertThrows(IndexOutOfBoundsException.class, () -> cache.readFrames(first, first.frames() - 1, 2, window));

        SpectrogramCache reopened = SpectrogramCache.open(cacheDir);
        assertEquals(cache.header(), reopened.header());
        assertEquals(cache.entries(), reopened.entries());
    }

    @Test
    void anInterruptedBuildLeavesNothingALaterRunAccepts() throws IOException {
        Dataset dataset = FolderDataset.scan(data, Set.of());
        String hash = SpectrogramCache.fileListHash(dataset.files());
        AtomicInteger calls = new AtomicInteger();
        LogMelExtractor real = new LogMelExtractor(CONFIG);
        FeatureExtractor dying = file -> {
            if (calls.incrementAndGet() == 2) {
                throw new SimulatedCrash();
            }
            return real.extract(file);
        };
        assertThrows(SimulatedCrash.class, () -> build(dataset, dying, 1));
        assertFalse(Files.exists(cacheDir), "no cache under the final name");
        assertTrue(SpectrogramCache.openIfCurrent(cacheDir, CONFIG, hash).isEmpty());

        // a process killed mid-build leaves its temporary directory: never accepted, removed by the next build
        Path leftover = Files.createDirectories(tmp.resolve("cache.tmp-12345"));
        Files.writeString(leftover.resolve(SpectrogramCache.INDEX), "track,file\n");
        assertTrue(SpectrogramCache.openIfCurrent(cacheDir, CONFIG, hash).isEmpty());
        build(dataset, real, 1);
        assertFalse(Files.exists(leftover));
        assertTrue(SpectrogramCache.openIfCurrent(cacheDir, CONFIG, hash).isPresent());

        // a cache directory with a truncated frame file is refused
        Path frames = cacheDir.resolve(SpectrogramCache.FRAMES);
        byte[] all = Files.readAllBytes(frames);
        Files.write(frames, java.util.Arrays.copyOf(all, all.length - 4));
        assertTrue(SpectrogramCache.openIfCurrent(cacheDir, CONFIG, hash).isEmpty());
    }

    @Test
    void aCacheOfAnotherConfigOrFileListIsNotReused() throws IOException {
        Dataset dataset = FolderDataset.scan(data, Set.of());
        String hash = SpectrogramCache.fileListHash(dataset.files());
        build(dataset, new LogMelExtractor(CONFIG), 1);
        assertTrue(SpectrogramCache.openIfCurrent(cacheDir, CONFIG, hash).isPresent());

        MelConfig otherHop = CONFIG.withFrames(2048, 256);
        assertTrue(SpectrogramCache.openIfCurrent(cacheDir, otherHop, hash).isEmpty());

        TestAudio.sineWav(data.resolve("jazz/jazz.00003.wav"), 330, 0.6, 22050);
        Dataset grown = FolderDataset.scan(data, Set.of());
        String grownHash = SpectrogramCache.fileListHash(grown.files());
        assertTrue(SpectrogramCache.openIfCurrent(cacheDir, CONFIG, grownHash).isEmpty());

        // same names, one file rewritten: the hash follows size and modification time
        Path rock = data.resolve("rock/rock.00001.wav");
        Files.setLastModifiedTime(rock, FileTime.fromMillis(Files.getLastModifiedTime(rock).toMillis() + 5000));
        assertTrue(!SpectrogramCache.fileListHash(grown.files()).equals(grownHash));

        SpectrogramCache rebuilt = build(grown, new LogMelExtractor(CONFIG), 1);
        assertEquals(4, rebuilt.entries().size());
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertEquals(List.of("cache", "data"), siblings.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    /**
     * Builds the cache with its stderr captured: the corrupt jazz.00002.wav must be skipped with one
     * warning naming it and the reason, and one warning counting it.
     */
    private SpectrogramCache build(Dataset dataset, FeatureExtractor extractor, int threads) {
        CapturedStderr<SpectrogramCache> built = CapturedStderr.of(() -> {
            try {
                return SpectrogramCache.build(cacheDir, CONFIG, dataset, extractor, 1, threads);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        List<String> warnings = built.warnings();
        assertEquals(2, warnings.size(), built.text());
        assertTrue(warnings.get(0).startsWith("genre-trainer: warning: skipping ") && warnings.get(0).contains("jazz.00002.wav")
                && warnings.get(0).contains("not a WAV/AU/AIFF file"), built.text());
        assertTrue(warnings.get(1).startsWith("genre-trainer: warning: 1 file(s) skipped"), built.text());
        return built.result();
    }

    /** Stands for the process dying mid-build (an Error is never swallowed as a bad file). */
    private static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash");
        }
    }
}
