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
 * Central, small (~100 KB) and LGPL. Its Java Sound SPI wrapper (mp3spi) is deliberately not used:
 * on the classpath it breaks Java Sound's 24-bit and float WAV reading.
 *
 * <p>Gapless lengths: jlayer outputs every frame whole, so a decode is longer than its source by the
 * encoder delay, the end padding and the decoder's own 529-sample filterbank delay. When the first
 * frame is a Xing/Info tag frame (LAME, ffmpeg), it is skipped and the output is trimmed the way
 * mpg123 (and libsndfile, which uses it) trims it: {@code encoderDelay + 529} samples from the start,
 * {@code max(0, encoderPadding - 529)} from the end. Without such a tag (rare) nothing is trimmed and
 * the result is up to about 0.05 s longer than the source; a VBRI tag frame is skipped but not trimmed.
 *
 * <p>Errors: no two consistent frame headers near the start means "not an MP3"; a stream that breaks
 * off in its last frame keeps what was decoded, with a warning on stderr; anything else throws.
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
        try {
            for (Header header = bitstream.readFrame(); header != null; header = bitstream.readFrame()) {
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
                SampleBuffer buffer = (SampleBuffer) decoder.decodeFrame(header, bitstream);
                if (out == null) {
                    out = new Samples(decoder.getOutputChannels());
                }
                if (buffer.getBufferLength() == 0) {
                    // jlayer outputs nothing for a frame whose bit reservoir reaches into missing data
                    // (first frames of a cut stream); mpg123 outputs silence, which keeps the timing.
                    out.appendSilence(start.samplesPerFrame());
                } else {
                    out.appendInterleaved(buffer.getBuffer(), buffer.getBufferLength());
                }
                bitstream.closeFrame();
            }
        } catch (BitstreamException e) {
            if (out == null || out.frames == 0) {
                throw new AudioReadException(file, "corrupt MPEG stream: " + e.getMessage(), e);
            }
            System.err.println("genre-vamp: Mp3Reader.read: " + file + ": stream breaks off after frame "
                    + frame + " (" + e.getMessage() + "); using the " + out.frames + " samples decoded");
        } catch (DecoderException | RuntimeException e) {
            throw new AudioReadException(file, "cannot decode MPEG frame " + frame + ": " + e, e);
        } finally {
            try {
                bitstream.close();
            } catch (BitstreamException ignored) {
                // closing an in-memory stream cannot fail in a way that matters
            }
        }
        if (out == null) {
            throw new AudioReadException(file, "no audio frames in the MPEG stream");
        }
        return out;
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
