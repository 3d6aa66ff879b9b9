package org.genrevamp.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.genrevamp.testing.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares the engine with vectors from an independent numpy implementation of librosa's conventions
 * ({@code src/test/resources/org/genrevamp/dsp/reference/make_reference.py} and {@code melref.py}).
 */
class MelReferenceTest {
    /** Filterbank weights: |java - numpy| <= this times the filter's peak weight (float32 storage is 6e-8). */
    static final double FILTERBANK_RELATIVE_TOLERANCE = 1e-5;
    /** Log-mel values agree within this many dB ... */
    static final double LOG_MEL_TOLERANCE_DB = 0.05;
    /** ... on the bins where the reference is above this level (below it, float rounding of tiny powers dominates). */
    static final double LOG_MEL_COMPARED_ABOVE_DB = -80.0;

    private static final JsonNode MANIFEST = ReferenceVectors.manifest();

    static Stream<Arguments> filterbanks() {
        List<Arguments> cases = new ArrayList<>();
        MANIFEST.get("filterbanks").forEach(e -> cases.add(Arguments.of(e.get("name").asText(), e)));
        return cases.stream();
    }

    static Stream<Arguments> logMels() {
        List<Arguments> cases = new ArrayList<>();
        MANIFEST.get("logmels").forEach(e -> cases.add(Arguments.of(e.get("name").asText(), e)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filterbanks")
    void filterbankMatchesNumpy(String name, JsonNode entry) {
        MelConfig config = MelConfig.defaults().withFrames(entry.get("fftSize").asInt(), MelConfig.DEFAULT_HOP_SIZE)
                .withMelBands(entry.get("melBands").asInt(), entry.get("fMin").asDouble(), entry.get("fMax").asDouble(),
                        MelConfig.MelScale.valueOf(entry.get("melScale").asText()),
                        MelConfig.MelNorm.valueOf(entry.get("melNorm").asText()));
        MelFilterbank bank = MelFilterbank.create(config, entry.get("sampleRate").asDouble(), config.fftSize());
        int[] shape = ReferenceVectors.shape(entry);
        float[] expected = ReferenceVectors.floats(entry);
        double[][] actual = bank.dense();
        assertEquals(shape[0], actual.length, "bands");
        assertEquals(shape[1], actual[0].length, "bins");
        for (int b = 0; b < shape[0]; b++) {
            double peak = 0;
            for (int k = 0; k < shape[1]; k++) {
                peak = Math.max(peak, expected[b * shape[1] + k]);
            }
            assertTrue(peak > 0, name + ": reference band " + b + " is empty");
            for (int k = 0; k < shape[1]; k++) {
                double diff = Math.abs(actual[b][k] - expected[b * shape[1] + k]);
                if (diff > FILTERBANK_RELATIVE_TOLERANCE * peak) {
                    fail(name + ": band " + b + " bin " + k + ": java " + actual[b][k] + " numpy "
                            + expected[b * shape[1] + k]);
                }
            }
            double centre = entry.get("centresHz").get(b).asDouble();
            assertEquals(centre, bank.centresHz()[b], 1e-9 * centre + 1e-9, name + ": centre of band " + b);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logMels")
    void logMelMatchesNumpy(String name, JsonNode entry) throws IOException {
        MelConfig config = ReferenceVectors.config(entry.get("config"));
        double rate = entry.get("sampleRate").asDouble();
        float[] input = input(entry.get("input"), rate);
        float[][] actual = LogMelSpectrogram.compute(input, rate, config);
        int[] shape = ReferenceVectors.shape(entry);
        float[] expected = ReferenceVectors.floats(entry);
        assertEquals(shape[0], actual.length, name + ": frames");
        assertEquals(MelStream.frameCount(input.length, config, rate), actual.length, name + ": frameCount");
        int compared = 0;
        for (int t = 0; t < shape[0]; t++) {
            assertEquals(shape[1], actual[t].length, name + ": bands");
            for (int b = 0; b < shape[1]; b++) {
                float ref = expected[t * shape[1] + b];
                if (ref > LOG_MEL_COMPARED_ABOVE_DB) {
                    compared++;
                    if (Math.abs(actual[t][b] - ref) > LOG_MEL_TOLERANCE_DB) {
                        fail(name + ": frame " + t + " band " + b + ": java " + actual[t][b] + " dB, numpy " + ref + " dB");
                    }
                }
            }
        }
        assertTrue(compared > 0, name + ": no bin above " + LOG_MEL_COMPARED_ABOVE_DB + " dB to compare");
    }

    private static float[] input(JsonNode source, double rate) throws IOException {
        if (source.has("file")) {
            return ReferenceVectors.floats(source);
        }
        if (source.has("sine")) {
            JsonNode s = source.get("sine");
            return TestSignals.sine(s.get("freq").asDouble(), s.get("amp").asDouble(), s.get("n").asInt(), rate);
        }
        TestSignals.Wav wav = TestSignals.readPcm16Mono(SharedData.require(source.get("sharedData").asText()));
        assertEquals(rate, wav.sampleRate(), 0.0, "clip rate");
        return wav.samples();
    }
}
