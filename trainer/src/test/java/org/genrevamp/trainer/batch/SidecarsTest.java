package org.genrevamp.trainer.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SidecarsTest {

    @TempDir
    Path dir;

    private static TrackResult track(List<TrackResult.Score> tags) {
        return new TrackResult("/music/a/song.mp3", 60.0, "rock", 9, "rock 0.61 | pop 0.20 | metal 0.10",
                List.of(new TrackResult.Score("rock", 0.61), new TrackResult.Score("pop", 0.20), new TrackResult.Score("metal", 0.10)),
                List.of(new TrackResult.Segment(0, 21.5, 7, "pop", 0.55), new TrackResult.Segment(21.5, 60, 9, "rock", 0.7)),
                tags, "default", "abc123", null, 1.0);
    }

    @Test
    void mirrorsTheAudioPathWithTheFormatsExtension() {
        assertEquals(dir.resolve("music/a/song.lab"), Sidecars.path(dir, "/music/a/song.mp3", Sidecars.Format.LAB));
        assertEquals(dir.resolve("music/a/song.jams"), Sidecars.path(dir, "/music/a/song.mp3", Sidecars.Format.JAMS));
    }

    @Test
    void labHoldsOneLinePerSegment() throws Exception {
        Sidecars.write(dir, track(null), Sidecars.Format.LAB);
        assertEquals(List.of("0.000000\t21.500000\tpop", "21.500000\t60.000000\trock"),
                Files.readAllLines(dir.resolve("music/a/song.lab")));
    }

    @Test
    void jamsHoldsSegmentsTrackAndTagsAsTagOpenAnnotations() throws Exception {
        Sidecars.write(dir, track(List.of(new TrackResult.Score("guitar", 0.4), new TrackResult.Score("80s", 0.1))),
                Sidecars.Format.JAMS);
        JsonNode doc = new ObjectMapper().readTree(dir.resolve("music/a/song.jams").toFile());
        assertEquals(60.0, doc.at("/file_metadata/duration").asDouble());
        assertEquals(Sidecars.JAMS_VERSION, doc.at("/file_metadata/jams_version").asText());
        JsonNode annotations = doc.get("annotations");
        assertEquals(3, annotations.size());
        for (JsonNode a : annotations) {
            assertEquals("tag_open", a.get("namespace").asText());
            assertEquals("abc123", a.at("/annotation_metadata/version").asText());
        }
        JsonNode segments = annotations.get(0);
        assertEquals("segments", segments.at("/sandbox/genre_vamp_output").asText());
        assertEquals(2, segments.get("data").size());
        assertEquals(21.5, segments.at("/data/1/time").asDouble());
        assertEquals(38.5, segments.at("/data/1/duration").asDouble(), 1e-12);
        assertEquals("rock", segments.at("/data/1/value").asText());
        assertEquals(0.7, segments.at("/data/1/confidence").asDouble());
        JsonNode whole = annotations.get(1);
        assertEquals("track", whole.at("/sandbox/genre_vamp_output").asText());
        assertEquals("rock", whole.at("/data/0/value").asText());
        assertEquals(0.61, whole.at("/data/0/confidence").asDouble());
        assertEquals(60.0, whole.at("/data/0/duration").asDouble());
        assertEquals("guitar", annotations.get(2).at("/data/0/value").asText());
        assertFalse(Files.list(dir.resolve("music/a")).anyMatch(p -> p.toString().endsWith(".tmp")), "no temporary file left");
    }

    @Test
    void jamsWithoutTagsHasTwoAnnotations() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(Sidecars.jams(track(null)));
        assertEquals(2, doc.get("annotations").size());
        assertTrue(doc.has("sandbox"));
    }
}
