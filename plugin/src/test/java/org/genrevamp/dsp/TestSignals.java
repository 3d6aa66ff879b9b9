package org.genrevamp.dsp;

import org.genrevamp.audio.AudioFiles;
import org.genrevamp.audio.DecodedAudio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

/** Signals for the DSP tests and benchmark: seeded noise, sines, 16-bit PCM wav files read with Java Sound. */
public final class TestSignals {
    private TestSignals() {
    }

    /** Gaussian noise with standard deviation {@code sigma}, from a fixed seed. */
    public static float[] noise(int n, double sigma, long seed) {
        Random random = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (sigma * random.nextGaussian());
        }
        return x;
    }

    /** {@code (float) (amp * sin(2 pi f i / sr))}: the operation order of make_reference.py. */
    public static float[] sine(double freq, double amp, int n, double sampleRate) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (amp * Math.sin(2 * Math.PI * freq * i / sampleRate));
        }
        return x;
    }

    /** Mono 16-bit PCM wav as samples / 32768 (the soundfile convention), and its rate. */
    public record Wav(float[] samples, double sampleRate) {
    }

    /** A wav file through the project's own reader (16-bit samples come out as value / 32768). */
    public static Wav readPcm16Mono(Path file) throws IOException {
        DecodedAudio audio = AudioFiles.read(file);
        return new Wav(audio.mono(), audio.sampleRate());
    }
}
