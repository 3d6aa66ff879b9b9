package org.genrevamp.model.scratch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.weights.WeightInitXavier;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A gated recurrent unit layer (Cho et al. 2014; DL4J has none), unrolled over time from basic
 * SameDiff ops. Input NCW {@code [n][nIn][T]}; output the last hidden state {@code [n][nOut]}, or with
 * {@code returnSequences} every state {@code [n][nOut][T]}. With {@code h0 = 0}, per step:
 * <pre>
 *   r = sigmoid(x Wr + h Ur + br)            reset gate
 *   u = sigmoid(x Wu + h Uu + bu)            update gate
 *   c = tanh(x Wc + r * (h Uc) + bc)         candidate ("reset after", as cuDNN and Keras reset_after=True)
 *   h = u * h + (1 - u) * c
 * </pre>
 * which is what ND4J's fused {@code gru} op computes, so inference can use it (see {@link GruRuntimeLayer}). Each gate has its own weights because strided slices
 * of a concatenated matrix and {@code tensorMmul} have broken backward ops in ND4J 1.0.0-M2.1, and
 * parameter names have no {@code _} (DL4J splits flattened names at underscores). The window length T
 * is fixed when the layer first runs; masks are not supported. Gradients are made exact by
 * {@link CorrectedSameDiffLayer}.
 */
public class GruLayer extends CorrectedSameDiffLayer {

    static final String[] GATES = {"r", "u", "c"};

    private long inputSize;
    private long units;
    private boolean returnSequences;

    /** For JSON deserialisation. */
    protected GruLayer() {
    }

    /**
     * @param nIn             input features per step (0 = inferred from the input type)
     * @param nOut            hidden units (>= 1)
     * @param returnSequences output every step's state instead of the last one
     */
    public GruLayer(long nIn, long nOut, boolean returnSequences) {
        if (nOut < 1 || nIn < 0) {
            throw new IllegalArgumentException("GruLayer: need nOut >= 1 and nIn >= 0, got nIn=" + nIn + " nOut=" + nOut);
        }
        this.inputSize = nIn;
        this.units = nOut;
        this.returnSequences = returnSequences;
    }

    // DL4J serialises layer configurations through bean getters and setters: keep both

    /** Input features per step. */
    public long getInputSize() {
        return inputSize;
    }

    public void setInputSize(long inputSize) {
        this.inputSize = inputSize;
    }

    /** Hidden units. */
    public long getUnits() {
        return units;
    }

    public void setUnits(long units) {
        this.units = units;
    }

    /** Whether the output is every step's state ({@code [n][units][T]}) rather than the last ({@code [n][units]}). */
    public boolean isReturnSequences() {
        return returnSequences;
    }

    public void setReturnSequences(boolean returnSequences) {
        this.returnSequences = returnSequences;
    }

    /** Trains unrolled, infers with the fused op: see {@link GruRuntimeLayer}. */
    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
                             INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        return initialise(new GruRuntimeLayer(conf, networkDataType), conf, layerIndex, layerParamsView, initializeParams);
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable layerInput, Map<String, SDVariable> p, SDVariable mask) {
        long[] shape = layerInput.getShape();
        int steps = (int) shape[2];
        if (steps < 2) {
            throw new IllegalArgumentException("GruLayer: needs at least 2 time steps, got " + steps);
        }
        SDVariable[] xs = sd.unstack(layerInput, 2, steps);
        List<SDVariable> states = new ArrayList<>();
        // step 0 with h0 = 0: the reset gate and every recurrent term vanish
        SDVariable x0 = xs[0];
        SDVariable u0 = sd.nn.sigmoid(x0.mmul(p.get("Wu")).add(p.get("bu")));
        SDVariable c0 = sd.math.tanh(x0.mmul(p.get("Wc")).add(p.get("bc")));
        SDVariable h = u0.rsub(1.0).mul(c0);
        states.add(h);
        for (int t = 1; t < steps; t++) {
            SDVariable x = xs[t];
            SDVariable r = sd.nn.sigmoid(x.mmul(p.get("Wr")).add(h.mmul(p.get("Ur"))).add(p.get("br")));
            SDVariable u = sd.nn.sigmoid(x.mmul(p.get("Wu")).add(h.mmul(p.get("Uu"))).add(p.get("bu")));
            SDVariable c = sd.math.tanh(x.mmul(p.get("Wc")).add(r.mul(h.mmul(p.get("Uc")))).add(p.get("bc")));
            h = u.mul(h).add(u.rsub(1.0).mul(c));
            states.add(h);
        }
        return returnSequences ? sd.stack(2, states.toArray(new SDVariable[0])) : h;
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        for (String gate : GATES) {
            params.addWeightParam("W" + gate, inputSize, units);
            params.addWeightParam("U" + gate, units, units);
            params.addBiasParam("b" + gate, 1, units);
        }
    }

    /** Xavier-initialised input and recurrent weights, zero biases (draws from ND4J's seeded generator). */
    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        WeightInitXavier xavier = new WeightInitXavier();
        for (String gate : GATES) {
            INDArray w = params.get("W" + gate);
            xavier.init(inputSize, units, w.shape(), 'c', w);
            INDArray u = params.get("U" + gate);
            xavier.init(units, units, u.shape(), 'c', u);
            params.get("b" + gate).assign(0);
        }
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        if (!returnSequences) {
            return InputType.feedForward(units);
        }
        long length = inputType instanceof InputType.InputTypeRecurrent rec ? rec.getTimeSeriesLength() : -1;
        return InputType.recurrent(units, length);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (!(inputType instanceof InputType.InputTypeRecurrent rec)) {
            throw new IllegalArgumentException("GruLayer: needs recurrent (NCW) input, got " + inputType);
        }
        if (inputSize <= 0 || override) {
            inputSize = rec.getSize();
        }
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState, int minibatchSize) {
        // the last-state output is per example, not per step: no mask goes downstream
        return returnSequences ? new Pair<>(maskArray, currentMaskState) : new Pair<>(null, null);
    }
}
