package org.genrevamp.model.scratch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.rnn.ReverseTimeSeriesVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.samediff.SameDiffLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.util.ModelSerializer;
import org.genrevamp.testing.SameDiffChatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The GRU: both forward paths (unrolled for training, fused for inference) against a plain-Java
 * reference of the documented equations (reset applied after the recurrent product),
 * gradients against finite differences (DL4J's GradientCheckUtil, double precision), save/load.
 */
@ExtendWith(SameDiffChatter.class)
class GruLayerTest {

    private static final int N = 2;
    private static final int IN = 2;
    private static final int UNITS = 2;
    private static final int STEPS = 3;
    private static final int CLASSES = 2;

    /** Finite-difference step and acceptance of DL4J's own gradient-check tests (double precision). */
    private static final double FD_EPSILON = 1e-6;
    private static final double MAX_RELATIVE_ERROR = 1e-3;
    private static final double MIN_ABSOLUTE_ERROR = 1e-8;
    /** Double-precision forward pass vs the Java reference: only rounding differs. */
    private static final double FORWARD_TOLERANCE = 1e-12;

    private static DataType savedDefault;

    /** GradientCheckUtil insists on double as ND4J's default type; restored so other tests keep float. */
    @BeforeAll
    static void useDoublePrecision() {
        savedDefault = Nd4j.dataType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @AfterAll
    static void restorePrecision() {
        Nd4j.setDefaultDataTypes(savedDefault, savedDefault);
    }

    /** Inference path: ND4J's fused gru op. */
    @Test
    void inferenceForwardPassMatchesTheGruEquations() {
        assertMatchesReference(false);
    }

    /** Training path: the unrolled SameDiff graph whose gradients the checks below prove. */
    @Test
    void trainingForwardPassMatchesTheGruEquations() {
        assertMatchesReference(true);
    }

    private static void assertMatchesReference(boolean training) {
        ComputationGraph net = graph(false, false, false);
        INDArray x = input();
        INDArray h = net.feedForward(new INDArray[] {x}, training).get("gru");
        Map<String, INDArray> p = net.getLayer("gru").paramTable();
        double[][] expected = referenceGru(x, p);
        for (int i = 0; i < N; i++) {
            assertArrayEquals(expected[i], h.getRow(i).toDoubleVector(), FORWARD_TOLERANCE, "example " + i);
        }
    }

    @Test
    void unidirectionalGradientsPassTheFiniteDifferenceCheck() {
        assertTrue(gradientCheck(graph(false, false, false)));
    }

    @Test
    void sequenceOutputGradientsPassTheFiniteDifferenceCheck() {
        assertTrue(gradientCheck(graph(false, true, false)));
    }

    @Test
    void bidirectionalGradientsPassTheFiniteDifferenceCheck() {
        assertTrue(gradientCheck(graph(true, false, false)));
    }

    /** The check can fail: on DL4J's stock runtime the same layer fails it exactly when the measured gain is not 1. */
    @Test
    void stockSameDiffRuntimeFailsTheCheckWhenTheGainIsNotOne() {
        double gain = SameDiffGradientGain.measured();
        assertEquals(gain != 1.0, !gradientCheck(graph(false, false, true), true), "gain " + gain);
    }

    @Test
    void saveAndLoadRoundTripBitIdentically() throws Exception {
        ComputationGraph net = graph(true, false, false);
        INDArray x = input();
        INDArray before = net.outputSingle(x);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, bytes, false);
        ComputationGraph loaded = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(bytes.toByteArray()), false);
        assertEquals(net.params(), loaded.params());
        assertEquals(before, loaded.outputSingle(x));
        assertTrue(loaded.getLayer("gru").conf().getLayer() instanceof GruLayer);
    }

    // ------------------------------------------------------------------ helpers

    private static boolean gradientCheck(ComputationGraph net) {
        return gradientCheck(net, false);
    }

    private static boolean gradientCheck(ComputationGraph net, boolean exitOnFirstError) {
        INDArray labels = Nd4j.zeros(DataType.DOUBLE, N, CLASSES);
        labels.putScalar(0, 0, 1.0);
        labels.putScalar(1, 1, 1.0);
        return GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(net)
                .inputs(new INDArray[] {input()}).labels(new INDArray[] {labels})
                .epsilon(FD_EPSILON).maxRelError(MAX_RELATIVE_ERROR).minAbsoluteError(MIN_ABSOLUTE_ERROR)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY).exitOnFirstError(exitOnFirstError));
    }

    private static INDArray input() {
        Nd4j.getRandom().setSeed(11);
        return Nd4j.rand(DataType.DOUBLE, N, IN, STEPS).subi(0.5).muli(2);
    }

    /**
     * in [N,IN,STEPS] -> GRU ("gru"; with {@code bidirectional} also a GRU over the reversed input,
     * merged) -> (global mean over time when {@code sequences}) -> softmax.
     */
    private static ComputationGraph graph(boolean bidirectional, boolean sequences, boolean stockRuntime) {
        var g = new NeuralNetConfiguration.Builder()
                .seed(3)
                .dataType(DataType.DOUBLE)
                .updater(new NoOp())
                .graphBuilder()
                .addInputs("in")
                .setInputTypes(InputType.recurrent(IN, STEPS, RNNFormat.NCW))
                .addLayer("gru", stockRuntime ? new StockRuntimeGru(UNITS) : new GruLayer(0, UNITS, sequences), "in");
        String last = "gru";
        if (sequences) {
            g.addLayer("time", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "gru");
            last = "time";
        }
        if (bidirectional) {
            g.addVertex("reversed", new ReverseTimeSeriesVertex(), "in")
                    .addLayer("gruBack", new GruLayer(0, UNITS, false), "reversed")
                    .addVertex("both", new MergeVertex(), "gru", "gruBack");
            last = "both";
        }
        ComputationGraphConfiguration conf = g
                .addLayer("out", new OutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX)
                        .weightInit(WeightInit.XAVIER).nOut(CLASSES).build(), last)
                .setOutputs("out")
                .build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        // non-zero biases so the check covers their paths with realistic values
        for (String layer : bidirectional ? new String[] {"gru", "gruBack"} : new String[] {"gru"}) {
            for (String gate : GruLayer.GATES) {
                net.getLayer(layer).getParam("b" + gate).assign(Nd4j.rand(DataType.DOUBLE, 1, UNITS).subi(0.5));
            }
        }
        return net;
    }

    /** Plain-Java GRU over x [N][IN][STEPS] with the layer's parameters: the last hidden state of each example. */
    private static double[][] referenceGru(INDArray x, Map<String, INDArray> p) {
        double[][] last = new double[N][];
        for (int i = 0; i < N; i++) {
            double[] h = new double[UNITS];
            for (int t = 0; t < STEPS; t++) {
                double[] xt = new double[IN];
                for (int k = 0; k < IN; k++) {
                    xt[k] = x.getDouble(i, k, t);
                }
                double[] r = sigmoid(affine(xt, h, p, "r", null));
                double[] u = sigmoid(affine(xt, h, p, "u", null));
                double[] c = affine(xt, h, p, "c", r);
                double[] next = new double[UNITS];
                for (int j = 0; j < UNITS; j++) {
                    next[j] = u[j] * h[j] + (1 - u[j]) * Math.tanh(c[j]);
                }
                h = next;
            }
            last[i] = h;
        }
        return last;
    }

    /** {@code x W + reset * (h U) + b} for one gate ({@code reset} = null: all ones). */
    private static double[] affine(double[] x, double[] h, Map<String, INDArray> p, String gate, double[] reset) {
        INDArray w = p.get("W" + gate);
        INDArray u = p.get("U" + gate);
        INDArray b = p.get("b" + gate);
        double[] out = new double[UNITS];
        for (int j = 0; j < UNITS; j++) {
            double input = b.getDouble(0, j);
            for (int k = 0; k < x.length; k++) {
                input += x[k] * w.getDouble(k, j);
            }
            double recurrent = 0;
            for (int k = 0; k < h.length; k++) {
                recurrent += h[k] * u.getDouble(k, j);
            }
            out[j] = input + (reset == null ? 1 : reset[j]) * recurrent;
        }
        return out;
    }

    private static double[] sigmoid(double[] z) {
        double[] out = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            out[j] = 1 / (1 + Math.exp(-z[j]));
        }
        return out;
    }

    /** The same GRU on DL4J's stock SameDiff runtime, without the gain correction. */
    static final class StockRuntimeGru extends GruLayer {
        StockRuntimeGru(int units) {
            super(0, units, false);
        }

        @Override
        public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
                                 INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
            SameDiffLayer layer = new SameDiffLayer(conf, networkDataType);
            layer.setIndex(layerIndex);
            layer.setParamsViewArray(layerParamsView);
            layer.setParamTable(initializer().init(conf, layerParamsView, initializeParams));
            layer.setConf(conf);
            return layer;
        }
    }
}
