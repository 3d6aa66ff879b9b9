package org.genrevamp.model.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The mapping's arithmetic against {@code tagmapping/reference.json}, written by the numpy script
 * {@code tagmapping/make_reference.py} beside it (an independent implementation of the same formulas).
 */
class TagGenreMappingTest {

    /** The reference is float64; the mapping returns floats, rounded once. */
    static final double FLOAT_ROUNDING = 1e-6;
    /** Raw scores are computed in double from float features: only the last digits may differ. */
    static final double DOUBLE_ROUNDING = 1e-12;

    @Test
    void rawScoresDistributionAndFusionMatchTheNumpyReference() throws Exception {
        JsonNode ref;
        try (InputStream in = TagGenreMappingTest.class.getResourceAsStream("tagmapping/reference.json")) {
            ref = new ObjectMapper().readTree(in);
        }
        assertEquals(TagGenreMapping.FLOOR, ref.get("floor").asDouble(), 0);
        JsonNode cols = ref.get("columns");
        int[][][] columns = new int[cols.size()][][];
        List<TagGenreMapping.Genre> genres = new ArrayList<>();
        for (int g = 0; g < columns.length; g++) {
            columns[g] = new int[cols.get(g).size()][];
            List<TagGenreMapping.Tag> tags = new ArrayList<>();
            for (int t = 0; t < columns[g].length; t++) {
                JsonNode c = cols.get(g).get(t);
                columns[g][t] = new int[c.size()];
                for (int i = 0; i < c.size(); i++) {
                    columns[g][t][i] = c.get(i).asInt();
                }
                tags.add(new TagGenreMapping.Tag("msd", "tag" + t));
            }
            genres.add(new TagGenreMapping.Genre("g" + g, tags, ref.get("normalisers").get(g).asDouble()));
        }
        int cases = 0;
        for (JsonNode c : ref.get("cases")) {
            float[] x = floats(c.get("features"));
            float[] head = floats(c.get("head"));
            JsonNode weights = ref.get("weights");
            for (int k = 0; k < weights.size(); k++) {
                TagGenreMapping m = new TagGenreMapping(genres, weights.get(k).asDouble(), columns);
                assertArrayEquals(doubles(c.get("raw")), m.rawScores(x), DOUBLE_ROUNDING, "raw, case " + cases);
                assertArrayEquals(floats(c.get("distribution")), m.distribution(x), (float) FLOAT_ROUNDING,
                        "distribution, case " + cases);
                assertArrayEquals(floats(c.get("fused").get(k)), m.fuse(head, x), (float) FLOAT_ROUNDING,
                        "fused with weight " + weights.get(k) + ", case " + cases);
            }
            cases++;
        }
        assertEquals(4, cases);
    }

    private static float[] floats(JsonNode a) {
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) a.get(i).asDouble();
        }
        return out;
    }

    private static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }
}
