package org.genrevamp.trainer.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Confusion matrix, top-k and F1 on cases small enough to compute by hand (reasoning in comments). */
class MetricsTest {
    /** Figures here are ratios of small integers: anything beyond float rounding is a bug. */
    private static final double EXACT = 1e-12;
    private static final List<String> ABC = List.of("a", "b", "c");

    @Test
    void confusionTopKAndF1MatchHandComputation() {
        // truth a,a,b,c ; argmax a,b,b,a ; second choices make truth rank: 0,1,0,2
        int[] truth = {0, 0, 1, 2};
        float[][] p = {
                {0.7f, 0.2f, 0.1f},   // a -> a, rank 0
                {0.3f, 0.6f, 0.1f},   // a -> b, rank 1
                {0.1f, 0.8f, 0.1f},   // b -> b, rank 0 (c ties with a, not with b)
                {0.5f, 0.4f, 0.1f}};  // c -> a, rank 2
        Metrics m = Metrics.of(truth, p, ABC);
        assertEquals(4, m.n());
        assertArrayEquals(new int[] {1, 1, 0}, m.confusion()[0]);
        assertArrayEquals(new int[] {0, 1, 0}, m.confusion()[1]);
        assertArrayEquals(new int[] {1, 0, 0}, m.confusion()[2]);
        assertEquals(2.0 / 4, m.top1(), EXACT);
        // with 3 labels every truth is within the top 3
        assertEquals(1.0, m.top3(), EXACT);
        // a: tp 1, actual 2, predicted 2 -> F1 = 2*1/(2+2) = 0.5
        // b: tp 1, actual 1, predicted 2 -> F1 = 2/3
        // c: tp 0, actual 1, predicted 0 -> F1 = 0
        assertArrayEquals(new double[] {0.5, 2.0 / 3, 0.0}, m.f1(), EXACT);
        assertEquals((0.5 + 2.0 / 3 + 0.0) / 3, m.macroF1(), EXACT);
    }

    @Test
    void top3CountsTruthInTheThreeHighestOfFive() {
        List<String> five = List.of("a", "b", "c", "d", "e");
        int[] truth = {4, 4};
        float[][] p = {
                {0.4f, 0.3f, 0.1f, 0.0f, 0.2f},   // e third -> in top 3
                {0.4f, 0.3f, 0.15f, 0.0f, 0.1f}}; // e fourth -> not
        Metrics m = Metrics.of(truth, p, five);
        assertEquals(0.0, m.top1(), EXACT);
        assertEquals(0.5, m.top3(), EXACT);
    }

    @Test
    void equalScoresGiveNoCreditBeyondTheFirstLabel() {
        // a network stuck at uniform output must not score 100 %: ties resolve to the lowest index
        float[][] uniform = {{0.25f, 0.25f, 0.25f, 0.25f}, {0.25f, 0.25f, 0.25f, 0.25f}};
        Metrics m = Metrics.of(new int[] {0, 3}, uniform, List.of("a", "b", "c", "d"));
        assertEquals(0.5, m.top1(), EXACT);
        assertEquals(0.5, m.top3(), EXACT);
    }

    @Test
    void labelsAbsentFromTruthAndPredictionsAreLeftOutOfTheMacroMean() {
        Metrics m = Metrics.of(new int[] {0, 1}, new float[][] {{1, 0, 0}, {0, 1, 0}}, ABC);
        assertEquals(1.0, m.macroF1(), EXACT);
    }

    @Test
    void trackLevelAveragesWindowProbabilities() {
        // track t1 (truth a): windows say b (0.6) and a (0.9): mean a = 0.6, b = 0.4 -> a
        // track t2 (truth c): one window says b -> wrong
        List<ScoredWindow> windows = List.of(
                new ScoredWindow("t1", 0, new float[] {0.3f, 0.6f, 0.1f}),
                new ScoredWindow("t1", 0, new float[] {0.9f, 0.1f, 0.0f}),
                new ScoredWindow("t2", 2, new float[] {0.1f, 0.5f, 0.4f}));
        Evaluation e = Evaluation.of(windows, ABC);
        assertEquals(3, e.windows().n());
        assertEquals(1.0 / 3, e.windows().top1(), EXACT);
        assertEquals(2, e.tracks().n());
        assertEquals(0.5, e.tracks().top1(), EXACT);
        assertArrayEquals(new int[] {0, 1, 0}, e.tracks().confusion()[2]);
    }

    @Test
    void subsetRanksOnlyTheSubsetsGenres() {
        // truth c; overall b is first, but among {a, c} c wins
        List<ScoredWindow> windows = List.of(
                new ScoredWindow("t1", 2, new float[] {0.1f, 0.6f, 0.3f}),
                new ScoredWindow("t2", 1, new float[] {0.1f, 0.6f, 0.3f}));
        Evaluation e = SubsetScores.evaluate(windows, ABC, List.of("a", "c"));
        assertEquals(1, e.windows().n());
        assertEquals(1.0, e.windows().top1(), EXACT);
        assertEquals(List.of("a", "c"), e.windows().labels());
    }

    @Test
    void inconsistentInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Metrics.of(new int[] {0}, new float[0][], ABC));
        assertThrows(IllegalArgumentException.class, () -> Metrics.of(new int[] {3}, new float[][] {{1, 0, 0}}, ABC));
        assertThrows(IllegalArgumentException.class, () -> Evaluation.of(List.of(
                new ScoredWindow("t", 0, new float[] {1, 0, 0}), new ScoredWindow("t", 1, new float[] {1, 0, 0})), ABC));
    }
}
