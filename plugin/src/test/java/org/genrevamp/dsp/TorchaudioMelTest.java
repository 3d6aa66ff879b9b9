package org.genrevamp.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.genrevamp.audio.AudioFiles;
import org.genrevamp.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link MelConfig#torchaudioTagger()} against the original torchaudio front end of the imported taggers
 * ({@code src/test/resources/org/genrevamp/dsp/torchaudio/make_torchaudio_reference.py}): the checkpoint's
 * own filterbank, synthetic 16 kHz signals, and a real 44.1 kHz song that torchaudio resamples to 16 kHz
 * while the engine analyses it at 44.1 kHz with a rate-scaled FFT.
 */
class TorchaudioMelTest {
    /**
     * Filterbank weights: |java - torch| <= this times the band's peak weight. torch builds the filters in
     * float32 (mel points near 2840 mel carry ~2e-4 mel of rounding, ~1e-3 Hz at 8 kHz, against 31-250 Hz
     * slopes); measured 1.1e-5 against the checkpoint, 1.5e-5 against torchaudio 0.13.
     */
    static final double FILTERBANK_RELATIVE_TOLERANCE = 5e-5;
    /**
     * Synthetic 16 kHz signals, same FFT: log-mel values agree within this many dB (the brief's figure).
     * Measured max 2.3e-3 dB (sine at 7.9 kHz; noise 6e-4, impulse 3e-5): torch's float32 STFT rounding.
     */
    static final double SYNTHETIC_TOLERANCE_DB = 0.05;
    /**
     * Bins are compared only where the reference is above its maximum minus this: torch computes the STFT in
     * float32, whose rounding noise lies well over 100 dB below the peak, and the 1e-10 amin clamp (-100 dB)
     * would compare the clamp, not the spectrum; 80 dB (librosa's top_db) keeps what a network sees of real
     * music while staying clear of both.
     */
    static final double COMPARED_RANGE_DB = 80.0;
    /**
     * Song, bands centred below {@link #RESAMPLER_FLAT_BELOW_HZ}: mean |dB| difference over interior frames
     * and bins above the floor. Measured on disco.mp3 (first 20 s, 98049 bins): mean 0.026 dB, p99 0.11 dB,
     * max 3.1 dB. The engine analyses 44.1 kHz directly (FFT 1411, window 31.995 ms, hop 706) where
     * torchaudio resamples to 16 kHz first (FFT 512, window 32 ms, hop 256). The windows cover the same
     * instants to within half a 44.1 kHz sample, so what differs is: the resampler's ripple (under 0.05 dB
     * below 5 kHz), frames where a transient sits at a window edge (the p99 and max), and the decoders:
     * jlayer scales its output by 32700 rather than 32768 (-0.018 dB; RMS of the excerpt 0.17020 ours,
     * 0.17056 sox/libmad), which shows as a bias of about -0.02 dB in every band.
     */
    static final double SONG_MEAN_TOLERANCE_DB = 0.04;
    /** ... and the 99th percentile. */
    static final double SONG_P99_TOLERANCE_DB = 0.2;
    /**
     * torchaudio's default resampler (Hann-windowed sinc, 6 zero crossings, rolloff 0.99) attenuates the top
     * of the 16 kHz band (a sine loses 0.04 dB at 5 kHz, 0.13 dB at 6 kHz, 1.8 dB at 7 kHz, 5.3 dB at
     * 7.8 kHz); the engine does not resample, so bands above this legitimately differ.
     */
    static final double RESAMPLER_FLAT_BELOW_HZ = 5000.0;
    /**
     * All 96 bands: mean |dB| difference, measured 0.14 dB (p99 3.3 dB, max 8.9 dB), dominated by the
     * resampler's roll-off: the engine's bands above 6 kHz are up to 3.8 dB (band mean) louder.
     */
    static final double SONG_ALL_BANDS_MEAN_TOLERANCE_DB = 0.2;
    /** ... and the 99th percentile. */
    static final double SONG_ALL_BANDS_P99_TOLERANCE_DB = 4.0;
    /** Frames this close to either end of the excerpt are not compared (reflect padding, resampler edges). */
    static final int SONG_EDGE_FRAMES = 2;

    private static final MelConfig CONFIG = MelConfig.torchaudioTagger();
    private static final JsonNode MANIFEST = ReferenceVectors.TORCHAUDIO.manifest();

    static Stream<Arguments> filterbanks() {
        return cases("filterbanks");
    }

    static Stream<Arguments> logMels() {
        return cases("logmels");
    }

    private static Stream<Arguments> cases(String key) {
        List<Arguments> cases = new ArrayList<>();
        MANIFEST.get(key).forEach(e -> cases.add(Arguments.of(e.get("name").asText(), e)));
        return cases.stream();
    }

