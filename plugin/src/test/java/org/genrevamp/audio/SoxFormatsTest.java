package org.genrevamp.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Files written by sox (an independent encoder) from known float samples: each must decode to the
 * input quantised to its bit depth, and to exactly what sox itself decodes. Skipped without sox.
 */
class SoxFormatsTest {
    private static final int FRAMES = 4000;
    private static final long SEED = 11L;
    /** sox writes n-bit integers (dither off) within one step of the input: 2^-(n-1) (1/32768 at 16 bits). */
    private static double integerTolerance(int bits) {
        return Math.scalb(1.0, -(bits - 1));
    }
    /** sox carries samples as 32-bit integers inside, so even its float files are off by a few float ulps. */
    private static final double SOX_FLOAT_ROUNDTRIP = 1e-7;
    /**
     * Our decode vs sox's decode of the same file, up to 24 bits: both scale n-bit integers by 2^-(n-1),
     * exactly. Wider samples go through sox's int32 and come out of it rounded ({@link #SOX_FLOAT_ROUNDTRIP}).
     */
    private static final float AGREEMENT_WITH_SOX = 0f;

    @TempDir
    Path dir;

    /** Interleaved seeded test signal in (-0.9, 0.9): a sine per channel plus noise. */
    private static float[] signal(int channels) {
        Random random = new Random(SEED);
        float[] x = new float[FRAMES * channels];
        for (int i = 0; i < x.length; i++) {
            int frame = i / channels;
            int ch = i % channels;
            x[i] = (float) (0.6 * Math.sin(2 * Math.PI * (220 + 110 * ch) * frame / 8000.0)
                    + 0.3 * (random.nextDouble() * 2 - 1));
        }
        return x;
    }

    private Path writeRaw(float[] interleaved) throws Exception {
        ByteBuffer bytes = ByteBuffer.allocate(interleaved.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(interleaved);
        return Files.write(dir.resolve("source.f32"), bytes.array());
    }

    @ParameterizedTest(name = "{0}: {1} {2}-bit, {3} ch, {4} Hz")
    @CsvSource({
        "wav,  unsigned-integer, 8,  1, 11025",
        "wav,  signed-integer,   16, 2, 44100",
        "wav,  signed-integer,   24, 2, 48000",
        "wav,  signed-integer,   32, 1, 44100",
        "wav,  floating-point,   32, 2, 48000",
        "wav,  floating-point,   64, 1, 11025",
        "aiff, signed-integer,   16, 1, 11025",
        "aiff, signed-integer,   24, 2, 44100",
        "au,   signed-integer,   16, 2, 22050",
        "au,   floating-point,   32, 1, 8000",
    })
    void decodesToTheQuantisedInput(String type, String encoding, int bits, int channels, int rate) throws Exception {
        float[] source = signal(channels);
        Path raw = writeRaw(source);
        Path file = dir.resolve("coded." + type);
        Sox.run("-D", "-t", "f32", "-r", Integer.toString(rate), "-c", Integer.toString(channels), raw.toString(),
                "-e", encoding, "-b", Integer.toString(bits), file.toString());

        DecodedAudio audio = AudioFiles.read(file);

        assertEquals(rate, audio.sampleRate());
        assertEquals(channels, audio.channels().length);
        assertEquals(FRAMES, audio.frames());
        double tolerance = encoding.equals("floating-point") ? SOX_FLOAT_ROUNDTRIP : integerTolerance(bits);
        float[] bySox = Sox.decodeInterleaved(file.toString());
        for (int ch = 0; ch < channels; ch++) {
            float[] ours = audio.channels()[ch];
            assertArrayEquals(channel(source, channels, ch), ours, (float) tolerance, "vs input, channel " + ch);
            assertArrayEquals(channel(bySox, channels, ch), ours, bits > 24 ? (float) SOX_FLOAT_ROUNDTRIP : AGREEMENT_WITH_SOX,
                    "vs sox, channel " + ch);
        }
    }

    /** mu-law is decoded by Java Sound's codec to 16 bits: it must agree with sox's decode. */
    @Test
    void muLawAuAgreesWithSox() throws Exception {
        Path file = dir.resolve("mulaw.au");
        Sox.run("-D", "-t", "f32", "-r", "8000", "-c", "1", writeRaw(signal(1)).toString(), "-e", "u-law",
                file.toString());

        DecodedAudio audio = AudioFiles.read(file);

        assertEquals(8000f, audio.sampleRate());
        assertArrayEquals(Sox.decodeInterleaved(file.toString()), audio.channels()[0], AGREEMENT_WITH_SOX);
    }

    /**
     * A mono MPEG-2 layer III file (22050 Hz) from sox/LAME, which writes no Xing/LAME tag: nothing is
     * trimmed, so the 1 s source comes out as whole 576-sample frames (the documented overshoot), and the
     * 440 Hz tone is there (counted by upward zero crossings in the middle second-half).
     */
    @Test
    void untaggedMonoMpeg2Mp3() throws Exception {
        Path file = dir.resolve("tone.mp3");
        Sox.run("-n", "-r", "22050", "-c", "1", file.toString(), "synth", "1.0", "sine", "440");

        DecodedAudio audio = AudioFiles.read(file);

        assertEquals(22050f, audio.sampleRate());
        assertEquals(1, audio.channels().length);
        assertEquals(0, audio.frames() % 576, "whole MPEG-2 layer III frames");
        assertTrue(audio.seconds() >= 1.0 && audio.seconds() < 1.1, "overshoot under 0.1 s: " + audio.seconds());
        float[] x = audio.channels()[0];
        int crossings = 0;
        for (int i = 11025 - 5512; i < 11025 + 5512; i++) { // half a second around the middle
            if (x[i - 1] < 0 && x[i] >= 0) {
                crossings++;
            }
        }
        assertEquals(220, crossings, 2, "440 Hz over 0.5 s");
    }

    private static float[] channel(float[] interleaved, int channels, int ch) {
        float[] out = new float[interleaved.length / channels];
        for (int i = 0; i < out.length; i++) {
            out[i] = interleaved[i * channels + ch];
        }
        return out;
    }
}
