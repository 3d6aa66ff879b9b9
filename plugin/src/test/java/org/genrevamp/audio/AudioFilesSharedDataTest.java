package org.genrevamp.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.genrevamp.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real files of ../shared/data (skipped where it is absent). */
class AudioFilesSharedDataTest {
    /** The lengths given for the songs are sox's header estimates (bitrate x size), good to 0.1 s. */
    private static final double ESTIMATED_LENGTH_TOLERANCE_S = 0.1;
    /** jlayer and libmad (in sox) are different decoders with 16-bit output: they agree to a few LSB. */
    private static final float MP3_DECODER_AGREEMENT = 5e-4f;
    /** GTZAN "30 s" clips run 30.000 to 30.122 s (soxi -D). */
    private static final double GTZAN_LENGTH_TOLERANCE_S = 0.15;
    /** sox and we both scale 16-bit PCM by 1/32768: identical floats. */
    private static final float PCM16_AGREEMENT = 0f;

    /**
     * Gapless sample counts from libsndfile/mpg123 ({@code mp3_reference_lengths.py} in the test
     * resources beside this package) must match exactly; the lengths in seconds are those the task gave.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "classical.mp3, 44100, 2, 3449154, 78.30",
        "country.mp3,   44100, 2, 4082159, 92.61",
        "disco.mp3,     44100, 2, 4278575, 97.08",
        "hiphop.mp3,    44100, 2, 2820719, 64.00",
        "jazz.mp3,      44100, 2, 3735407, 84.72",
        "metal.mp3,     48000, 2, 3740591, 77.98",
        "pop.mp3,       44100, 2, 3757295, 85.24",
        "reggae.mp3,    44100, 2, 3450287, 78.26",
    })
    void songsDecodeToTheirGaplessLength(String name, int rate, int channels, int frames, double seconds)
            throws IOException {
        DecodedAudio audio = AudioFiles.read(SharedData.require("songs/" + name));

        assertEquals(rate, audio.sampleRate());
        assertEquals(channels, audio.channels().length);
        assertEquals(frames, audio.frames(), "gapless length as libsndfile/mpg123 decodes it");
        assertEquals(seconds, audio.seconds(), ESTIMATED_LENGTH_TOLERANCE_S);
    }

    /**
     * The trim is placed right, not just sized right: sox (libmad) decodes the LAME Info frame as 1152
     * samples of silence and trims nothing, so our sample k is its sample k + 1152 + 576 (encoder delay
     * in this file's LAME tag) + 529 (decoder delay). A misplaced trim of even one sample fails here.
     */
    @Test
    void classicalMp3LinesUpWithSox() throws Exception {
        Path file = SharedData.require("songs/classical.mp3");
        int from = 100_000;
        int count = 400;
        int lag = 1152 + 576 + 529;
        // decoded from the start: sox seeks in mp3s inexactly (a trim that starts late outputs silence)
        float[] sox = Sox.decodeInterleaved(file.toString(), "trim", "0", (from + lag + count) + "s");

        float[] ours = AudioFiles.read(file).channels()[0];

        float[] soxLeft = new float[count];
        for (int i = 0; i < count; i++) {
            soxLeft[i] = sox[2 * (from + lag + i)];
        }
        assertArrayEquals(soxLeft, Arrays.copyOfRange(ours, from, from + count), MP3_DECODER_AGREEMENT);
    }

    @Test
    void gtzanAuFilesAre30sMono22050() throws IOException {
        for (Path file : gtzanFullClips()) {
            DecodedAudio audio = AudioFiles.read(file);
            assertEquals(22050f, audio.sampleRate(), file.toString());
            assertEquals(1, audio.channels().length, file.toString());
            assertEquals(30.0, audio.seconds(), GTZAN_LENGTH_TOLERANCE_S, file.toString());
        }
    }

    @Test
    void gtzanAuSamplesEqualSox() throws Exception {
        for (Path file : gtzanFullClips()) {
            float[] bySox = Sox.decodeInterleaved(file.toString());
            assertArrayEquals(bySox, AudioFiles.read(file).channels()[0], PCM16_AGREEMENT, file.toString());
        }
    }

    private static List<Path> gtzanFullClips() throws IOException {
        try (Stream<Path> walk = Files.walk(SharedData.require().resolve("gtzan-excerpts/full"))) {
            List<Path> files = walk.filter(p -> p.toString().endsWith(".au")).sorted().toList();
            assertEquals(10, files.size(), "one full clip per genre");
            return files;
        }
    }

    @Test
    void gtzanLongWavSamplesEqualSox() throws Exception {
        Path file = SharedData.require("gtzan-excerpts/long/metal/metal.00003.wav");
        DecodedAudio audio = AudioFiles.read(file);
        assertEquals(22050f, audio.sampleRate());
        assertArrayEquals(Sox.decodeInterleaved(file.toString()), audio.channels()[0], PCM16_AGREEMENT);
    }
}
