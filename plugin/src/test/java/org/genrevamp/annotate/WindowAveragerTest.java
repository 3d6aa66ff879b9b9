package org.genrevamp.annotate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowAveragerTest {

    private record Estimate(int index, long firstFrame, double centre, float[] p) {
    }

    private static List<Estimate> run(int k, int windows) {
        List<Estimate> out = new ArrayList<>();
        WindowAverager a = new WindowAverager(k, 2, (i, first, centre, p) -> out.add(new Estimate(i, first.firstFrame(), centre, p.clone())));
        for (int w = 0; w < windows; w++) {
            a.add(new WindowSpan(w, 10L * w, 20, 10.0 * w + 5), new float[] {w / 10f, 1 - w / 10f});
        }
        a.finish();
        return out;
    }

    @Test
    void oneWindowPerEstimatePassesPredictionsThrough() {
        List<Estimate> out = run(1, 4);
        assertEquals(4, out.size());
        assertArrayEquals(new float[] {0.3f, 0.7f}, out.get(3).p());
        assertEquals(35.0, out.get(3).centre());
    }

    @Test
    void threeWindowsPerEstimateSlideByOne() {
        List<Estimate> out = run(3, 5);
        assertEquals(3, out.size());   // windows 0-2, 1-3, 2-4
        assertArrayEquals(new float[] {0.1f, 0.9f}, out.get(0).p(), 1e-6f);
        assertEquals(15.0, out.get(0).centre(), 1e-12);
        assertEquals(10L, out.get(1).firstFrame());
        assertArrayEquals(new float[] {0.3f, 0.7f}, out.get(2).p(), 1e-6f);
    }

    @Test
    void fewerWindowsThanKGiveOneMeanEstimate() {
        List<Estimate> out = run(4, 2);
        assertEquals(1, out.size());
        assertArrayEquals(new float[] {0.05f, 0.95f}, out.get(0).p(), 1e-6f);
        assertEquals(0, run(4, 0).size());
    }

    @Test
    void windowsPerEstimateFromSeconds() {
        assertEquals(1, WindowAverager.windowsPerEstimate(3.0, 3.0, 1.5));
        assertEquals(3, WindowAverager.windowsPerEstimate(6.0, 3.0, 1.5));
        assertEquals(1, WindowAverager.windowsPerEstimate(2.0, 3.0, 1.5), "never fewer than one");
        assertThrows(IllegalArgumentException.class, () -> new WindowAverager(0, 2, (i, f, c, p) -> { }));
    }
}
