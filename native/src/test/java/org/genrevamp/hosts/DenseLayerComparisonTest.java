package org.genrevamp.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-made layers: 100 Hz input, 10-frame step, 3 bins; value = row * 10 + bin (+ 0.5 so none is 0). */
class DenseLayerComparisonTest {
    private static final double RATE = 100;
    private static final DenseLayerComparison.Tolerance TEXT = DenseLayerComparison.SIX_DIGIT_TEXT;

    private static List<VampFeature> host(int count, double firstSeconds) {
        List<VampFeature> features = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int row = (int) Math.round(firstSeconds * 10) + i;
            features.add(new VampFeature(firstSeconds + i * 0.1, Double.NaN,
                    new float[] {row * 10 + 0.5f, row * 10 + 1.5f, row * 10 + 2.5f}, ""));
        }
        return features;
    }

    private static List<double[]> svRows(int count) {
        List<double[]> rows = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            rows.add(new double[] {r * 10 + 0.5, r * 10 + 1.5, r * 10 + 2.5});
        }
        return rows;
    }

    @Test
    void equalLayersAgreeAndTheHalfBlockShiftIsFoundFromTheTimes() {
        DenseLayerComparison.Report aligned = DenseLayerComparison.compare(svRows(20), host(20, 0), RATE, 3, TEXT);
        assertTrue(aligned.agrees(), aligned::toString);
        assertEquals(10, aligned.resolutionFrames());
        assertEquals(0, aligned.rowOffset());
        // As for a frequency-domain plugin: the host's first feature is one step later, SV has an extra leading row.
        DenseLayerComparison.Report shifted = DenseLayerComparison.compare(svRows(21), host(20, 0.1), RATE, 3, TEXT);
        assertTrue(shifted.agrees(), shifted::toString);
        assertEquals(1, shifted.rowOffset());
        assertEquals(60, shifted.compared());
    }

    @Test
    void aValueOffByMoreThanPrintingRoundingIsAMismatch() {
        List<double[]> rows = svRows(20);
        rows.get(7)[2] = 72.5 * (1 + 5 * DenseLayerComparison.SIX_DIGIT_RELATIVE_TOLERANCE);
        DenseLayerComparison.Report report = DenseLayerComparison.compare(rows, host(20, 0), RATE, 3, TEXT);
        assertFalse(report.agrees());
        assertEquals(1, report.mismatches());
        assertTrue(report.firstProblem().contains("bin 2"), report::toString);
    }

    @Test
    void sixDigitRoundingOfTheSameFloatAgrees() {
        List<double[]> rows = svRows(20);
        rows.get(3)[0] = 30.5001; // one unit in the 6th significant digit
        assertTrue(DenseLayerComparison.compare(rows, host(20, 0), RATE, 3, TEXT).agrees());
    }

    @Test
    void missingRowsAndMissingBinsAreReported() {
        DenseLayerComparison.Report shortSv = DenseLayerComparison.compare(svRows(15), host(20, 0), RATE, 3, TEXT);
        assertFalse(shortSv.agrees());
        assertEquals(15, shortSv.matched());
        List<double[]> twoBins = new ArrayList<>();
        for (double[] r : svRows(20)) {
            twoBins.add(new double[] {r[0], r[1]});
        }
        assertFalse(DenseLayerComparison.compare(twoBins, host(20, 0), RATE, 3, TEXT).agrees());
    }

    @Test
    void aFractionalStepMakesSvPutTwoFeaturesInOneRow() {
        // 9.6 frames per feature: SV's resolution is 10, and features 1 and 2 both land in row 1.
        List<VampFeature> host = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            host.add(new VampFeature(i * 0.096, Double.NaN, new float[] {1, 2, 3}, ""));
        }
        List<double[]> rows = new ArrayList<>();
        for (int r = 0; r < 20; r++) {
            rows.add(new double[] {1, 2, 3});
        }
        DenseLayerComparison.Report report = DenseLayerComparison.compare(rows, host, RATE, 3, TEXT);
        assertEquals(10, report.resolutionFrames());
        assertEquals(1, DenseLayerComparison.svRow(2 * 0.096, RATE, 10));
        assertTrue(report.collisions() >= 1, report::toString);
        assertFalse(report.agrees());
    }
}
