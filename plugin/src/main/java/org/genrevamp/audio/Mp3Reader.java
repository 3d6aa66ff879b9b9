package org.genrevamp.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.DecoderException;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.SampleBuffer;

/**
 * Decodes MP3 (MPEG-1/2/2.5 layers I-III) with jlayer's {@code Bitstream}/{@code Decoder}.
 *
 * <p>Why jlayer: it is pure Java (nothing native to load inside a Vamp host's process), on Maven
 * Central, small (a 140 KB jar) and LGPL. Its Java Sound SPI wrapper (mp3spi) is deliberately not used:
 * on the classpath it breaks Java Sound's 24-bit and float WAV reading.
 *
 * <p>Gapless lengths: jlayer outputs every frame whole, so a decode is longer than its source by the
 * encoder delay, the end padding and the decoder's own 529-sample filterbank delay. When the first
 * frame is a Xing/Info tag frame (LAME, ffmpeg), it is skipped and the output is trimmed the way
 * mpg123 (and libsndfile, which uses it) trims it: {@code encoderDelay + 529} samples from the start,
 * {@code max(0, encoderPadding - 529)} from the end (ffmpeg's tag may hold zeros: then only the 529).
 * Without such a tag nothing is trimmed and the result is longer than the source by delay + padding +
 * 529 samples (a 1 s sox/LAME file at 22.05 kHz decodes to 1.07 s); a VBRI tag frame is skipped but
 * not trimmed. On the eight shared songs the lengths equal libsndfile's to the sample.
 *
 * <p>Output is jlayer's 16-bit PCM scaled by 1/32768, so peaks beyond full scale are clipped.
 *
 * <p>Errors: no two consistent frame headers near the start means "not an MP3" and throws. Damage
 * later is tolerated the way players tolerate it, with one warning on stderr: a stream that breaks
 * off keeps what decoded, and a frame jlayer cannot decode becomes a frame of silence.
 */
final class Mp3Reader {
    /** Delay of the standard MPEG synthesis filterbank, in samples (528 + 1, as LAME and mpg123 count it). */
    static final int DECODER_DELAY = 529;

    private Mp3Reader() {
    }

    static DecodedAudio read(Path file) throws AudioReadException {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AudioReadException(file, "cannot read: " + e, e);
        }
        MpegFrames.Start start = MpegFrames.find(data);
        if (start == null) {
            throw new AudioReadException(file, "no MPEG audio frames found (not an MP3, or corrupt)");
        }
        Samples out = decode(file, data, start);
        int from = 0;
        int to = out.frames;
        if (start.gapless()) {
            from = Math.min(to, start.encoderDelay() + DECODER_DELAY);
            to = Math.max(from, to - Math.max(0, start.encoderPadding() - DECODER_DELAY));
        }
        if (to == from) {
            throw new AudioReadException(file, "no audio samples decoded");
        }
        float[][] channels = new float[out.channels.length][];
        for (int ch = 0; ch < channels.length; ch++) {
            channels[ch] = Arrays.copyOfRange(out.channels[ch], from, to);
        }
        return new DecodedAudio(channels, start.sampleRate());
    }

    private static Samples decode(Path file, byte[] data, MpegFrames.Start start) throws AudioReadException {
        Bitstream bitstream = new Bitstream(new ByteArrayInputStream(data, start.offset(), data.length - start.offset()));
        Decoder decoder = new Decoder();
        Samples out = null;
        // Every frame consumes at least 4 bytes, so more headers than this means jlayer is not advancing.
        long maxFrames = data.length / 4L + 2;
        long frame = 0;
        long damaged = 0;
        while (true) {
            Header header;
            try {
                header = bitstream.readFrame();
            } catch (BitstreamException | RuntimeException e) {
                if (out == null) {
                    throw new AudioReadException(file, "corrupt MPEG stream: " + e, e);
                }
                warn(file, "stream breaks off after frame " + frame + " (" + e + "); using what decoded");
                break;
            }
            if (header == null) {
                break;
            }
            if (++frame > maxFrames) {
                throw new AudioReadException(file, "decoder made no progress (corrupt stream?)");
            }
            if (frame == 1 && start.tagFrame()) {
                bitstream.closeFrame(); // a Xing/Info/VBRI tag frame: metadata, not audio
                continue;
            }
            if (header.frequency() != start.sampleRate()) {
                throw new AudioReadException(file, "sample rate changes from " + start.sampleRate()
                        + " to " + header.frequency() + " Hz at frame " + frame);
            }
            if (out == null) {
                out = new Samples(header.mode() == Header.SINGLE_CHANNEL ? 1 : 2);
            }
            SampleBuffer buffer = null;
            try {
                buffer = (SampleBuffer) decoder.decodeFrame(header, bitstream);
            } catch (DecoderException | RuntimeException e) {
                damaged++; // jlayer throws on some corrupt frames (index errors in Huffman decoding)
            }
            if (buffer == null || buffer.getBufferLength() == 0) {
                // Silence keeps the timing, as mpg123 does. jlayer also outputs nothing for a frame whose
                // bit reservoir reaches into missing data (the first frames of a cut stream).
                out.appendSilence(start.samplesPerFrame());
            } else {
                out.appendInterleaved(buffer.getBuffer(), buffer.getBufferLength());
            }
            bitstream.closeFrame();
        }
        if (out == null) {
            throw new AudioReadException(file, "no audio frames in the MPEG stream");
        }
        if (damaged > 0) {
            warn(file, damaged + " of " + frame + " frames could not be decoded; replaced by silence");
        }
        return out;
    }

    private static void warn(Path file, String reason) {
        System.err.println("genre-vamp: Mp3Reader.read: " + file + ": " + reason);
    }

    /** Growing [channel][frame] float store for jlayer's interleaved 16-bit output. */
    private static final class Samples {
        final float[][] channels;
        int frames;

        Samples(int channelCount) {
            channels = new float[channelCount][1 << 16];
        }

        void appendInterleaved(short[] interleaved, int length) {
            int count = length / channels.length;
            reserve(count);
            for (int i = 0; i < count; i++) {
                for (int ch = 0; ch < channels.length; ch++) {
                    channels[ch][frames + i] = interleaved[i * channels.length + ch] / 32768f;
                }
            }
            frames += count;
        }

        void appendSilence(int count) {
            reserve(count);
            frames += count; // the store is zero-filled beyond frames
        }

        private void reserve(int count) {
            if (frames + count > channels[0].length) {
                int capacity = Math.max(frames + count, channels[0].length * 2);
                for (int ch = 0; ch < channels.length; ch++) {
                    channels[ch] = Arrays.copyOf(channels[ch], capacity);
                }
            }
        }
    }
}
