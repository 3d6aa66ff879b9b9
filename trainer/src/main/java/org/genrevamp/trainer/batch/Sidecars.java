package org.genrevamp.trainer.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Files written per annotated track, in a tree under a root that mirrors the audio's absolute paths
 * ({@code /music/a/song.mp3} -> {@code ROOT/music/a/song.lab}), each written atomically (a temporary file
 * renamed into place):
 * <ul>
 *   <li>{@link Format#LAB}: one {@code start<TAB>end<TAB>genre} line per segment, seconds with six
 *       decimals, as sonic-annotator's lab writer lays them out;</li>
 *   <li>{@link Format#JAMS}: a JAMS 0.3 document: the segments as a {@code tag_open} annotation (value the
 *       genre, confidence its mean probability), the whole-file genre as a second one (confidence its
 *       duration-weighted mean), and with {@code --tags} the tagger's tags as a third (every tag over the
 *       whole file, confidence its mean); each annotation's sandbox names the plugin output it matches.</li>
 * </ul>
 */
final class Sidecars {

    /** A sidecar file format, by its extension. */
    enum Format {
        LAB(".lab"), JAMS(".jams");

        final String extension;

        Format(String extension) {
            this.extension = extension;
        }
    }

    static final String JAMS_VERSION = "0.3.4";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Sidecars() {
    }

    /** Where the {@code format} file of {@code audio} goes under {@code root}. */
    static Path path(Path root, String audio, Format format) {
        Path absolute = Path.of(audio).toAbsolutePath().normalize();
        Path relative = absolute.getRoot() == null ? absolute : absolute.getRoot().relativize(absolute);
        String name = relative.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return root.resolve(relative).resolveSibling((dot > 0 ? name.substring(0, dot) : name) + format.extension);
    }

    /** Writes the {@code format} file of an annotated track under {@code root}. */
    static void write(Path root, TrackResult track, Format format) throws IOException {
        Path file = path(root, track.path(), format);
        Files.createDirectories(file.getParent());
        String text = format == Format.LAB ? lab(track) : jams(track);
        Path tmp = Files.createTempFile(file.getParent(), format.extension, ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String lab(TrackResult track) {
        StringBuilder text = new StringBuilder();
        for (TrackResult.Segment s : track.segments()) {
            text.append(String.format(Locale.ROOT, "%.6f\t%.6f\t%s%n", s.start(), s.end(), s.genre()));
        }
        return text.toString();
    }

    static String jams(TrackResult track) throws IOException {
        double duration = track.duration();
        ObjectNode doc = JSON.createObjectNode();
        ObjectNode meta = doc.putObject("file_metadata");
        meta.put("title", Path.of(track.path()).getFileName().toString());
        meta.put("artist", "");
        meta.put("release", "");
        meta.put("duration", duration);
        meta.putObject("identifiers");
        meta.put("jams_version", JAMS_VERSION);
        ArrayNode annotations = doc.putArray("annotations");
        ArrayNode segments = annotation(annotations, track, "segments");
        for (TrackResult.Segment s : track.segments()) {
            observation(segments, s.start(), s.end() - s.start(), s.genre(), s.probability());
        }
        double topScore = track.top3().isEmpty() ? 0 : track.top3().get(0).score();
        observation(annotation(annotations, track, "track"), 0, duration, track.genre(), topScore);
        if (track.tags() != null) {
            ArrayNode tags = annotation(annotations, track, "tags");
            for (TrackResult.Score t : track.tags()) {
                observation(tags, 0, duration, t.name(), t.score());
            }
        }
        doc.putObject("sandbox");
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n";
    }

    /** Appends a {@code tag_open} annotation spanning the file; returns its data array. */
    private static ArrayNode annotation(ArrayNode annotations, TrackResult track, String output) {
        ObjectNode a = annotations.addObject();
        a.put("namespace", "tag_open");
        ArrayNode data = a.putArray("data");
        ObjectNode meta = a.putObject("annotation_metadata");
        ObjectNode curator = meta.putObject("curator");
        curator.put("name", "");
        curator.put("email", "");
        meta.putObject("annotator");
        meta.put("version", track.modelVersion());
        meta.put("corpus", "");
        meta.put("annotation_tools", "genre-vamp genre-trainer annotate, model " + track.model());
        meta.put("annotation_rules", "the plugin's " + output + " output");
        meta.put("validation", "");
        meta.put("data_source", "automatic");
        a.putObject("sandbox").put("genre_vamp_output", output);
        a.put("time", 0.0);
        a.put("duration", track.duration());
        return data;
    }

    private static void observation(ArrayNode data, double time, double duration, String value, double confidence) {
        ObjectNode o = data.addObject();
        o.put("time", time);
        o.put("duration", duration);
        o.put("value", value);
        o.put("confidence", confidence);
    }
}
