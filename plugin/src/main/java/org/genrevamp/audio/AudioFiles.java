package org.genrevamp.audio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a whole audio file into float samples at the file's own rate (no resampling).
 * WAV, AU and AIFF go through Java Sound ({@link JavaSoundReader}); MP3 through jlayer ({@link Mp3Reader}).
 */
public final class AudioFiles {
    private AudioFiles() {
    }

    /**
     * Decodes {@code file}, chosen by its extension ({@code .wav .wave .au .snd .aif .aiff .aifc .mp3},
     * any case).
     *
     * @return all channels, integer PCM scaled to [-1, 1), float PCM as stored
     * @throws AudioReadException naming the file and the reason: missing, a directory, empty,
     *         unsupported extension or encoding, corrupt or unreadable data
     */
    public static DecodedAudio read(Path file) throws AudioReadException {
        if (file == null) {
            throw new NullPointerException("file");
        }
        if (Files.isDirectory(file)) {
            throw new AudioReadException(file, "is a directory, not an audio file");
        }
        if (!Files.isRegularFile(file)) {
            throw new AudioReadException(file, "no such file");
        }
        if (!Files.isReadable(file)) {
            throw new AudioReadException(file, "not readable (permissions)");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (java.io.IOException e) {
            throw new AudioReadException(file, "cannot stat: " + e, e);
        }
        if (size == 0) {   // outside the try: AudioReadException is an IOException
            throw new AudioReadException(file, "file is empty");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return switch (extension) {
            case "mp3" -> Mp3Reader.read(file);
            case "wav", "wave", "au", "snd", "aif", "aiff", "aifc" -> JavaSoundReader.read(file);
            default -> throw new AudioReadException(file,
                    "unsupported file type (expected .wav, .au, .aiff or .mp3)");
        };
    }
}
