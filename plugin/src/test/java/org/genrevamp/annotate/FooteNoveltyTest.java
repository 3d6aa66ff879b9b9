package org.genrevamp.annotate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class FooteNoveltyTest {

    /** Both sides compute in doubles from the same float32 features: only summation order differs. */
    private static final double CURVE_TOLERANCE = 1e-9;

    @Test
    void curveAndPeaksMatchTheNumpyReference() throws Exception {
        JsonNode ref;
        try (InputStream in = getClass().getResourceAsStream("foote_reference.json")) {
            ref = new ObjectMapper().readTree(in);   // written by make_foote_reference.py beside it
        }
        float[][] features = new float[ref.get("features").size()][];
        for (int i = 0; i < features.length; i++) {
            JsonNode row = ref.get("features").get(i);
            features[i] = new float[row.size()];
            for (int d = 0; d < row.size(); d++) {
                features[i][d] = (float) row.get(d).asDouble();
            }
        }
        FooteNovelty.Params p = new FooteNovelty.Params(ref.get("kernel").asInt(), ref.get("median").asInt(),
                ref.get("featureMedian").asInt(), ref.get("sensitivity").asDouble());
        double[] curve = FooteNovelty.curve(features, p);
        assertEquals(ref.get("curve").size(), curve.length);
        for (int i = 0; i < curve.length; i++) {
            assertEquals(ref.get("curve").get(i).asDouble(), curve[i], CURVE_TOLERANCE, "curve at step " + i);
        }
        int[] expected = new int[ref.get("peaks").size()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = ref.get("peaks").get(i).asInt();
        }
        assertArrayEquals(expected, FooteNovelty.changes(features, p));
        assertArrayEquals(new int[] {25, 50}, expected, "the reference's sections change at steps 25 and 50");
    }

    @Test
    void kernelComparesPastWithFutureAndSumsToZero() {
        double[][] k = FooteNovelty.checkerboard(6);
        double sum = 0;
        for (int a = 0; a < 6; a++) {
            for (int b = 0; b < 6; b++) {
                sum += k[a][b];
                assertEquals(k[a][b], k[b][a], 1e-15, "symmetric");
                assertEquals((a < 3) == (b < 3), k[a][b] > 0, "sign at " + a + "," + b);
            }
        }
        assertEquals(0, sum, 1e-12);
    }

    @Test
    void aConstantSignalHasNoChanges() {
        float[][] x = new float[40][3];
        assertArrayEquals(new int[0], FooteNovelty.changes(x, new FooteNovelty.Params(8, 9, 3, 1.0)));
        assertArrayEquals(new int[0], FooteNovelty.changes(new float[5][3], new FooteNovelty.Params(8, 9, 1, 0.5)),
                "shorter than the kernel");
    }

    @Test
    void refusesBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> new FooteNovelty.Params(7, 9, 1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new FooteNovelty.Params(8, 9, 1, 1.5));
    }
}
