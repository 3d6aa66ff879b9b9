package org.genrevamp.model.tagger;

import java.util.Arrays;
import org.genrevamp.model.runtime.Nd4jThreads;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * One PyTorch {@code Conv → BatchNorm (eval) → ReLU [→ MaxPool]} block: Won et al.'s {@code Conv_2d},
 * {@code Conv_1d}, and the convolutions of {@code Conv_V} and {@code Conv_H}. A 1-D convolution runs
 * as a 2-D one of height 1.
 *
 * <p>Runs as libnd4j ops ({@code Nd4j.cnn().conv2d} with OIYX weights, {@code maxPooling2d}): the DL4J
 * layer API computes the same maths several times slower. The BatchNorm is folded into the
 * convolution once, at load: it directly follows the convolution, so scaling output channel o's
 * weights and bias by its scale (and adding its shift to the bias) gives the same result with one op
 * less. Stride is 1, padding is zeros; pooling has stride = kernel, no padding, and drops a trailing
 * remainder (PyTorch's floor mode).
 *
 * <p>Immutable and thread-safe ({@link #padded} and {@link #pooled} return new blocks).
 */
final class ConvBlock {

    private final INDArray weight; // [out, in, kH, kW] (OIYX), BN folded in
    private final INDArray bias;   // [out], BN folded in
    private final int padH;
    private final int padW;
    private final int poolH;
    private final int poolW;
    private final Conv2DConfig conv;
    private final Pooling2DConfig pool; // null when the pooling is 1 x 1

    private ConvBlock(INDArray weight, INDArray bias, int padH, int padW, int poolH, int poolW) {
        this.weight = weight;
        this.bias = bias;
        this.padH = padH;
        this.padW = padW;
        this.poolH = poolH;
        this.poolW = poolW;
        conv = Conv2DConfig.builder().kH(kernelHeight()).kW(kernelWidth()).sH(1).sW(1).pH(padH).pW(padW).dH(1).dW(1)
                .paddingMode(PaddingMode.VALID).dataFormat(Conv2DConfig.NCHW).weightsFormat(WeightsFormat.OIYX)
                .build();
        pool = poolH == 1 && poolW == 1 ? null
                : Pooling2DConfig.builder().kH(poolH).kW(poolW).sH(poolH).sW(poolW).pH(0).pW(0).dH(1).dW(1)
                .type(Pooling2D.Pooling2DType.MAX).paddingMode(PaddingMode.VALID).isNHWC(false).build();
    }

    /**
     * The block {@code prefix.conv.{weight,bias}}, {@code prefix.bn.*}, unpadded and unpooled.
     *
     * @param weightShape the expected shape of {@code prefix.conv.weight}: {@code [out, in, kH, kW]} for a
     *                    2-D convolution, {@code [out, in, k]} for a 1-D one; {@link StateDict#ANY} for
     *                    sizes read from the weights
     */
    static ConvBlock fromStateDict(StateDict sd, String prefix, int... weightShape) {
        if (weightShape.length != 3 && weightShape.length != 4) {
            throw new IllegalArgumentException("ConvBlock: weight shape must have rank 3 or 4: "
                    + Arrays.toString(weightShape));
        }
        Tensor w = sd.require(prefix + ".conv.weight", weightShape);
        int out = w.size(0);
        int in = w.size(1);
        int kH = w.rank() == 4 ? w.size(2) : 1;
        int kW = w.size(w.rank() - 1);
        float[] b = sd.require(prefix + ".conv.bias", out).data();
        EvalBatchNorm bn = EvalBatchNorm.fromStateDict(sd, prefix + ".bn", out);
        int perOut = in * kH * kW;
        float[] wf = new float[out * perOut];
        float[] bf = new float[out];
        for (int o = 0; o < out; o++) {
            double scale = bn.scale()[o];
            for (int i = 0; i < perOut; i++) {
                wf[o * perOut + i] = (float) (w.data()[o * perOut + i] * scale);
            }
            bf[o] = (float) (b[o] * scale + bn.shift()[o]);
        }
        Nd4jThreads.prepare();
        return new ConvBlock(Nd4j.create(wf, new long[] {out, in, kH, kW}, 'c'), Nd4j.create(bf, new long[] {out}, 'c'),
                0, 0, 1, 1);
    }

    /** This block with zero padding {@code padH} (height: mel bands) and {@code padW} (width: time) on each side. */
    ConvBlock padded(int padH, int padW) {
        if (padH < 0 || padW < 0) {
            throw new IllegalArgumentException("ConvBlock: negative padding " + padH + " x " + padW);
        }
        return new ConvBlock(weight, bias, padH, padW, poolH, poolW);
    }

    /** This block with PyTorch's {@code padding=k // 2} ("same" size for odd kernels), as {@code Conv_2d}/{@code Conv_1d}. */
    ConvBlock samePadding() {
        return padded(kernelHeight() / 2, kernelWidth() / 2);
    }

    /** This block followed by non-overlapping max pooling {@code poolH x poolW}. */
    ConvBlock pooled(int poolH, int poolW) {
        if (poolH < 1 || poolW < 1) {
            throw new IllegalArgumentException("ConvBlock: bad pooling " + poolH + " x " + poolW);
        }
        return new ConvBlock(weight, bias, padH, padW, poolH, poolW);
    }

    int inChannels() {
        return (int) weight.size(1);
    }

    int outChannels() {
        return (int) weight.size(0);
    }

    /** Kernel height (1 for a 1-D convolution). */
    int kernelHeight() {
        return (int) weight.size(2);
    }

    int kernelWidth() {
        return (int) weight.size(3);
    }

    /**
     * Runs the block.
     *
     * @param nchw float input {@code [n, inChannels, H, W]}; not modified
     * @return a new array {@code [n, outChannels, H', W']}, H' = floor((H + 2 padH − kH + 1) / poolH), same for W
     */
    INDArray apply(INDArray nchw) {
        if (nchw.rank() != 4 || nchw.size(1) != inChannels() || nchw.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("ConvBlock: input must be FLOAT [n, " + inChannels()
                    + ", H, W], got " + nchw.dataType() + " " + Arrays.toString(nchw.shape()));
        }
        Nd4jThreads.prepare();
        INDArray y = Nd4j.cnn().conv2d(nchw, weight, bias, conv);
        Transforms.relu(y, false); // in place
        if (pool == null) {
            return y;
        }
        INDArray pooled = Nd4j.cnn().maxPooling2d(y, pool);
        y.close(); // the conv output is the largest array of the block: free it now, not at GC
        return pooled;
    }

    /** A 1-D block on {@code [n, inChannels, T]} → a new array {@code [n, outChannels, T']} (not a view). */
    INDArray apply1d(INDArray ncw) {
        INDArray y = apply(ncw.reshape(ncw.size(0), ncw.size(1), 1, ncw.size(2)));
        // a reshaped view cannot free its buffer (close() skips views): copy it (small), free y
        INDArray out = y.reshape(y.size(0), y.size(1), y.size(3)).dup();
        y.close();
        return out;
    }
}
