package org.genrevamp.model.tagger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test-only reader of the tensors the reference scripts dump beside them (weights standing in for a
 * checkpoint, and PyTorch's inputs and outputs): {@code STEM.f32}, float32 little-endian in C order,
 * indexed by {@code STEM.json}. The two scripts write two index formats, both read here:
 * <ul>
 *   <li>{@code crnn/}: {@code {name: {"shape": [...], "offset": N}}}, N counted in floats;</li>
 *   <li>{@code fcn/}: {@code {"tensors": [{"name", "shape", "offset"}]}}, offset counted in bytes.</li>
 * </ul>
 * Loaded dumps are cached (they are read by several test classes); the maps are unmodifiable.
 */
final class TensorDumps {

    private static final Map<String, Map<String, Tensor>> CACHE = new HashMap<>();

    private TensorDumps() {
    }

    /** The tensors of {@code STEM.{json,f32}}, a resource path relative to this package (e.g. "crnn/crnn_reference"). */
    static synchronized Map<String, Tensor> load(String stem) {
        return CACHE.computeIfAbsent(stem, TensorDumps::read);
    }

    /** A rank-2 tensor as rows. */
    static float[][] rows(Tensor t) {
        float[][] rows = new float[t.size(0)][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = row(t, r);
        }
        return rows;
    }

    /** Row {@code r} of a rank-2 tensor. */
    static float[] row(Tensor t, int r) {
        int cols = t.size(1);
        float[] row = new float[cols];
        System.arraycopy(t.data(), r * cols, row, 0, cols);
        return row;
    }

    /** A rank-3 tensor as {@code [n][frames][bands]} windows. */
    static float[][][] windows(Tensor t) {
        int frames = t.size(1);
        int bands = t.size(2);
        float[][][] windows = new float[t.size(0)][frames][bands];
        for (int n = 0; n < windows.length; n++) {
            for (int f = 0; f < frames; f++) {
                System.arraycopy(t.data(), (n * frames + f) * bands, windows[n][f], 0, bands);
            }
        }
        return windows;
    }

    private static Map<String, Tensor> read(String stem) {
        try (InputStream json = open(stem + ".json"); InputStream raw = open(stem + ".f32")) {
            JsonNode index = new ObjectMapper().readTree(json);
            ByteBuffer bytes = ByteBuffer.wrap(raw.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            if (index.has("tensors")) {
                for (JsonNode entry : index.get("tensors")) {
                    tensors.put(entry.get("name").asText(), tensor(bytes, entry.get("shape"), entry.get("offset").asLong()));
                }
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = index.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    long offset = entry.getValue().get("offset").asLong() * Float.BYTES;
                    tensors.put(entry.getKey(), tensor(bytes, entry.getValue().get("shape"), offset));
                }
            }
            return Collections.unmodifiableMap(tensors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Tensor tensor(ByteBuffer bytes, JsonNode shapeNode, long byteOffset) {
        int[] shape = new int[shapeNode.size()];
        int n = 1;
        for (int d = 0; d < shape.length; d++) {
            shape[d] = shapeNode.get(d).asInt();
            n *= shape[d];
        }
        float[] data = new float[n];
        bytes.position(Math.toIntExact(byteOffset));
        bytes.asFloatBuffer().get(data);
        return new Tensor(shape, data);
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = TensorDumps.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("test resource missing: " + name + " beside " + TensorDumps.class.getName()
                    + " (written by the reference script in its folder)");
        }
        return in;
    }
}
