package org.genrevamp.hosts;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Header;

/**
 * The sample rate hosts analyse a file at (neither SV nor vamp-simple-host resamples the main file),
 * read from its header only: Java Sound for wav/au/aiff, the first mp3 frame header (jlayer) for mp3.
 */
public final class AudioFileRate {
    private AudioFileRate() {
    }

    /** @throws IOException when the header cannot be read or the format is unknown */
    public static double of(Path audio) throws IOException {
        if (audio.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".mp3")) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(audio))) {
                Bitstream bitstream = new Bitstream(in);
                Header header = bitstream.readFrame();
                if (header == null) {
                    throw new IOException(audio + ": no mp3 frame");
                }
                return header.frequency();
            } catch (BitstreamException e) {
                throw new IOException(audio + ": unreadable mp3 header: " + e.getMessage(), e);
            }
        }
        try {
            return AudioSystem.getAudioFileFormat(audio.toFile()).getFormat().getSampleRate();
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(audio + ": not an audio format Java Sound reads: " + e.getMessage(), e);
        }
    }
}
