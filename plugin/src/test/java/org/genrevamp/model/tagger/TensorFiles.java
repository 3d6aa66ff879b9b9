package org.genrevamp.model.tagger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test-only reader of the tensors the reference scripts write: {@code STEM.f32} (float32
 * little-endian, C order, concatenated) and {@code STEM.json} ({@code name -> {shape, offset}},
 * offset in floats). Stands in for a real checkpoint reader in tests.
 */
final class TensorFiles {

    private TensorFiles() {
    }

    /** The tensors of resource {@code STEM} next to {@code anchor}'s package (e.g. "crnn/crnn_reference"). */
    static Map<String, Tensor> load(Class<?> anchor, String stem) {
        try (InputStream json = open(anchor, stem + ".json"); InputStream bin = open(anchor, stem + ".f32")) {
            JsonNode index = new ObjectMapper().readTree(json);
            ByteBuffer bytes = ByteBuffer.wrap(bin.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = index.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                JsonNode shapeNode = entry.getValue().get("shape");
                int[] shape = new int[shapeNode.size()];
                int n = 1;
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = shapeNode.get(i).asInt();
                    n *= shape[i];
                }
                long offset = entry.getValue().get("offset").asLong();
                float[] data = new float[n];
                bytes.position((int) (offset * Float.BYTES));
                bytes.asFloatBuffer().get(data);
                tensors.put(entry.getKey(), new Tensor(shape, data));
            }
            return tensors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A rank-2 tensor as rows. */
    static float[][] rows(Tensor t) {
        float[][] rows = new float[t.size(0)][t.size(1)];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(t.data(), r * rows[r].length, rows[r], 0, rows[r].length);
        }
        return rows;
    }

    private static InputStream open(Class<?> anchor, String name) throws IOException {
        InputStream in = anchor.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("test resource missing: " + name + " beside " + anchor.getName());
        }
        return in;
    }
}
