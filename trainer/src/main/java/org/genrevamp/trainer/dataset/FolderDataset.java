package org.genrevamp.trainer.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Scans a folder-per-genre dataset (GTZAN layout): every audio file's genre is the name of the
 * folder that holds it, at any depth, so {@code gtzan-excerpts/{full,long,short}/<genre>/} scans
 * as one dataset.
 *
 * <p>Track ids: a GTZAN name {@code <genre>.<NNNNN>.<ext>} gives the track {@code <genre>.<NNNNN>},
 * so excerpts of one song in different folders share it; any other file is its own track.
 */
public final class FolderDataset {
    /** Extensions {@code AudioFiles.read} decodes. */
    public static final Set<String> AUDIO_EXTENSIONS = Set.of("wav", "au", "snd", "aif", "aiff", "mp3");

    private static final Pattern GTZAN_NAME = Pattern.compile("^([A-Za-z0-9_-]+)\\.(\\d{5})\\.[^.]+$");

    private FolderDataset() {
    }

    /**
     * Scans {@code root}.
     *
     * @param root   the dataset folder
     * @param genres genres to keep (folder names); empty keeps all
     * @throws IOException when {@code root} is not a readable directory
     */
    public static Dataset scan(Path root, Set<String> genres) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("not a directory: " + root);
        }
        List<Path> candidates;
        try (Stream<Path> walk = Files.walk(root)) {
            candidates = walk.filter(Files::isRegularFile).filter(FolderDataset::isAudio)
                    .sorted(Comparator.comparing(Path::toString)).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<LabelledFile> files = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        for (Path file : candidates) {
            Path parent = file.getParent();
            if (parent.equals(root)) {
                skipped.add(new SkippedFile(file.toString(), "not inside a genre folder"));
                continue;
            }
            String genre = parent.getFileName().toString();
            if (!genres.isEmpty() && !genres.contains(genre)) {
                continue;
            }
            if (Files.size(file) == 0) {
                skipped.add(new SkippedFile(file.toString(), "empty file"));
                continue;
            }
            files.add(LabelledFile.of(file, trackId(genre, file), genre));
        }
        return new Dataset(files, skipped);
    }

    /** {@code <genre>.<NNNNN>} for GTZAN names, else {@code <genre>/<file name without extension>}. */
    public static String trackId(String genre, Path file) {
        String name = file.getFileName().toString();
        Matcher m = GTZAN_NAME.matcher(name);
        if (m.matches()) {
            return m.group(1) + "." + m.group(2);
        }
        int dot = name.lastIndexOf('.');
        return genre + "/" + (dot > 0 ? name.substring(0, dot) : name);
    }

    public static boolean isAudio(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return !name.startsWith(".") && dot > 0
                && AUDIO_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
