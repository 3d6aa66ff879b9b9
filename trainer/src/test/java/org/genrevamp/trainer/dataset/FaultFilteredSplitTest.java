package org.genrevamp.trainer.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultFilteredSplitTest {

    private static Path sharedSplit() {
        Path dir = Path.of(System.getProperty("genrevamp.root", "..")).resolve("../shared/data/pretrained/gtzan-fault-filtered")
                .normalize();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(dir), "shared data absent at " + dir + ": skipped");
        return dir;
    }

    @Test
    void readsThePublishedListsWithTheirSizes() throws IOException {
        Map<String, SplitPart> parts = FaultFilteredSplit.read(sharedSplit());
        // Kereliuk, Sturm & Larsen (2015): 443 / 197 / 290 tracks
        assertEquals(443, parts.values().stream().filter(p -> p == SplitPart.TRAIN).count());
        assertEquals(197, parts.values().stream().filter(p -> p == SplitPart.VALIDATION).count());
        assertEquals(290, parts.values().stream().filter(p -> p == SplitPart.TEST).count());
        assertTrue(parts.containsKey("blues.00012"));
    }

    @Test
    void refusesMalformedAndRepeatedLines(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("train.txt"), "blues/blues.00001.wav\n");
        Files.writeString(dir.resolve("valid.txt"), "blues/blues.00001.wav\n");
        Files.writeString(dir.resolve("test.txt"), "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaultFilteredSplit.read(dir));
        assertTrue(e.getMessage().contains("already in the"), e.getMessage());
        Files.writeString(dir.resolve("valid.txt"), "blues 00002\n");
        e = assertThrows(IllegalArgumentException.class, () -> FaultFilteredSplit.read(dir));
        assertTrue(e.getMessage().contains("valid.txt:1"), e.getMessage());
    }
}