    @Test
    void manifestDescribesTheTaggerConfig() {
        JsonNode c = MANIFEST.get("config");
        assertEquals(c.get("sampleRate").asDouble(), CONFIG.sampleRate());
        assertEquals(c.get("fftSize").asInt(), CONFIG.fftSize());
        assertEquals(c.get("hopSize").asInt(), CONFIG.hopSize());
        assertEquals(c.get("melBands").asInt(), CONFIG.melBands());
        assertEquals(c.get("fMin").asDouble(), CONFIG.fMin());
        assertEquals(c.get("fMax").asDouble(), CONFIG.fMax());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filterbanks")
    void filterbankEqualsTorchaudios(String name, JsonNode entry) {
        int[] shape = ReferenceVectors.shape(entry);
        // torch stores (bins, bands); ours is [band][bin]
        float[] bandMajor = transpose(ReferenceVectors.TORCHAUDIO.floats(entry), shape[0], shape[1]);
        MelFilterbank bank = MelFilterbank.create(CONFIG, CONFIG.sampleRate(), CONFIG.fftSize());
        assertEquals(shape[0], bank.bins(), name + ": bins");
        double worst = ReferenceVectors.assertFilterbankClose(name, bank.dense(), bandMajor,
                FILTERBANK_RELATIVE_TOLERANCE);
        System.err.printf("TorchaudioMelTest %s: max |java - torch| / peak = %.2e%n", name, worst);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logMels")
    void syntheticLogMelEqualsTorchaudios(String name, JsonNode entry) throws IOException {
        float[] input = ReferenceVectors.TORCHAUDIO.input(entry.get("input"), CONFIG.sampleRate());
        float[][] actual = LogMelSpectrogram.compute(input, CONFIG.sampleRate(), CONFIG);
        assertEquals(MelStream.frameCount(input.length, CONFIG, CONFIG.sampleRate()), actual.length, name);
        float floor = max(ReferenceVectors.TORCHAUDIO.floats(entry)) - (float) COMPARED_RANGE_DB;
        double worst = ReferenceVectors.TORCHAUDIO.assertLogMelClose(name, actual, entry, floor,
                SYNTHETIC_TOLERANCE_DB);
        System.err.printf("TorchaudioMelTest %s: max |java - torch| = %.2e dB%n", name, worst);
    }

    /**
     * The engine's rule (no resampling: FFT round(512 * 44100 / 16000) = 1411, hop 706 whole samples, power scaled by
     * (512/1411)^2) against torchaudio's pipeline (resample 44.1 -> 16 kHz, then FFT 512, hop 256) on the
     * first seconds of a real song. The frames are centred on the same instants.
     */
    @Test
    void songAt44kHzMatchesTorchaudioResampledTo16kHz() throws IOException {
        JsonNode entry = MANIFEST.get("song");
        double rate = entry.get("sampleRate").asDouble();
        float[] mono = AudioFiles.read(SharedData.require(entry.get("sharedData").asText())).mono();
        int n = (int) Math.round(rate * entry.get("seconds").asDouble());
        float[][] actual = LogMelSpectrogram.compute(Arrays.copyOf(mono, n), rate, CONFIG);

        int[] shape = ReferenceVectors.shape(entry);
        float[] expected = ReferenceVectors.TORCHAUDIO.floats(entry);
        assertEquals(shape[0], actual.length, "frames, as torchaudio counts them at 16 kHz");
        float floor = max(expected) - (float) COMPARED_RANGE_DB;
        float[] centres = new MelStream(CONFIG, rate).bandCentresHz();
        DbDifferences passband = songDifferences(actual, expected, centres, floor, RESAMPLER_FLAT_BELOW_HZ);
        DbDifferences all = songDifferences(actual, expected, centres, floor, Double.POSITIVE_INFINITY);
        System.err.println("TorchaudioMelTest song, bands below " + RESAMPLER_FLAT_BELOW_HZ + " Hz: " + passband);
        System.err.println("TorchaudioMelTest song, all bands: " + all);
        assertTrue(passband.count() > shape[0] * shape[1] / 2, "enough bins compared: " + passband);
        assertTrue(passband.mean() <= SONG_MEAN_TOLERANCE_DB, passband.toString());
        assertTrue(passband.p99() <= SONG_P99_TOLERANCE_DB, passband.toString());
        assertTrue(all.mean() <= SONG_ALL_BANDS_MEAN_TOLERANCE_DB, all.toString());
        assertTrue(all.p99() <= SONG_ALL_BANDS_P99_TOLERANCE_DB, all.toString());
    }

    // |actual - reference| over interior frames, bands centred below belowHz and bins above floorDb
    private static DbDifferences songDifferences(float[][] actual, float[] expected, float[] centresHz,
            float floorDb, double belowHz) {
        int bands = centresHz.length;
        double[] diffs = new double[expected.length];
        int count = 0;
        for (int t = SONG_EDGE_FRAMES; t < actual.length - SONG_EDGE_FRAMES; t++) {
            for (int b = 0; b < bands; b++) {
                float ref = expected[t * bands + b];
                if (centresHz[b] < belowHz && ref > floorDb) {
                    diffs[count++] = Math.abs(actual[t][b] - ref);
                }
            }
        }
        return DbDifferences.of(diffs, count);
    }

    private static float max(float[] x) {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : x) {
            m = Math.max(m, v);
        }
        return m;
    }

    // row-major rows x cols -> row-major cols x rows
    private static float[] transpose(float[] x, int rows, int cols) {
        float[] t = new float[x.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = x[r * cols + c];
            }
        }
        return t;
    }
}
