package org.genrevamp.model.scratch;

import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Base of this package's SameDiff layer configurations: identical to DL4J's {@link SameDiffLayer}
 * except that {@link #instantiate} creates the {@link GainCorrectedSameDiffLayer} runtime, whose
 * gradients are right.
 */
public abstract class CorrectedSameDiffLayer extends SameDiffLayer {

    protected CorrectedSameDiffLayer() {
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
                             INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        return initialise(new GainCorrectedSameDiffLayer(conf, networkDataType), conf, layerIndex, layerParamsView,
                initializeParams);
    }

    /** What DL4J's stock {@code instantiate} does to its runtime layer, applied to ours. */
    protected Layer initialise(GainCorrectedSameDiffLayer layer, NeuralNetConfiguration conf, int layerIndex,
                               INDArray layerParamsView, boolean initializeParams) {
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> params = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(params);
        layer.setConf(conf);
        return layer;
    }
}
