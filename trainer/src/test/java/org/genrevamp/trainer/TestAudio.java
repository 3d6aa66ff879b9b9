package org.genrevamp.trainer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Writes small real audio files for tests (16-bit mono WAV through Java Sound). */
public final class TestAudio {
    private TestAudio() {
    }

    /** A sine of {@code hz} at half scale, {@code seconds} long, at {@code rate}. */
    public static Path sineWav(Path file, double hz, double seconds, float rate) throws IOException {
        int n = (int) Math.round(seconds * rate);
        ByteBuffer pcm = ByteBuffer.allocate(2 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            pcm.putShort((short) Math.round(16383 * Math.sin(2 * Math.PI * hz * i / rate)));
        }
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, n)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }

    /** A file that claims to be audio but holds noise bytes. */
    public static Path corrupt(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] junk = new byte[4096];
        new java.util.Random(3).nextBytes(junk);
        return Files.write(file, junk);
    }
}
