package org.genrevamp.annotate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.genrevamp.dsp.MelConfig;
import org.junit.jupiter.api.Test;

class WindowPlanTest {
    /** Times are products/sums of a few doubles. */
    private static final double TIME_TOLERANCE = 1e-12;
    private static final double DT = 512.0 / 22050.0;

    private static final WindowPlan PLAN = WindowPlan.of(130, 1.5, DT);

    @Test
    void roundsTheHopToWholeFrames() {
        // 1.5 s / (512/22050 s) = 64.6 frames -> 65
        assertEquals(130, PLAN.windowFrames());
        assertEquals(65, PLAN.hopFrames());
        assertEquals(65 * DT, PLAN.hopSeconds(), TIME_TOLERANCE);
        assertEquals(130 * DT, PLAN.windowSeconds(), TIME_TOLERANCE);
    }

    @Test
    void regularWindowsMatchAHandComputation() {
        WindowSpan w2 = PLAN.regular(2);
        assertEquals(130, w2.firstFrame());
        assertEquals(130, w2.realFrames());
        // frames 130..259 centred at j*512/22050 s; their mean centre is frame 194.5
        assertEquals(194.5 * 512 / 22050, w2.centreSeconds(), TIME_TOLERANCE);
    }

    @Test
    void addsAnEndAlignedTailWindowWhenFramesAreLeftOver() {
        // 300 frames: regular windows start at 0, 65, 130 (the last ends at frame 260 < 300),
        // so one more window covers the last 130 frames: 170..299
        WindowSpan[] spans = PLAN.spans(300);
        assertArrayEquals(new long[] {0, 65, 130, 170}, Arrays.stream(spans).mapToLong(WindowSpan::firstFrame).toArray());
        assertEquals(3, spans[3].index());
        assertEquals((170 + 64.5) * DT, spans[3].centreSeconds(), TIME_TOLERANCE);
        // 260 frames end exactly with the third window: no tail
        assertEquals(3, PLAN.spans(260).length);
        assertEquals(1, PLAN.spans(130).length);
        assertEquals(2, PLAN.spans(131).length);
    }

    @Test
    void aFileShorterThanAWindowGetsOnePaddedWindow() {
        WindowSpan[] spans = PLAN.spans(50);
        assertEquals(1, spans.length);
        assertEquals(50, spans[0].realFrames());
        assertEquals(24.5 * DT, spans[0].centreSeconds(), TIME_TOLERANCE);
        assertEquals(0, PLAN.spans(0).length);
    }

    @Test
    void nonCentredFramesAreShiftedByHalfAFrame() {
        MelConfig centred = MelConfig.defaults();
        MelConfig plain = new MelConfig(22050, 2048, 512, 128, 0, 11025, MelConfig.Window.HANN_PERIODIC, false,
                MelConfig.PadMode.REFLECT, 2, MelConfig.MelScale.SLANEY, MelConfig.MelNorm.SLANEY, 1e-10, 80);
        assertEquals(0.0, WindowPlan.forMel(centred, 130, 1.5).frameOffsetSeconds());
        assertEquals(1024.0 / 22050, WindowPlan.forMel(plain, 130, 1.5).frameOffsetSeconds(), TIME_TOLERANCE);
        assertEquals(1024.0 / 22050 + 64.5 * DT, WindowPlan.forMel(plain, 130, 1.5).regular(0).centreSeconds(),
                TIME_TOLERANCE);
    }

    @Test
    void hopIsClampedToTheWindowAndBadArgumentsAreRefused() {
        assertEquals(10, WindowPlan.of(10, 60, DT).hopFrames());
        assertEquals(1, WindowPlan.of(10, 1e-6, DT).hopFrames());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WindowPlan(10, 11, DT, 0));
        assertTrue(e.getMessage().contains("hopFrames"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WindowPlan.of(10, Double.NaN, DT));
        assertThrows(IllegalArgumentException.class, () -> WindowPlan.of(0, 1.5, DT));
        assertThrows(IllegalArgumentException.class, () -> PLAN.spans(-1));
    }
}
