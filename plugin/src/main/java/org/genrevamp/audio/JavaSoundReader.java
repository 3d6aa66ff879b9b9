package org.genrevamp.audio;

import java.io.IOException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioFormat.Encoding;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Reads WAV, AU and AIFF through Java Sound (part of the JDK, so nothing to ship) and converts the
 * sample bytes to floats itself: Java Sound's own float converter is internal API. Handles signed and
 * unsigned integer PCM of 8, 16, 24 and 32 bits in either byte order, 32- and 64-bit float, any
 * channel count and rate; mu-law and A-law are expanded to 16-bit first by Java Sound's codec.
 *
 * <p>Truncated data (the header promises more frames than the file holds) is common in the wild and
 * the frames that are there are good, so they are returned with a warning on stderr; a file whose
 * header promises frames but holds none throws.
 */
final class JavaSoundReader {
    private JavaSoundReader() {
    }

    static DecodedAudio read(Path file) throws AudioReadException {
        try (AudioInputStream raw = open(file); AudioInputStream in = decodable(file, raw)) {
            AudioFormat format = in.getFormat();
            int channels = format.getChannels();
            float rate = format.getSampleRate();
            if (channels < 1 || !(rate > 0) || Float.isInfinite(rate)) {
                throw new AudioReadException(file, "bad format in header: " + format);
            }
            int bytesPerSample = (format.getSampleSizeInBits() + 7) / 8;
            if (bytesPerSample < 1 || format.getFrameSize() != channels * bytesPerSample) {
                throw new AudioReadException(file, "unsupported sample layout: " + format);
            }
            long promised = raw.getFrameLength();
            byte[] bytes = in.readAllBytes();
            int frames = bytes.length / format.getFrameSize();
            if (promised != AudioSystem.NOT_SPECIFIED && frames < promised) {
                if (frames == 0) {
                    throw new AudioReadException(file, "truncated: header promises " + promised
                            + " frames but the file holds no audio data");
                }
                System.err.println("genre-vamp: JavaSoundReader.read: " + file + ": truncated: header promises "
                        + promised + " frames, only " + frames + " present; using those");
            }
            return new DecodedAudio(toFloats(bytes, frames, format), rate);
        } catch (IOException | RuntimeException e) {
            if (e instanceof AudioReadException are) {
                throw are;
            }
            throw new AudioReadException(file, "cannot read audio data: " + e, e);
        }
    }

    private static AudioInputStream open(Path file) throws AudioReadException {
        try {
            return AudioSystem.getAudioInputStream(file.toFile());
        } catch (UnsupportedAudioFileException e) {
            throw new AudioReadException(file, "not a WAV/AU/AIFF file Java Sound can read (" + e.getMessage() + ")", e);
        } catch (IOException | RuntimeException e) {
            throw new AudioReadException(file, "cannot open: " + e, e);
        }
    }

    /** Integer and float PCM as is; anything else (mu-law, A-law) through Java Sound's codec to 16-bit PCM. */
    private static AudioInputStream decodable(Path file, AudioInputStream raw) throws AudioReadException {
        Encoding encoding = raw.getFormat().getEncoding();
        if (encoding.equals(Encoding.PCM_SIGNED) || encoding.equals(Encoding.PCM_UNSIGNED)
                || encoding.equals(Encoding.PCM_FLOAT)) {
            return raw;
        }
        AudioFormat source = raw.getFormat();
        AudioFormat target = new AudioFormat(source.getSampleRate(), 16, source.getChannels(), true, false);
        if (!AudioSystem.isConversionSupported(target, source)) {
            throw new AudioReadException(file, "unsupported sample encoding " + encoding);
        }
        return AudioSystem.getAudioInputStream(target, raw);
    }

    /**
     * Interleaved sample bytes to [channel][frame] floats. Integers of n bytes are scaled by 2^-(8n-1)
     * (so 24-bit samples map to [-1, 1) whatever the declared valid bits); floats are copied as stored.
     */
    static float[][] toFloats(byte[] bytes, int frames, AudioFormat format) {
        int channels = format.getChannels();
        int width = format.getFrameSize() / channels;
        boolean bigEndian = width > 1 && format.isBigEndian();
        Encoding encoding = format.getEncoding();
        boolean isFloat = encoding.equals(Encoding.PCM_FLOAT);
        if (isFloat && width != 4 && width != 8) {
            throw new IllegalArgumentException("float samples must be 32 or 64 bits: " + format);
        }
        if (!isFloat && width > 4) {
            throw new IllegalArgumentException("integer samples wider than 32 bits: " + format);
        }
        boolean unsigned = encoding.equals(Encoding.PCM_UNSIGNED);
        double scale = Math.scalb(1.0, -(8 * width - 1));
        float[][] out = new float[channels][frames];
        int pos = 0;
        for (int frame = 0; frame < frames; frame++) {
            for (int ch = 0; ch < channels; ch++, pos += width) {
                long bits = 0;
                for (int b = 0; b < width; b++) {
                    int index = bigEndian ? pos + b : pos + width - 1 - b;
                    bits = (bits << 8) | (bytes[index] & 0xFF);
                }
                if (isFloat) {
                    out[ch][frame] = width == 4 ? Float.intBitsToFloat((int) bits)
                            : (float) Double.longBitsToDouble(bits);
                } else {
                    long value = unsigned ? bits - (1L << (8 * width - 1))
                            : (bits << (64 - 8 * width)) >> (64 - 8 * width); // sign-extend
                    out[ch][frame] = (float) (value * scale);
                }
            }
        }
        return out;
    }
}
