package org.genrevamp.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.genrevamp.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same band-limited music analysed at 22.05 kHz and at 44.1 kHz (FFT and hop scaled, power scaled
 * by (2048/4096)^2, no resampling inside the engine) gives the same log-mel spectrogram.
 */
class RateInvarianceTest {
    /** Only bands clearly above the noise floor are compared: quiet bins are dominated by 16-bit quantisation. */
    static final double COMPARED_ABOVE_DB = -60.0;
    /**
     * Only bands wholly inside sox's pass band: its resampling filter rolls off over the last ~5% below the
     * 11.025 kHz Nyquist of the source, so bands near it legitimately differ.
     */
    static final double COMPARED_BELOW_HZ = 9500.0;
    /**
     * Real music (sox-upsampled GTZAN, requantised to 16 bits): mean |difference| over the compared bins.
     * What remains is the resampler's ripple, quantisation noise and the edge frames (see below); measured
     * 0.0034 dB (jazz.00000) and 0.0007 dB (metal.00000).
     */
    static final double MUSIC_MEAN_TOLERANCE_DB = 0.02;
    /** ... and the 99th percentile (measured 0.032 and 0.0015 dB; single edge-frame bins reach 1.5-3.7 dB). */
    static final double MUSIC_P99_TOLERANCE_DB = 0.1;
    /**
     * Synthetic sines (exact at both rates, float32), frames wholly inside the signal: the only difference
     * is aliasing of window leakage, which the Hann window's fast sidelobe decay keeps tiny for bands within
     * 60 dB of the peak (measured max 4e-6 dB: float rounding). Edge frames are excluded: reflect padding puts a kink in
     * the signal whose broadband spectrum aliases differently at each rate (measured up to 13 dB in quiet
     * bands there).
     */
    static final double SYNTHETIC_MAX_TOLERANCE_DB = 0.001;

    @Test
    void bandLimitedSinesGiveTheSameDbAtBothRates() {
        float[] chord = chord(22050, 2.0);
        float[][] low = LogMelSpectrogram.compute(chord, 22050, MelConfig.defaults());
        float[][] high = LogMelSpectrogram.compute(chord(44100, 2.0), 44100, MelConfig.defaults());
        // interior frames: centre k * 512 at least half a frame (1024 samples) from both ends
        int first = 2;
        int last = (chord.length - 1024) / 512;
        DbDifferences s = compare(Arrays.copyOfRange(low, first, last + 1), Arrays.copyOfRange(high, first, last + 1),
                new MelStream(MelConfig.defaults(), 22050).bandCentresHz(), peak(low) + COMPARED_ABOVE_DB);
        System.err.println("RateInvarianceTest synthetic: " + s);
        assertTrue(s.max() <= SYNTHETIC_MAX_TOLERANCE_DB, s.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gtzan-excerpts/long/jazz/jazz.00000.wav", "gtzan-excerpts/long/metal/metal.00000.wav"})
    void soxUpsampledMusicGivesTheSameDb(String clip, @TempDir Path tmp) throws IOException, InterruptedException {
        Path source = SharedData.require(clip);
        Path upsampled = tmp.resolve("upsampled.wav");
        // -D: no dither, so the 44.1 kHz file is deterministic
        Process sox = new ProcessBuilder("sox", "-D", source.toString(), "-r", "44100", upsampled.toString())
                .redirectErrorStream(true).start();
        String soxOutput = new String(sox.getInputStream().readAllBytes());
        assumeTrue(sox.waitFor() == 0, "sox failed or is not installed: " + soxOutput);
        TestSignals.Wav low = TestSignals.readPcm16Mono(source);
        TestSignals.Wav high = TestSignals.readPcm16Mono(upsampled);
        assertEquals(44100, high.sampleRate(), 0);
        float[][] dbLow = LogMelSpectrogram.compute(low.samples(), low.sampleRate(), MelConfig.defaults());
        float[][] dbHigh = LogMelSpectrogram.compute(high.samples(), high.sampleRate(), MelConfig.defaults());
        DbDifferences s = compare(dbLow, dbHigh, new MelStream(MelConfig.defaults(), 22050).bandCentresHz(), COMPARED_ABOVE_DB);
        System.err.println("RateInvarianceTest " + clip + ": " + s);
        assertTrue(s.count() > 1000, "enough bins compared: " + s);
        assertTrue(s.mean() <= MUSIC_MEAN_TOLERANCE_DB, s.toString());
        assertTrue(s.p99() <= MUSIC_P99_TOLERANCE_DB, s.toString());
    }

    private static float[] chord(double rate, double seconds) {
        int n = (int) Math.round(rate * seconds);
        double[] freqs = {110, 440, 1234.5, 3000, 7000};
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            double t = i / rate;
            double v = 0;
            for (int j = 0; j < freqs.length; j++) {
                v += 0.1 / (j + 1) * Math.sin(2 * Math.PI * freqs[j] * t + j);
            }
            x[i] = (float) v;
        }
        return x;
    }

    private static float peak(float[][] db) {
        float max = Float.NEGATIVE_INFINITY;
        for (float[] f : db) {
            for (float v : f) {
                max = Math.max(max, v);
            }
        }
        return max;
    }

    // frames are compared pairwise: frame k is centred on the same instant at both rates
    private static DbDifferences compare(float[][] a, float[][] b, float[] centresHz, double aboveDb) {
        int frames = Math.min(a.length, b.length);
        assertTrue(Math.abs(a.length - b.length) <= 1, "frame counts " + a.length + " vs " + b.length);
        double[] diffs = new double[frames * centresHz.length];
        int count = 0;
        for (int t = 0; t < frames; t++) {
            for (int m = 0; m < centresHz.length; m++) {
                if (centresHz[m] < COMPARED_BELOW_HZ && a[t][m] > aboveDb) {
                    diffs[count++] = Math.abs(a[t][m] - b[t][m]);
                }
            }
        }
        return DbDifferences.of(diffs, count);
    }
}
