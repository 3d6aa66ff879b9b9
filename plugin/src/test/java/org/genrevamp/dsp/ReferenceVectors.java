package org.genrevamp.dsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/** Reads the vectors written by {@code reference/make_reference.py} (manifest.json + raw float32 LE). */
final class ReferenceVectors {
    private static final String DIR = "reference/";

    private ReferenceVectors() {
    }

    static JsonNode manifest() {
        try (InputStream in = stream("manifest.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The float32 file named in {@code entry.file}, as a flat array (row-major, {@code entry.shape}). */
    static float[] floats(JsonNode entry) {
        try (InputStream in = stream(entry.get("file").asText())) {
            FloatBuffer fb = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            float[] x = new float[fb.remaining()];
            fb.get(x);
            return x;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private static InputStream stream(String name) throws IOException {
        InputStream in = ReferenceVectors.class.getResourceAsStream(DIR + name);
        if (in == null) {
            throw new IOException("reference vector missing from the test classpath: " + DIR + name);
        }
        return in;
    }
}
