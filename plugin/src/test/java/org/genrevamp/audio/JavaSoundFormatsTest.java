package org.genrevamp.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioFormat.Encoding;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample layout we claim, written by Java Sound's own file writers from known samples and read
 * back through {@link AudioFiles#read}. The sample bytes are laid out here with {@link ByteBuffer}
 * (independently of the reader's byte loop), including the extreme values of each width.
 * Integer PCM must come back exactly as value / 2^(bits-1); float PCM exactly as written.
 */
class JavaSoundFormatsTest {
    /** Integer PCM of n bits scaled by 2^-(n-1) is exact in a float for n <= 24; 32-bit loses low bits. */
    private static final float TOLERANCE_UP_TO_24_BIT = 0f;
    /** 32-bit integers carry more precision than a float's 24-bit mantissa: half an ulp of 1.0. */
    private static final float TOLERANCE_32_BIT = 0x1p-24f;
    private static final int FRAMES = 1000;
    private static final long SEED = 20261121L;

    @TempDir
    Path dir;

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of(AudioFileFormat.Type.WAVE, Encoding.PCM_UNSIGNED, 8, 1, 11025f, false),
                Arguments.of(AudioFileFormat.Type.WAVE, Encoding.PCM_SIGNED, 16, 2, 44100f, false),
                Arguments.of(AudioFileFormat.Type.WAVE, Encoding.PCM_SIGNED, 24, 2, 48000f, false),
                Arguments.of(AudioFileFormat.Type.WAVE, Encoding.PCM_SIGNED, 32, 1, 44100f, false),
                Arguments.of(AudioFileFormat.Type.WAVE, Encoding.PCM_SIGNED, 16, 6, 22050f, false),
                Arguments.of(AudioFileFormat.Type.WAVE, Encoding.PCM_FLOAT, 32, 2, 48000f, false),
                Arguments.of(AudioFileFormat.Type.AIFF, Encoding.PCM_SIGNED, 8, 1, 11025f, true),
                Arguments.of(AudioFileFormat.Type.AIFF, Encoding.PCM_SIGNED, 16, 2, 44100f, true),
                Arguments.of(AudioFileFormat.Type.AIFF, Encoding.PCM_SIGNED, 24, 3, 96000f, true),
                Arguments.of(AudioFileFormat.Type.AU, Encoding.PCM_SIGNED, 16, 1, 22050f, true),
                Arguments.of(AudioFileFormat.Type.AU, Encoding.PCM_SIGNED, 24, 2, 8000f, true));
    }

    @ParameterizedTest(name = "{0} {1} {2}-bit {3} ch {4} Hz")
    @MethodSource("layouts")
    void readsBackKnownSamples(AudioFileFormat.Type type, Encoding encoding, int bits, int channels, float rate,
                               boolean bigEndian) throws Exception {
        AudioFormat format = new AudioFormat(encoding, rate, bits, channels, channels * bits / 8, rate, bigEndian);
        float[][] expected = new float[channels][FRAMES];
        ByteBuffer bytes = ByteBuffer.allocate(FRAMES * format.getFrameSize())
                .order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        Random random = new Random(SEED);
        for (int frame = 0; frame < FRAMES; frame++) {
            for (int ch = 0; ch < channels; ch++) {
                expected[ch][frame] = put(bytes, encoding, bits, frame, random);
            }
        }
        Path file = dir.resolve("known." + type.getExtension());
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(bytes.array()), format, FRAMES), type,
                file.toFile());

        DecodedAudio audio = AudioFiles.read(file);

        assertEquals(rate, audio.sampleRate());
        assertEquals(channels, audio.channels().length);
        float tolerance = bits == 32 && encoding != Encoding.PCM_FLOAT ? TOLERANCE_32_BIT : TOLERANCE_UP_TO_24_BIT;
        for (int ch = 0; ch < channels; ch++) {
            assertArrayEquals(expected[ch], audio.channels()[ch], tolerance, "channel " + ch);
        }
    }

    /**
     * Writes one sample and returns the float it must decode to. Frames 0 and 1 are the most negative
     * and most positive values of the width; the rest are seeded random.
     */
    private static float put(ByteBuffer bytes, Encoding encoding, int bits, int frame, Random random) {
        if (encoding == Encoding.PCM_FLOAT) {
            float value = frame == 0 ? -1f : frame == 1 ? 1f : (float) (random.nextDouble() * 2 - 1);
            bytes.putFloat(value);
            return value;
        }
        long full = 1L << (bits - 1);
        long value = frame == 0 ? -full : frame == 1 ? full - 1 : (long) Math.floor((random.nextDouble() * 2 - 1) * full);
        long stored = encoding == Encoding.PCM_UNSIGNED ? value + full : value;
        switch (bits) {
            case 8 -> bytes.put((byte) stored);
            case 16 -> bytes.putShort((short) stored);
            case 32 -> bytes.putInt((int) stored);
            case 24 -> {
                byte[] three = {(byte) (stored >> 16), (byte) (stored >> 8), (byte) stored};
                for (int i = 0; i < 3; i++) {
                    bytes.put(three[bytes.order() == ByteOrder.BIG_ENDIAN ? i : 2 - i]);
                }
            }
            default -> throw new IllegalArgumentException("bits " + bits);
        }
        return (float) ((double) value / full);
    }
}
