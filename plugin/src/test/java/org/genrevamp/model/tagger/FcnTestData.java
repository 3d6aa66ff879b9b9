package org.genrevamp.model.tagger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Test-only reader of the dumps written by {@code fcn/make_fcn_musicnn_reference.py}: {@code STEM.f32}
 * (raw little-endian float32) indexed by {@code STEM.json} ({@code {"tensors": [{name, shape, offset}]}},
 * offset in bytes), both test resources in {@code org/genrevamp/model/tagger/fcn/}.
 */
final class FcnTestData {

    private static final String DIR = "fcn/";
    private static final Map<String, Map<String, Tensor>> CACHE = new LinkedHashMap<>();

    private FcnTestData() {
    }

    /** msd/fcn weights. */
    static Map<String, Tensor> fcnWeights() {
        return read("fcn-msd-weights");
    }

    /** jamendo/musicnn weights. */
    static Map<String, Tensor> musicnnWeights() {
        return read("musicnn-jamendo-weights");
    }

    /** PyTorch inputs and outputs: {@code fcn.input}, {@code fcn.embedding}, {@code fcn.tags}, {@code musicnn.*}. */
    static Map<String, Tensor> reference() {
        return read("reference");
    }

    /** Rows of a rank-3 tensor as {@code [n][frames][bands]}. */
    static float[][][] windows(Tensor t) {
        int n = t.size(0);
        int rows = t.size(1);
        int cols = t.size(2);
        float[][][] out = new float[n][rows][cols];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(t.data(), (i * rows + r) * cols, out[i][r], 0, cols);
            }
        }
        return out;
    }

    /** Row {@code i} of a rank-2 tensor. */
    static float[] row(Tensor t, int i) {
        int cols = t.size(1);
        float[] out = new float[cols];
        System.arraycopy(t.data(), i * cols, out, 0, cols);
        return out;
    }

    static synchronized Map<String, Tensor> read(String stem) {
        return CACHE.computeIfAbsent(stem, FcnTestData::load);
    }

    private static Map<String, Tensor> load(String stem) {
        try (InputStream index = resource(stem + ".json"); InputStream raw = resource(stem + ".f32")) {
            JsonNode tensors = new ObjectMapper().readTree(index).get("tensors");
            ByteBuffer bytes = ByteBuffer.wrap(raw.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (JsonNode e : tensors) {
                int[] shape = new int[e.get("shape").size()];
                int n = 1;
                for (int d = 0; d < shape.length; d++) {
                    shape[d] = e.get("shape").get(d).asInt();
                    n *= shape[d];
                }
                float[] data = new float[n];
                bytes.position(e.get("offset").asInt());
                bytes.asFloatBuffer().get(data);
                out.put(e.get("name").asText(), new Tensor(shape, data));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = FcnTestData.class.getResourceAsStream(DIR + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + DIR + name
                    + " (run make_fcn_musicnn_reference.py)");
        }
        return in;
    }

    /** |a − b| ≤ tol·max(1, max|ref|) for every element; returns the largest |a − b| / max(1, max|ref|). */
    static double relativeError(float[] actual, float[] ref) {
        double scale = 1;
        for (float v : ref) {
            scale = Math.max(scale, Math.abs(v));
        }
        double worst = 0;
        for (int i = 0; i < ref.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - ref[i]) / scale);
        }
        return worst;
    }
}
