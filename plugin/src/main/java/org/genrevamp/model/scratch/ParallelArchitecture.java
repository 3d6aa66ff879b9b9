package org.genrevamp.model.scratch;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.rnn.ReverseTimeSeriesVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;

/**
 * The parallel CNN-RNN (after arXiv 1609.04243 and the seed): a Conv2D branch over the mel image and,
 * beside it, a bidirectional GRU over the time-pooled spectrogram; their summaries are concatenated
 * and fed to the softmax.
 * <pre>
 *   melImage [n,1,B,T] -> conv 3x3 stride 2 (16) -> max 2x2 -> conv 3x3 (32) -> max 4x4 -> conv 3x3 (64) -> global max -> 64
 *   mel      [n,B,T]   -> max-pool time 2 -> GRU(32) forward  -> last state -+-> 64
 *                                       \-> reversed -> GRU(32) -> last state -/
 *   concat (128) -> softmax
 * </pre>
 * The backward GRU reads the reversed sequence, so its last state summarises the window from the end,
 * as in a bidirectional RNN whose final states are concatenated.
 */
final class ParallelArchitecture {

    /** Hidden units of each GRU direction (the seed's 32). */
    static final int GRU_UNITS = 32;
    /** Max-pooling over time before the GRU: halves the unrolled steps (and the cost). */
    static final int GRU_TIME_POOL = 2;
    /** Filters of the Conv2D branch's three convolutions. */
    static final int[] CONV_FILTERS = {16, 32, 64};
    /**
     * Stride of the first convolution: DL4J's Conv2D is slow at full 128 x 130 resolution (~6 ms per
     * window on one thread for 16 filters); striding quarters that, and the 2x2 pool after it brings
     * the map to the same 1/16 size that a 4x4 pool would.
     */
    static final int FIRST_STRIDE = 2;
    /** Max-pooling (both axes) after the first and the second convolution. */
    static final int[] CONV_POOL = {2, 4};
    /** The GRU needs at least 2 steps after pooling. */
    static final int MINIMUM_FRAMES = 2 * GRU_TIME_POOL;

    private ParallelArchitecture() {
    }

    static ComputationGraphConfiguration configuration(int frames, int melBands, int numClasses, TrainingOptions options) {
        var g = Architectures.graphBuilder(options)
                .addInputs(FeatureLayout.SEQUENCE_INPUT, FeatureLayout.IMAGE_INPUT)
                .setInputTypes(InputType.recurrent(melBands, frames, RNNFormat.NCW),
                        InputType.convolutional(melBands, frames, 1));
        // Conv2D branch
        g.addLayer("conv1", conv2d(CONV_FILTERS[0], FIRST_STRIDE), FeatureLayout.IMAGE_INPUT)
                .addLayer("pool1", maxPool2d(CONV_POOL[0]), "conv1")
                .addLayer("conv2", conv2d(CONV_FILTERS[1], 1), "pool1")
                .addLayer("pool2", maxPool2d(CONV_POOL[1]), "conv2")
                .addLayer("conv3", conv2d(CONV_FILTERS[2], 1), "pool2")
                .addLayer("convSummary", new GlobalPoolingLayer.Builder(PoolingType.MAX).build(), "conv3");
        // bidirectional GRU branch
        g.addLayer("seqPool", Architectures.maxPool1d(GRU_TIME_POOL), FeatureLayout.SEQUENCE_INPUT)
                .addLayer("gruForward", new GruLayer(0, GRU_UNITS, false), "seqPool")
                .addVertex("seqReversed", new ReverseTimeSeriesVertex(), "seqPool")
                .addLayer("gruBackward", new GruLayer(0, GRU_UNITS, false), "seqReversed")
                .addVertex("gruSummary", new MergeVertex(), "gruForward", "gruBackward");
        return g.addVertex("summary", new MergeVertex(), "convSummary", "gruSummary")
                .addLayer(Architectures.OUTPUT, Architectures.softmax(numClasses, options), "summary")
                .setOutputs(Architectures.OUTPUT)
                .build();
    }

    private static ConvolutionLayer conv2d(int filters, int stride) {
        return new ConvolutionLayer.Builder(3, 3).stride(stride, stride).nOut(filters).build();
    }

    /** Same-mode pooling rounds up, so small mel/window sizes still leave at least one cell. */
    private static SubsamplingLayer maxPool2d(int size) {
        return new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(size, size).stride(size, size)
                .convolutionMode(ConvolutionMode.Same).build();
    }
}
