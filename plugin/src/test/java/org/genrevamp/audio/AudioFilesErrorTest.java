package org.genrevamp.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.genrevamp.testing.ExpectedDiagnostics;
import org.genrevamp.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input must end quickly in an {@link AudioReadException} whose message names the file, never in a
 * hang or an unchecked exception. The class timeout turns a hang into a failure.
 */
@Timeout(30)
@ExtendWith(ExpectedDiagnostics.class)
class AudioFilesErrorTest {
    private static final long SEED = 7L;
    /** Noise can fake a few frame headers; it must not add more than this much audio. */
    private static final double DAMAGE_SLACK_S = 0.5;

    @TempDir
    Path dir;

    private static AudioReadException refused(Path file, String reason) {
        AudioReadException e = assertThrows(AudioReadException.class, () -> AudioFiles.read(file));
        assertTrue(e.getMessage().contains(file.toString()), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(reason), "says '" + reason + "': " + e.getMessage());
        return e;
    }

    @Test
    void missingFile() {
        refused(dir.resolve("absent.wav"), "no such file");
    }

    @Test
    void directory() throws IOException {
        refused(Files.createDirectory(dir.resolve("folder.wav")), "directory");
    }

    @ParameterizedTest
    @ValueSource(strings = {"empty.wav", "empty.mp3", "empty.au"})
    void emptyFile(String name) throws IOException {
        refused(Files.createFile(dir.resolve(name)), "empty");
    }

    @Test
    void unknownExtension() throws IOException {
        refused(Files.write(dir.resolve("notes.ogg"), new byte[] {1, 2, 3}), "unsupported file type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"noise.wav", "noise.au", "noise.aiff"})
    void randomBytesForJavaSound(String name) throws IOException {
        refused(Files.write(dir.resolve(name), randomBytes(100_000)), "not a WAV/AU/AIFF file");
    }

    @Test
    void randomBytesNamedMp3() throws IOException {
        refused(Files.write(dir.resolve("noise.mp3"), randomBytes(1_000_000)), "no MPEG audio frames");
    }

    @Test
    void textNamedAu() throws IOException {
        Path file = Files.writeString(dir.resolve("readme.au"), "This is not audio.\n".repeat(50));
        refused(file, "not a WAV/AU/AIFF file");
    }

    @Test
    void textNamedMp3() throws IOException {
        refused(Files.writeString(dir.resolve("readme.mp3"), "This is not audio.\n".repeat(50)), "no MPEG");
    }

    /** Decision: the frames that are present are good, so they are returned (with a stderr warning). */
    @Test
    void truncatedWavReturnsTheFramesPresent() throws Exception {
        Path whole = writeWav16(dir.resolve("whole.wav"), 1000);
        byte[] bytes = Files.readAllBytes(whole);
        int headerBytes = bytes.length - 1000 * 2;
        Path cut = Files.write(dir.resolve("cut.wav"), Arrays.copyOf(bytes, headerBytes + 600 * 2 + 1));

        DecodedAudio audio = AudioFiles.read(cut);

        assertEquals(600, audio.frames(), "whole frames present; the odd byte is dropped");
        assertEquals(AudioFiles.read(whole).channels()[0][599], audio.channels()[0][599]);
    }

    @Test
    void wavHeaderWithoutDataThrows() throws Exception {
        byte[] bytes = Files.readAllBytes(writeWav16(dir.resolve("whole.wav"), 1000));
        Path headerOnly = Files.write(dir.resolve("header-only.wav"), Arrays.copyOf(bytes, bytes.length - 2000));
        refused(headerOnly, "truncated");
    }

    @Test
    void truncatedHeaderThrows() throws Exception {
        byte[] bytes = Files.readAllBytes(writeWav16(dir.resolve("whole.wav"), 1000));
        refused(Files.write(dir.resolve("stub.wav"), Arrays.copyOf(bytes, 20)), "not a WAV/AU/AIFF file");
    }

    /** An mp3 cut mid-frame keeps what decoded, like a download that broke off. */
    @Test
    void truncatedMp3KeepsWhatDecoded() throws Exception {
        byte[] song = Files.readAllBytes(SharedData.require("songs/classical.mp3"));
        Path cut = Files.write(dir.resolve("cut.mp3"), Arrays.copyOf(song, 200_000 + 37));

        DecodedAudio audio = AudioFiles.read(cut);

        // 200 kB of 128 kbit/s is 12.5 s, less the ID3 tag and the 576+529-sample gapless trim.
        assertEquals(12.5, audio.seconds(), 0.1);
        assertEquals(2, audio.channels().length);
    }

    /** Damage inside a real stream: decoded or refused, but always an AudioReadException, never a hang. */
    @Test
    void damagedMp3sDecodeOrThrowCleanly() throws Exception {
        byte[] song = Arrays.copyOf(Files.readAllBytes(SharedData.require("songs/disco.mp3")), 300_000);
        double cleanSeconds = AudioFiles.read(Files.write(dir.resolve("clean.mp3"), song)).seconds();
        Random random = new Random(SEED);
        for (int trial = 0; trial < 12; trial++) {
            byte[] damaged = song.clone();
            for (int hit = 0; hit < 1 + trial; hit++) {
                int at = random.nextInt(damaged.length - 2000);
                byte[] noise = new byte[1 + random.nextInt(2000)];
                random.nextBytes(noise);
                System.arraycopy(noise, 0, damaged, at, noise.length);
            }
            Path file = Files.write(dir.resolve("damaged" + trial + ".mp3"), damaged);
            try {
                DecodedAudio audio = AudioFiles.read(file);
                assertTrue(audio.seconds() <= cleanSeconds + DAMAGE_SLACK_S, "trial " + trial + ": " + audio.seconds()
                        + " s, more than the undamaged " + cleanSeconds + " s");
            } catch (AudioReadException e) {
                assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
            }
        }
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(SEED).nextBytes(bytes);
        return bytes;
    }

    private static Path writeWav16(Path file, int frames) throws IOException {
        byte[] samples = new byte[frames * 2];
        for (int i = 0; i < frames; i++) {
            samples[2 * i] = (byte) i;
            samples[2 * i + 1] = (byte) (i >> 8);
        }
        AudioFormat format = new AudioFormat(8000f, 16, 1, true, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(samples), format, frames),
                AudioFileFormat.Type.WAVE, file.toFile());
        return file;
    }
}
