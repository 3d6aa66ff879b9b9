package org.genrevamp.trainer.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files a batch job annotates: every audio file under a directory (recursively, by extension,
 * sorted), or the lines of a list file (one path per line, relative ones resolved against the list's
 * folder; blank lines and lines starting with {@code #} skipped; kept as listed even when the file is
 * missing, so it is reported in the errors table).
 */
public final class InputFiles {

    /** Extensions {@link org.genrevamp.audio.AudioFiles} decodes. */
    static final Set<String> AUDIO = Set.of("wav", "wave", "au", "snd", "aif", "aiff", "aifc", "mp3");

    private InputFiles() {
    }

    /** @throws IllegalArgumentException when {@code input} is neither a directory nor a readable file */
    public static List<String> list(Path input) {
        try {
            if (Files.isDirectory(input)) {
                try (Stream<Path> paths = Files.walk(input)) {
                    return paths.filter(Files::isRegularFile).filter(InputFiles::isAudio)
                            .map(p -> p.toAbsolutePath().normalize().toString()).sorted().toList();
                }
            }
            if (Files.isRegularFile(input)) {
                Path base = input.toAbsolutePath().getParent();
                try (Stream<String> lines = Files.lines(input)) {
                    return lines.map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                            .map(l -> base.resolve(l).normalize().toString()).distinct().toList();
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read --input " + input + ": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("--input " + input + " is neither a directory nor a list file");
    }

    private static boolean isAudio(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return AUDIO.contains(name.substring(name.lastIndexOf('.') + 1));
    }
}
