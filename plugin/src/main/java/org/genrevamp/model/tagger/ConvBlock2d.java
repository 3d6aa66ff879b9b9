package org.genrevamp.model.tagger;

import java.util.Map;
import org.genrevamp.model.Nd4jThreads;
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
 * One PyTorch {@code Conv2d → BatchNorm2d (eval) → ReLU → MaxPool2d} block (the {@code Conv_2d} of
 * Won et al.'s models), run with libnd4j ops ({@code Nd4j.cnn().conv2d} with OIYX weights,
 * {@code maxPooling2d}): the DL4J layer API computes the same maths about 4x slower.
 *
 * <p>The BatchNorm is folded into the convolution once, here: in eval mode it is the per-channel
 * affine {@code y = (x - mean) / sqrt(var + eps) * gamma + beta}, and since it directly follows the
 * convolution, scaling output channel o's weights and bias gives the same result with one op less.
 * Convolution stride is 1 and padding is zeros; pooling has stride = kernel, no padding, and drops a
 * trailing remainder (PyTorch's floor mode).
 *
 * <p>Immutable and thread-safe (each call allocates its own arrays).
 */
public final class ConvBlock2d {

    /** PyTorch's BatchNorm default. */
    public static final double BN_EPS = 1e-5;

    private final INDArray weight; // [out, in, kH, kW] (OIYX), BN folded in
    private final INDArray bias;   // [out], BN folded in
    private final Conv2DConfig conv;
    private final Pooling2DConfig pool; // null when the pooling is 1x1
    private final int inChannels;
    private final int outChannels;

    /**
     * @param convWeight {@code [out, in, kH, kW]} as in PyTorch
     * @param convBias   {@code [out]}
     * @param bnWeight   BatchNorm gamma {@code [out]}
     * @param bnBias     BatchNorm beta {@code [out]}
     * @param bnMean     BatchNorm running mean {@code [out]}
     * @param bnVar      BatchNorm running variance {@code [out]}
     * @param padH       zero padding on each side in height (the frequency axis here); {@code kH / 2} for "same"
     * @param padW       zero padding on each side in width (time)
     * @param poolH      max-pooling kernel = stride in height (1 = none)
     * @param poolW      max-pooling kernel = stride in width (1 = none)
     * @throws IllegalArgumentException on inconsistent shapes or non-positive pooling
     */
    public ConvBlock2d(Tensor convWeight, Tensor convBias, Tensor bnWeight, Tensor bnBias, Tensor bnMean,
                       Tensor bnVar, int padH, int padW, int poolH, int poolW) {
        if (convWeight == null || convWeight.rank() != 4) {
            throw new IllegalArgumentException("ConvBlock2d: conv weight must be [out, in, kH, kW], got " + convWeight);
        }
        if (padH < 0 || padW < 0 || poolH < 1 || poolW < 1) {
            throw new IllegalArgumentException("ConvBlock2d: bad padding " + padH + "x" + padW + " or pooling "
                    + poolH + "x" + poolW);
        }
        outChannels = convWeight.size(0);
        inChannels = convWeight.size(1);
        int kH = convWeight.size(2);
        int kW = convWeight.size(3);
        StateDicts.checkShape(convBias, "ConvBlock2d conv bias", outChannels);
        StateDicts.checkShape(bnWeight, "ConvBlock2d bn weight", outChannels);
        StateDicts.checkShape(bnBias, "ConvBlock2d bn bias", outChannels);
        StateDicts.checkShape(bnMean, "ConvBlock2d bn running_mean", outChannels);
        StateDicts.checkShape(bnVar, "ConvBlock2d bn running_var", outChannels);

        int perOut = inChannels * kH * kW;
        float[] w = new float[outChannels * perOut];
        float[] b = new float[outChannels];
        for (int o = 0; o < outChannels; o++) {
            double scale = bnWeight.data()[o] / Math.sqrt(bnVar.data()[o] + BN_EPS);
            for (int i = 0; i < perOut; i++) {
                w[o * perOut + i] = (float) (convWeight.data()[o * perOut + i] * scale);
            }
            b[o] = (float) ((convBias.data()[o] - bnMean.data()[o]) * scale + bnBias.data()[o]);
        }
        Nd4jThreads.prepare();
        weight = Nd4j.create(w, new long[] {outChannels, inChannels, kH, kW}, 'c');
        bias = Nd4j.create(b, new long[] {outChannels}, 'c');
        conv = Conv2DConfig.builder().kH(kH).kW(kW).sH(1).sW(1).pH(padH).pW(padW).dH(1).dW(1)
                .paddingMode(PaddingMode.VALID).dataFormat(Conv2DConfig.NCHW).weightsFormat(WeightsFormat.OIYX)
                .build();
        pool = poolH == 1 && poolW == 1 ? null
                : Pooling2DConfig.builder().kH(poolH).kW(poolW).sH(poolH).sW(poolW).pH(0).pW(0).dH(1).dW(1)
                .type(Pooling2D.Pooling2DType.MAX).paddingMode(PaddingMode.VALID).isNHWC(false).build();
    }

    /**
     * The block {@code prefix.conv.{weight,bias}}, {@code prefix.bn.{weight,bias,running_mean,running_var}}
     * of a state dict (Won et al.'s {@code Conv_2d}): kernel {@code k x k}, padding {@code k / 2},
     * square pooling {@code pool x pool}.
     *
     * @throws IllegalArgumentException naming the key of a missing or misshapen tensor
     */
    public static ConvBlock2d fromStateDict(Map<String, Tensor> stateDict, String prefix, int in, int out, int kernel,
                                            int pool) {
        Tensor w = StateDicts.require(stateDict, prefix + ".conv.weight", out, in, kernel, kernel);
        return new ConvBlock2d(w,
                StateDicts.require(stateDict, prefix + ".conv.bias", out),
                StateDicts.require(stateDict, prefix + ".bn.weight", out),
                StateDicts.require(stateDict, prefix + ".bn.bias", out),
                StateDicts.require(stateDict, prefix + ".bn.running_mean", out),
                StateDicts.require(stateDict, prefix + ".bn.running_var", out),
                kernel / 2, kernel / 2, pool, pool);
    }

    public int inChannels() {
        return inChannels;
    }

    public int outChannels() {
        return outChannels;
    }

    /**
     * Runs the block.
     *
     * @param nchw float input {@code [n, inChannels, H, W]}; not modified
     * @return a new array {@code [n, outChannels, H', W']}, H' = floor((H + 2 padH - kH + 1) / poolH), same for W
     */
    public INDArray apply(INDArray nchw) {
        if (nchw.rank() != 4 || nchw.size(1) != inChannels || nchw.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("ConvBlock2d: input must be FLOAT [n, " + inChannels
                    + ", H, W], got " + nchw.dataType() + " " + java.util.Arrays.toString(nchw.shape()));
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
}
