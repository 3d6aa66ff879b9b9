package org.genrevamp.trainer.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.genrevamp.trainer.dataset.SkippedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Matching annotation files to audio by stem, the folder-per-label fallback, and refusing overlaps.
 * Scanning never decodes audio, so the audio files here are a few placeholder bytes.
 */
class AnnotatedDatasetTest {
    @TempDir
    Path root;

    private Path file(String path, String text) throws Exception {
        Path f = root.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    @Test
    void annotationsByStemFolderLabelsAndGaps() throws Exception {
        Path song = file("songs/medley.mp3", "audio");
        file("songs/medley.lab", "0 10 waltz\n30 40 tango\n");           // 10-30 s: an unlabelled gap, not used
        file("songs/medley_vamp_qm-vamp-plugins_qm-segmenter_segmentation.csv", "10.0,5.0,1,\"waltz\"\n");
        Path other = file("more/jive-song.wav", "audio");
        file("labels/jive-song.txt", "1.0\t2.5\tjive\n");               // stem found elsewhere under the root
        Path whole = file("samba/track1.mp3", "audio");                  // folder per label: the whole file
        file("songs/unannotated.mp3", "audio");                          // beside annotation files: not labelled "songs"
        file("loose.wav", "audio");                                      // at the root, no annotation
        file("orphan.lab", "0 1 x\n");

        AnnotatedDataset d = AnnotatedDataset.scan(root, Set.of());
        List<Region> r = d.regions();
        assertEquals(5, r.size(), r.toString());
        assertEquals(new Region(other, "more/jive-song", 1.0, 2.5, "jive"), r.get(0));
        assertEquals(Region.whole(whole, "samba/track1", "samba"), r.get(1));
        assertEquals(new Region(song, "songs/medley", 0, 10, "waltz"), r.get(2));
        assertEquals(new Region(song, "songs/medley", 10, 15, "waltz"), r.get(3));  // from the sonic-annotator csv
        assertEquals(new Region(song, "songs/medley", 30, 40, "tango"), r.get(4));
        assertEquals(List.of("jive", "samba", "tango", "waltz"), d.labels());
        assertEquals(Map.of("more/jive-song", "jive", "samba/track1", "samba", "songs/medley", "waltz"), d.songLabels());
        List<String> skipped = d.skipped().stream().map(SkippedFile::file).sorted().toList();
        assertEquals(List.of("loose.wav", "orphan.lab", "songs/unannotated.mp3"), skipped);

        assertEquals(List.of("tango"), AnnotatedDataset.scan(root, Set.of("tango")).labels());
    }

    @Test
    void overlapsAcrossFilesAreRefusedNamingBothLines() throws Exception {
        file("a/song.wav", "audio");
        file("a/song.lab", "0 10 waltz\n10 20 tango\n");
        file("a/song.csv", "19.5,1,5.0,tango\n");
        AnnotationException e = assertThrows(AnnotationException.class, () -> AnnotatedDataset.scan(root, Set.of()));
        assertEquals("song.csv line 1 (19.500 s): region 'tango' overlaps region 'tango' (song.lab line 2,"
                + " 10.000-20.000 s)", e.getMessage());
    }

    @Test
    void regionsSharingAnEdgeWithinAMillisecondAreNotOverlaps() throws Exception {
        file("a/song.wav", "audio");
        file("a/song.lab", "0 10.0004 waltz\n10 20 tango\n");
        assertEquals(2, AnnotatedDataset.scan(root, Set.of()).regions().size());
    }

    @Test
    void ambiguousStemIsRefused() throws Exception {
        file("x/song.wav", "audio");
        file("y/song.mp3", "audio");
        file("notes/song.lab", "0 1 a\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AnnotatedDataset.scan(root, Set.of()));
        assertTrue(e.getMessage().startsWith("song.lab: stem 'song' matches several audio files"), e.getMessage());
    }

    @Test
    void regionFramesAreCutAtTheHop() {
        float[][] frames = new float[100][1];
        for (int i = 0; i < frames.length; i++) {
            frames[i][0] = i;
        }
        Region r = new Region(root, "t", 0.496, 0.992, "x");      // hop 0.016 s: frames 31 to 62
        float[][] cut = r.frames(frames, 0.016);
        assertEquals(31, cut.length);
        assertEquals(31f, cut[0][0]);
        assertEquals(100, Region.whole(root, "t", "x").frames(frames, 0.016).length);
        assertEquals(0, new Region(root, "t", 5, 6, "x").frames(frames, 0.016).length, "past the end of the file");
    }
}
