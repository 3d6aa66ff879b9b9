package org.genrevamp.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.genrevamp.testing.SharedData;

/**
 * Reads a folder of reference vectors written by a Python script: {@code manifest.json} plus raw
 * little-endian float32 files (row-major, shape in the manifest), in the test resources beside this package.
 */
final class ReferenceVectors {
    /** {@code reference/make_reference.py}: librosa's conventions, reimplemented in numpy. */
    static final ReferenceVectors LIBROSA = new ReferenceVectors("reference/");
    /** {@code torchaudio/make_torchaudio_reference.py}: the original torchaudio front end of the taggers. */
    static final ReferenceVectors TORCHAUDIO = new ReferenceVectors("torchaudio/");

    private final String dir;

    private ReferenceVectors(String dir) {
        this.dir = dir;
    }

    JsonNode manifest() {
        try (InputStream in = stream("manifest.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The float32 file named in {@code entry.file}, as a flat array (row-major, {@code entry.shape}). */
    float[] floats(JsonNode entry) {
        try (InputStream in = stream(entry.get("file").asText())) {
            FloatBuffer fb = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            float[] x = new float[fb.remaining()];
            fb.get(x);
            return x;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The input signal an {@code input} entry describes: a stored float32 file ({@code file}), a sine the
     * test regenerates ({@code sine}: freq, amp, n) or a 16-bit wav of the shared data ({@code sharedData};
     * the test is skipped without it).
     */
    float[] input(JsonNode source, double rate) throws IOException {
        if (source.has("file")) {
            return floats(source);
        }
        if (source.has("sine")) {
            JsonNode s = source.get("sine");
            return TestSignals.sine(s.get("freq").asDouble(), s.get("amp").asDouble(), s.get("n").asInt(), rate);
        }
        TestSignals.Wav wav = TestSignals.readPcm16Mono(SharedData.require(source.get("sharedData").asText()));
        assertEquals(rate, wav.sampleRate(), 0.0, "clip rate");
        return wav.samples();
    }

    /**
     * Asserts a log-mel spectrogram equals the reference {@code entry} (same frame and band counts) within
     * {@code toleranceDb} on every bin where the reference is above {@code comparedAboveDb}.
     *
     * @return the largest |actual - reference| over the compared bins (at least one bin is compared)
     */
    double assertLogMelClose(String name, float[][] actual, JsonNode entry, double comparedAboveDb,
            double toleranceDb) {
        int[] shape = shape(entry);
        float[] expected = floats(entry);
        assertEquals(shape[0], actual.length, name + ": frames");
        int compared = 0;
        double worst = 0;
        for (int t = 0; t < shape[0]; t++) {
            assertEquals(shape[1], actual[t].length, name + ": bands");
            for (int b = 0; b < shape[1]; b++) {
                float ref = expected[t * shape[1] + b];
                if (ref > comparedAboveDb) {
                    compared++;
                    double diff = Math.abs(actual[t][b] - ref);
                    worst = Math.max(worst, diff);
                    if (diff > toleranceDb) {
                        fail(name + ": frame " + t + " band " + b + ": java " + actual[t][b] + " dB, reference "
                                + ref + " dB");
                    }
                }
            }
        }
        assertTrue(compared > 0, name + ": no bin above " + comparedAboveDb + " dB to compare");
        return worst;
    }

    /**
     * Asserts filterbank weights equal a reference within {@code relativeTolerance} times each band's peak
     * reference weight (so narrow low bands and wide high ones are held to the same relative precision).
     *
     * @param actual   weights as {@code [band][bin]} ({@link MelFilterbank#dense()})
     * @param expected the reference, band-major: {@code expected[band * bins + bin]}
     * @return the largest |actual - reference| / peak over all bands
     */
    static double assertFilterbankClose(String name, double[][] actual, float[] expected, double relativeTolerance) {
        int bins = actual[0].length;
        assertEquals(expected.length, actual.length * bins, name + ": bands x bins");
        double worst = 0;
        for (int b = 0; b < actual.length; b++) {
            double peak = 0;
            for (int k = 0; k < bins; k++) {
                peak = Math.max(peak, expected[b * bins + k]);
            }
            assertTrue(peak > 0, name + ": reference band " + b + " is empty");
            for (int k = 0; k < bins; k++) {
                double relative = Math.abs(actual[b][k] - expected[b * bins + k]) / peak;
                worst = Math.max(worst, relative);
                if (relative > relativeTolerance) {
                    fail(name + ": band " + b + " bin " + k + ": java " + actual[b][k] + " reference "
                            + expected[b * bins + k]);
                }
            }
        }
        return worst;
    }

    static int[] shape(JsonNode entry) {
        JsonNode s = entry.get("shape");
        int[] shape = new int[s.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = s.get(i).asInt();
        }
        return shape;
    }

    /** The MelConfig written by melref.default_config (topDb null = off). */
    static MelConfig config(JsonNode c) {
        JsonNode top = c.get("topDb");
        return new MelConfig(c.get("sampleRate").asDouble(), c.get("fftSize").asInt(), c.get("hopSize").asInt(),
                c.get("melBands").asInt(), c.get("fMin").asDouble(), c.get("fMax").asDouble(),
                MelConfig.Window.HANN_PERIODIC, c.get("centred").asBoolean(),
                MelConfig.PadMode.valueOf(c.get("padMode").asText()), c.get("power").asDouble(),
                MelConfig.MelScale.valueOf(c.get("melScale").asText()),
                MelConfig.MelNorm.valueOf(c.get("melNorm").asText()), c.get("amin").asDouble(),
                top == null || top.isNull() ? Double.POSITIVE_INFINITY : top.asDouble());
    }

    private InputStream stream(String name) throws IOException {
        InputStream in = ReferenceVectors.class.getResourceAsStream(dir + name);
        if (in == null) {
            throw new IOException("reference vector missing from the test classpath: " + dir + name);
        }
        return in;
    }
}
