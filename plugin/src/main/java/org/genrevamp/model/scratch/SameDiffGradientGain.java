package org.genrevamp.model.scratch;

import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Measures, once per process, how much a stock DL4J SameDiff layer scales the gradient it is given
 * (2 in 1.0.0-M2.1; see {@link GainCorrectedSameDiffLayer}). The probe is the layer
 * {@code out = x * w} with {@code w = 1}: its true {@code dL/dx} equals the incoming epsilon, so the
 * returned {@code dL/dx} divided by epsilon is the gain.
 */
final class SameDiffGradientGain {

    /** A gain outside this range means the probe itself is broken, not just the known doubling. */
    private static final double MIN_PLAUSIBLE = 0.5;
    private static final double MAX_PLAUSIBLE = 4.0;

    private static volatile Double gain;

    private SameDiffGradientGain() {
    }

    /**
     * @return the factor by which stock SameDiff layers scale gradients (1 when DL4J is correct)
     * @throws IllegalStateException when the probe gives an implausible factor
     */
    static double measured() {
        Double g = gain;
        if (g == null) {
            synchronized (SameDiffGradientGain.class) {
                if (gain == null) {
                    gain = probe();
                }
                g = gain;
            }
        }
        return g;
    }

    private static double probe() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .dataType(DataType.DOUBLE)
                .list()
                .layer(new ScaleProbe())
                .build());
        net.init();
        net.initGradientsView();
        Layer layer = net.getLayer(0);
        LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
        layer.setInput(Nd4j.ones(DataType.DOUBLE, 1, ScaleProbe.WIDTH), noWorkspaces);
        layer.activate(true, noWorkspaces);
        INDArray epsilon = Nd4j.ones(DataType.DOUBLE, 1, ScaleProbe.WIDTH);
        double measured = SameDiffChatter.muted(() -> layer.backpropGradient(epsilon, noWorkspaces))
                .getSecond().getDouble(0);
        if (!(measured >= MIN_PLAUSIBLE && measured <= MAX_PLAUSIBLE)) {
            throw new IllegalStateException("SameDiffGradientGain.probe: stock SameDiff layer gradient gain is "
                    + measured + ", expected about 1 or 2");
        }
        return measured;
    }

    /** {@code out = x * w}, element-wise, with {@code w} initialised to ones; runs on DL4J's stock runtime. */
    static final class ScaleProbe extends SameDiffLayer {
        static final int WIDTH = 2;

        @Override
        public SDVariable defineLayer(SameDiff sd, SDVariable layerInput, Map<String, SDVariable> params, SDVariable mask) {
            return layerInput.mul(params.get("w"));
        }

        @Override
        public void defineParameters(SDLayerParams params) {
            params.addWeightParam("w", 1, WIDTH);
        }

        @Override
        public void initializeParameters(Map<String, INDArray> params) {
            params.get("w").assign(1.0);
        }

        @Override
        public InputType getOutputType(int layerIndex, InputType inputType) {
            return InputType.feedForward(WIDTH);
        }
    }
}
