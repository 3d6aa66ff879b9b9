package org.genrevamp.dsp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.Random;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Signals for the DSP tests: seeded noise, sines, and 16-bit PCM wav files read with Java Sound. */
final class TestSignals {
    private TestSignals() {
    }

    /** Gaussian noise with standard deviation {@code sigma}, from a fixed seed. */
    static float[] noise(int n, double sigma, long seed) {
        Random random = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (sigma * random.nextGaussian());
        }
        return x;
    }

    /** {@code (float) (amp * sin(2 pi f i / sr))}: the operation order of make_reference.py. */
    static float[] sine(double freq, double amp, int n, double sampleRate) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (amp * Math.sin(2 * Math.PI * freq * i / sampleRate));
        }
        return x;
    }

    /** Mono 16-bit PCM wav as samples / 32768 (the soundfile convention), and its rate. */
    record Wav(float[] samples, double sampleRate) {
    }

    static Wav readPcm16Mono(Path file) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat f = in.getFormat();
            if (f.getEncoding() != AudioFormat.Encoding.PCM_SIGNED || f.getSampleSizeInBits() != 16
                    || f.getChannels() != 1) {
                throw new IOException(file + ": expected mono 16-bit signed PCM, got " + f);
            }
            ShortBuffer pcm = ByteBuffer.wrap(readAll(in))
                    .order(f.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN).asShortBuffer();
            float[] x = new float[pcm.remaining()];
            for (int i = 0; i < x.length; i++) {
                x[i] = pcm.get(i) / 32768f;
            }
            return new Wav(x, f.getSampleRate());
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
