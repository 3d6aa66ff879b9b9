package org.genrevamp.trainer.scratch;

import org.genrevamp.trainer.report.ScoredWindow;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.genrevamp.model.bundle.Architecture;
import org.genrevamp.model.scratch.FeatureLayout;
import org.genrevamp.model.bundle.MelNormaliser;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Runs a network in inference mode over planned windows of a cache. */
final class GraphScorer {
    /** Smallest probability fed to the log in the cross-entropy, so one confident miss stays finite. */
    static final double MIN_PROBABILITY = 1e-7;
    private static final int BATCH = 64;

    private GraphScorer() {
    }

    /** Softmax outputs of every window of {@code plan}, with the window's track and true label. */
    static List<ScoredWindow> score(ComputationGraph graph, Architecture architecture, MelNormaliser normaliser,
                                    TrainingData data, List<WindowPlan.Window> plan) {
        WindowReader reader = new WindowReader(data.cache(), data.windowFrames());
        List<ScoredWindow> scored = new ArrayList<>(plan.size());
        for (int from = 0; from < plan.size(); from += BATCH) {
            int to = Math.min(plan.size(), from + BATCH);
            INDArray[] inputs = FeatureLayout.inputs(architecture, reader.read(plan, from, to), normaliser);
            float[][] probabilities = graph.output(false, inputs)[0].toFloatMatrix();
            for (int i = from; i < to; i++) {
                int entry = plan.get(i).entry();
                scored.add(new ScoredWindow(data.cache().entries().get(entry).trackId(), data.labelOf(entry),
                        probabilities[i - from]));
            }
        }
        return scored;
    }

    /** Mean cross-entropy {@code -ln p(truth)} over scored windows (0 when empty). */
    static double crossEntropy(List<ScoredWindow> scored) {
        double sum = 0;
        for (ScoredWindow w : scored) {
            sum -= Math.log(Math.max(MIN_PROBABILITY, w.probabilities()[w.truth()]));
        }
        return scored.isEmpty() ? 0 : sum / scored.size();
    }
}
