package org.genrevamp.model.tagger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

/**
 * The tolerance the tagger tests compare with: elementwise, relative to the reference's scale,
 * {@code |a − b| <= tol · max(1, max|ref|)}. Relative to the scale rather than to each element,
 * because float32 convolutions err in proportion to the magnitudes summed, not to a small result.
 */
final class RelativeToScale {

    /** Agreement of the Java networks with PyTorch's float32 output. */
    static final double PYTORCH_TOL = 1e-4;

    private RelativeToScale() {
    }

    /** {@code max|a − b| / max(1, max|ref|)}. */
    static double error(float[] actual, float[] reference) {
        assertEquals(reference.length, actual.length, "length");
        double scale = 1;
        double diff = 0;
        for (int i = 0; i < reference.length; i++) {
            scale = Math.max(scale, Math.abs(reference[i]));
            diff = Math.max(diff, Math.abs(actual[i] - reference[i]));
        }
        return diff / scale;
    }

    /** {@link #error}, printed with {@code what}. */
    static double report(String what, float[] actual, float[] reference) {
        double error = error(actual, reference);
        System.out.printf(Locale.ROOT, "%-28s error relative to scale %.3g%n", what, error);
        return error;
    }

    static void assertWithin(String what, float[] actual, float[] reference, double tol) {
        double error = report(what, actual, reference);
        assertTrue(error <= tol, what + ": error relative to scale " + error + " > " + tol);
    }

    /** Each output against row n of the reference {@code [n][E]} embeddings and {@code [n][K]} tags. */
    static void assertOutputsWithin(String what, TaggerOutput[] out, Tensor embeddings, Tensor tags, double tol) {
        assertEquals(embeddings.size(0), out.length, what + ": windows");
        for (int n = 0; n < out.length; n++) {
            assertWithin(what + " window " + n + " embedding", out[n].embedding(), TensorDumps.row(embeddings, n), tol);
            assertWithin(what + " window " + n + " tags", out[n].tags(), TensorDumps.row(tags, n), tol);
        }
    }
}
