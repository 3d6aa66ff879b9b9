package org.genrevamp.model.scratch;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.samediff.SameDiffLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's SameDiff layer runtime with its gradient fixed. In 1.0.0-M2.1 ND4J's
 * {@code ExternalErrorsFunction.doDiff} registers the external-error placeholder as the output's
 * gradient and also returns it, and {@code DifferentialFunction.diff()} adds the two, so every stock
 * SameDiff layer returns {@link SameDiffGradientGain#measured()} (= 2) times the true parameter and
 * input gradients. Dividing the incoming epsilon by that gain first makes both exact; the gain is
 * measured, not assumed, so a DL4J release that fixes the bug gets a factor of 1.
 */
public class GainCorrectedSameDiffLayer extends SameDiffLayer {

    public GainCorrectedSameDiffLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        double gain = SameDiffGradientGain.measured();
        INDArray corrected = gain == 1.0 ? epsilon : epsilon.div(gain);
        if (sameDiff != null && sameDiff.hasGradientFunction()) {
            return super.backpropGradient(corrected, workspaceMgr);
        }
        // the first backward pass builds the gradient function, which prints to stdout
        return SameDiffChatter.muted(() -> super.backpropGradient(corrected, workspaceMgr));
    }
}
