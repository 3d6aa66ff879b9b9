package org.genrevamp.model.scratch;

import org.genrevamp.model.bundle.Architecture;
import org.genrevamp.model.runtime.Nd4jThreads;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.Subsampling1DLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Builds the untrained, initialised networks of each {@link Architecture}.
 *
 * <p>Every network takes the inputs {@link FeatureLayout} produces (the log-mel window as a
 * sequence of mel-band vectors, NCW {@code [n][melBands][frames]}, plus for {@code parallel} the
 * same window as a one-channel image) and ends in the softmax output layer {@link #OUTPUT}
 * trained with multi-class cross-entropy. Time is reduced by global pooling or a recurrent
 * layer's last step, so the convolutional parts do not depend on the window length.
 */
public final class Architectures {

    /** Name of the softmax output layer in every graph. */
    public static final String OUTPUT = "out";

    /** Filters of each convolution of the {@code cnn}, and width of its dense layer (the GTZAN seed's 128). */
    static final int CNN_WIDTH = 128;
    /** Conv1D kernel over time, in frames: 3 frames ~ 70 ms at hop 512 / 22.05 kHz. */
    static final int CNN_KERNEL = 3;
    /** Max-pooling over time between the two convolutions (the seed's "pooling of 3"). */
    static final int CNN_POOL = 3;
    /** LSTM units of the {@code crnn} (the FMA seed's 64). */
    static final int CRNN_LSTM_UNITS = 64;
    /** Filters of the {@code crnn}'s convolutions. */
    static final int CRNN_FILTERS = 64;
    /** Max-pooling over time after each {@code crnn} convolution. */
    static final int CRNN_POOL = 2;

    private Architectures() {
    }

    /**
     * Builds and initialises (seeded by {@code options.seed()}) a network.
     *
     * @param architecture which family
     * @param windowFrames frames per input window (>= {@link #minimumFrames(Architecture)})
     * @param melBands     mel bands per frame (>= 1)
     * @param numClasses   softmax outputs (>= 2)
     * @param options      updater, learning rate, dropout, L2, seed
     * @return an initialised graph with inputs {@link FeatureLayout#inputNames(Architecture)} and output {@link #OUTPUT}
     * @throws IllegalArgumentException on sizes the architecture cannot take
     */
    public static ComputationGraph build(Architecture architecture, int windowFrames, int melBands, int numClasses,
                                         TrainingOptions options) {
        if (architecture == null || options == null) {
            throw new IllegalArgumentException("Architectures.build: architecture and options must not be null");
        }
        if (windowFrames < minimumFrames(architecture)) {
            throw new IllegalArgumentException("Architectures.build: " + architecture.id() + " needs windows of at least "
                    + minimumFrames(architecture) + " frames, got " + windowFrames);
        }
        if (melBands < 1 || numClasses < 2) {
            throw new IllegalArgumentException("Architectures.build: need melBands >= 1 and numClasses >= 2, got "
                    + melBands + " and " + numClasses);
        }
        ComputationGraphConfiguration conf = switch (architecture) {
            case CNN -> cnn(windowFrames, melBands, numClasses, options);
            case CRNN -> crnn(windowFrames, melBands, numClasses, options);
            case PARALLEL -> ParallelArchitecture.configuration(windowFrames, melBands, numClasses, options);
        };
        ComputationGraph graph = new ComputationGraph(conf);
        Nd4jThreads.prepare();
        graph.init();
        return graph;
    }

    /** Shortest window, in frames, the architecture's pooling stack accepts. */
    public static int minimumFrames(Architecture architecture) {
        return switch (architecture) {
            case CNN -> CNN_POOL;
            case CRNN -> CRNN_POOL * CRNN_POOL;
            case PARALLEL -> ParallelArchitecture.MINIMUM_FRAMES;
        };
    }

    /** Global settings shared by all architectures: seed, float32, updater, ReLU/He init, L2. */
    static ComputationGraphConfiguration.GraphBuilder graphBuilder(TrainingOptions options) {
        NeuralNetConfiguration.Builder builder = new NeuralNetConfiguration.Builder()
                .seed(options.seed())
                .dataType(DataType.FLOAT)
                .updater(updater(options))
                .weightInit(WeightInit.RELU)
                .activation(Activation.RELU)
                .convolutionMode(ConvolutionMode.Same);
        if (options.l2() > 0) {
            builder.l2(options.l2());
        }
        return builder.graphBuilder();
    }

    static IUpdater updater(TrainingOptions options) {
        return switch (options.updater()) {
            case NESTEROVS -> new Nesterovs(options.learningRate(), options.momentum());
            case ADAM -> new Adam(options.learningRate());
        };
    }

    /** Dense layer of {@code width} ReLU units with input dropout when {@code options.dropout() > 0}. */
    static DenseLayer dense(int width, TrainingOptions options) {
        DenseLayer.Builder b = new DenseLayer.Builder().nOut(width);
        if (options.dropout() > 0) {
            b.dropOut(1.0 - options.dropout()); // DL4J takes the RETAIN probability
        }
        return b.build();
    }

    /** Softmax output layer with input dropout when {@code options.dropout() > 0}. */
    static OutputLayer softmax(int numClasses, TrainingOptions options) {
        OutputLayer.Builder b = new OutputLayer.Builder(LossFunction.MCXENT)
                .activation(Activation.SOFTMAX)
                .weightInit(WeightInit.XAVIER)
                .nOut(numClasses);
        if (options.dropout() > 0) {
            b.dropOut(1.0 - options.dropout());
        }
        return b.build();
    }

    static Convolution1DLayer conv1d(int filters, int kernel) {
        return new Convolution1DLayer.Builder().kernelSize(kernel).nOut(filters).rnnDataFormat(RNNFormat.NCW).build();
    }

    static Subsampling1DLayer maxPool1d(int size) {
        return new Subsampling1DLayer.Builder(PoolingType.MAX).kernelSize(size).stride(size)
                .convolutionMode(ConvolutionMode.Truncate).build();
    }

    /**
     * GTZAN seed, made cheap enough for real-time use: the 128 mel bands are the input channels of a
     * Conv1D over time (a Conv2D of 128 filters on the full 128 x frames map costs ~5x more), and
     * global max + mean pooling over time replaces flattening, so any window length works.
     */
    private static ComputationGraphConfiguration cnn(int frames, int melBands, int numClasses, TrainingOptions options) {
        return graphBuilder(options)
                .addInputs(FeatureLayout.SEQUENCE_INPUT)
                .setInputTypes(InputType.recurrent(melBands, frames, RNNFormat.NCW))
                .addLayer("conv1", conv1d(CNN_WIDTH, CNN_KERNEL), FeatureLayout.SEQUENCE_INPUT)
                .addLayer("pool1", maxPool1d(CNN_POOL), "conv1")
                .addLayer("conv2", conv1d(CNN_WIDTH, CNN_KERNEL), "pool1")
                .addLayer("timeMax", new GlobalPoolingLayer.Builder(PoolingType.MAX).build(), "conv2")
                .addLayer("timeMean", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "conv2")
                .addVertex("pooled", new MergeVertex(), "timeMax", "timeMean")
                .addLayer("dense", dense(CNN_WIDTH, options), "pooled")
                .addLayer(OUTPUT, softmax(numClasses, options), "dense")
                .setOutputs(OUTPUT)
                .build();
    }

    /** FMA seed: two Conv1D(64)/max-pool-2 blocks, LSTM(64) whose last step feeds the softmax. */
    private static ComputationGraphConfiguration crnn(int frames, int melBands, int numClasses, TrainingOptions options) {
        LSTM.Builder lstm = new LSTM.Builder().nOut(CRNN_LSTM_UNITS).activation(Activation.TANH)
                .weightInit(WeightInit.XAVIER);
        if (options.dropout() > 0) {
            lstm.dropOut(1.0 - options.dropout());
        }
        return graphBuilder(options)
                .addInputs(FeatureLayout.SEQUENCE_INPUT)
                .setInputTypes(InputType.recurrent(melBands, frames, RNNFormat.NCW))
                .addLayer("conv1", conv1d(CRNN_FILTERS, CNN_KERNEL), FeatureLayout.SEQUENCE_INPUT)
                .addLayer("pool1", maxPool1d(CRNN_POOL), "conv1")
                .addLayer("conv2", conv1d(CRNN_FILTERS, CNN_KERNEL), "pool1")
                .addLayer("pool2", maxPool1d(CRNN_POOL), "conv2")
                .addLayer("lstm", new LastTimeStep(lstm.build()), "pool2")
                .addLayer(OUTPUT, softmax(numClasses, options), "lstm")
                .setOutputs(OUTPUT)
                .build();
    }
}
