package org.genrevamp.vamp.host;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * A 16-bit PCM file (wav, au) read with Java Sound into floats as libsndfile reads it (sample / 32768),
 * so the test's reference and vamp-simple-host see the very same samples.
 *
 * @param channels   {@code [channel][frame]}, unit full scale
 * @param sampleRate in Hz
 */
record PcmFile(float[][] channels, float sampleRate) {

    static PcmFile read(Path file) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat f = in.getFormat();
            if (f.getEncoding() != AudioFormat.Encoding.PCM_SIGNED || f.getSampleSizeInBits() != 16) {
                throw new IOException(file + ": expected 16-bit signed PCM, got " + f);
            }
            ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes())
                    .order(f.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            int n = bytes.remaining() / (2 * f.getChannels());
            float[][] channels = new float[f.getChannels()][n];
            for (int i = 0; i < n; i++) {
                for (float[] channel : channels) {
                    channel[i] = bytes.getShort() / 32768f;
                }
            }
            return new PcmFile(channels, f.getSampleRate());
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
