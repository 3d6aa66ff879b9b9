package org.genrevamp.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.genrevamp.testing.SegmentScore.Segment;
import org.junit.jupiter.api.Test;

class SegmentScoreTest {

    private static final List<Segment> TRUTH = List.of(new Segment(0, 10, "a"), new Segment(10, 20, "b"),
            new Segment(20, 30, "c"));

    @Test
    void frameAccuracyIsTheShareOfGridPointsWithTheTrueLabel() {
        List<Segment> found = List.of(new Segment(0, 12, "a"), new Segment(12, 30, "c"));
        // right: a on [0, 10), c on [20, 30): 200 of 300 points
        assertEquals(200 / 300.0, SegmentScore.frameAccuracy(TRUTH, found, 30), 1e-12);
        assertEquals(1.0, SegmentScore.frameAccuracy(TRUTH, TRUTH, 30), 1e-12);
        assertEquals(0.5, SegmentScore.frameAccuracy(TRUTH, List.of(new Segment(5, 20, "b")), 20, 1.0), 1e-12,
                "b right on [10, 20): 10 of 20 points; [0, 5) uncovered, [5, 10) wrong");
    }

    @Test
    void boundaryErrorsGoToTheNearestPredictedChange() {
        List<Segment> found = List.of(new Segment(0, 8, "a"), new Segment(8, 12, "a"), new Segment(12, 23, "b"),
                new Segment(23, 30, "c"));
        assertEquals(List.of(12.0, 23.0), SegmentScore.changes(found), "a repeated label is no change");
        assertArrayEquals(new double[] {2, 3}, SegmentScore.boundaryErrors(TRUTH, found), 1e-12);
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY},
                SegmentScore.boundaryErrors(TRUTH, List.of(new Segment(0, 30, "a"))));
    }

    @Test
    void detectionMatchesEachChangeAtMostOnceAndAsManyAsPossible() {
        // 10.5 could take 10 or 11 and 10.1 only 10: 10.5 must go to 11 for two hits (greedy in order finds one)
        SegmentScore.Detection d = SegmentScore.detection(List.of(10.0, 11.0), List.of(10.5, 10.1, 30.0), 0.6);
        assertEquals(2, d.hits());
        assertEquals(2 / 3.0, d.precision(), 1e-12);
        assertEquals(1.0, d.recall(), 1e-12);
        assertEquals(0.8, d.f(), 1e-12);
        SegmentScore.Detection one = SegmentScore.detection(List.of(10.0), List.of(9.8, 10.1), 3);
        assertEquals(1, one.hits(), "two found changes near one true change: one hit");
        assertEquals(0.5, one.precision(), 1e-12);
        assertEquals(0, SegmentScore.detection(List.of(10.0), List.of(), 3).recall(), 1e-12);
    }

    @Test
    void medianDeviationIsFromEachTrueChangeToTheNearestFound() {
        assertEquals(1.0, SegmentScore.medianDeviation(List.of(10.0, 20.0, 30.0), List.of(9.0, 20.5, 33.0)), 1e-12);
        assertEquals(Double.NaN, SegmentScore.medianDeviation(List.of(10.0), List.of()));
    }
}
