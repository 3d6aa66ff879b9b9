package org.genrevamp.model.tagger;

import java.util.Arrays;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Shared pieces of the FCN and Musicnn taggers: state-dict validation, eval-mode BatchNorm
 * folding, and the few libnd4j ops they run (conv2d, max pooling, linear). Convolutions run as
 * direct libnd4j ops, not DL4J layers (the layer API's convolution path is several times slower).
 */
final class TaggerOps {

    /** PyTorch's BatchNorm default epsilon, used by every BatchNorm of these networks. */
    static final double BN_EPS = 1e-5;

    private TaggerOps() {
    }

    /**
     * The tensor {@code name}, checked against {@code shape}; a negative entry accepts any size.
     *
     * @throws IllegalArgumentException when the key is missing or the shape differs
     */
    static Tensor require(Map<String, Tensor> stateDict, String network, String name, int... shape) {
        Tensor t = stateDict.get(name);
        if (t == null) {
            throw new IllegalArgumentException(network + ": state dict has no tensor '" + name + "'");
        }
        boolean ok = t.rank() == shape.length;
        for (int d = 0; ok && d < shape.length; d++) {
            ok = shape[d] < 0 || shape[d] == t.size(d);
        }
        if (!ok) {
            throw new IllegalArgumentException(network + ": tensor '" + name + "' has shape "
                    + Arrays.toString(t.shape()) + ", expected " + Arrays.toString(shape).replace("-1", "*"));
        }
        return t;
    }

    /**
     * Eval-mode BatchNorm {@code prefix.{weight,bias,running_mean,running_var}} over {@code channels}
     * as a per-channel affine map y = scale·x + shift (computed in double, then rounded once).
     *
     * @return {@code {scale, shift}}
     */
    static float[][] batchNorm(Map<String, Tensor> sd, String network, String prefix, int channels) {
        float[] gamma = require(sd, network, prefix + ".weight", channels).data();
        float[] beta = require(sd, network, prefix + ".bias", channels).data();
        float[] mean = require(sd, network, prefix + ".running_mean", channels).data();
        float[] var = require(sd, network, prefix + ".running_var", channels).data();
        float[] scale = new float[channels];
        float[] shift = new float[channels];
        for (int c = 0; c < channels; c++) {
            double s = gamma[c] / Math.sqrt(var[c] + BN_EPS);
            scale[c] = (float) s;
            shift[c] = (float) (beta[c] - mean[c] * s);
        }
        return new float[][] {scale, shift};
    }

    /**
     * A convolution with the BatchNorm that follows it folded in (BN(conv(x)) = conv'(x) with
     * W' = scale·W and b' = scale·b + shift per output channel), and ReLU applied after it.
     * 1-D convolutions run as 2-D ones of height 1. Zero padding: {@code padH}, {@code padW}.
     */
    record ConvBnRelu(INDArray weights, INDArray bias, int kH, int kW, int padH, int padW) {

        /**
         * Reads {@code prefix.conv.{weight,bias}} (rank 4 OIYX or rank 3 [out][in][k]) and
         * {@code prefix.bn.*}; checks the input channel count and, for 2-D, the kernel size when given.
         */
        static ConvBnRelu fold(Map<String, Tensor> sd, String network, String prefix, int inChannels,
                               int kH, int kW, int padH, int padW, boolean oneD) {
            Tensor w = oneD
                    ? require(sd, network, prefix + ".conv.weight", -1, inChannels, kW)
                    : require(sd, network, prefix + ".conv.weight", -1, inChannels, kH, kW);
            int out = w.size(0);
            float[] b = require(sd, network, prefix + ".conv.bias", out).data();
            float[][] bn = batchNorm(sd, network, prefix + ".bn", out);
            int perOut = inChannels * kH * kW;
            float[] wf = new float[out * perOut];
            float[] bf = new float[out];
            for (int o = 0; o < out; o++) {
                double s = bn[0][o];
                for (int i = 0; i < perOut; i++) {
                    wf[o * perOut + i] = (float) (w.data()[o * perOut + i] * s);
                }
                bf[o] = (float) (b[o] * s + bn[1][o]);
            }
            return new ConvBnRelu(Nd4j.create(wf, new long[] {out, inChannels, kH, kW}),
                    Nd4j.create(bf, new long[] {out}), kH, kW, padH, padW);
        }

        int outChannels() {
            return (int) weights.size(0);
        }

        /** {@code x} NCHW → relu(conv(x)), NCHW. */
        INDArray apply(INDArray x) {
            Conv2DConfig cfg = Conv2DConfig.builder().kH(kH).kW(kW).sH(1).sW(1).pH(padH).pW(padW).dH(1).dW(1)
                    .paddingMode(PaddingMode.VALID).dataFormat("NCHW").weightsFormat(WeightsFormat.OIYX).build();
            return Transforms.relu(Nd4j.cnn().conv2d(x, weights, bias, cfg), false);
        }

        /** {@code x} [N][C][T] → relu(conv1d(x)), [N][out][T'] (for weights of height 1). */
        INDArray apply1d(INDArray x) {
            INDArray y = apply(x.reshape(x.size(0), x.size(1), 1, x.size(2)));
            return y.reshape(y.size(0), y.size(1), y.size(3));
        }
    }

    /** Non-overlapping max pooling (stride = kernel, no padding; odd remainders dropped, as PyTorch floors). */
    static INDArray maxPool(INDArray x, int kH, int kW) {
        Pooling2DConfig cfg = Pooling2DConfig.builder().kH(kH).kW(kW).sH(kH).sW(kW).pH(0).pW(0).dH(1).dW(1)
                .paddingMode(PaddingMode.VALID).isNHWC(false).build();
        return Nd4j.cnn().maxPooling2d(x, cfg);
    }

    /**
     * A linear layer {@code y = x·Wᵀ + b}, optionally with an eval-mode BatchNorm1d folded in.
     *
     * @param weightsT {@code [in][out]}
     */
    record Linear(INDArray weightsT, INDArray bias) {

        /** Reads {@code name.weight} [out][in] and {@code name.bias}; folds {@code bnPrefix} when non-null. */
        static Linear fold(Map<String, Tensor> sd, String network, String name, int in, String bnPrefix) {
            Tensor w = require(sd, network, name + ".weight", -1, in);
            int out = w.size(0);
            float[] b = require(sd, network, name + ".bias", out).data();
            float[][] bn = bnPrefix == null ? null : batchNorm(sd, network, bnPrefix, out);
            float[] wt = new float[in * out];
            float[] bf = new float[out];
            for (int o = 0; o < out; o++) {
                double s = bn == null ? 1 : bn[0][o];
                for (int i = 0; i < in; i++) {
                    wt[i * out + o] = (float) (w.data()[o * in + i] * s);
                }
                bf[o] = (float) (bn == null ? b[o] : b[o] * s + bn[1][o]);
            }
            return new Linear(Nd4j.create(wt, new long[] {in, out}), Nd4j.create(bf, new long[] {1, out}));
        }

        int outFeatures() {
            return (int) weightsT.size(1);
        }

        /** {@code x} [N][in] → [N][out]. */
        INDArray apply(INDArray x) {
            return x.mmul(weightsT).addiRowVector(bias);
        }
    }

    /**
     * Spectrogram windows [n][frames][bands] as an NCHW array [n][1][bands][frames] (PyTorch's
     * layout: mel bands are the height, time the width), after the network's input BatchNorm
     * (a scalar affine map; applied here rather than folded into the first convolution because
     * that convolution zero-pads the normalised input).
     *
     * @throws IllegalArgumentException on ragged or wrongly sized windows or non-finite values
     */
    static INDArray spectrogramInput(String network, float[][][] windows, int frames, int bands,
                                     float bnScale, float bnShift) {
        if (windows == null || windows.length == 0) {
            throw new IllegalArgumentException(network + ": no windows");
        }
        float[] data = new float[windows.length * bands * frames];
        for (int n = 0; n < windows.length; n++) {
            float[][] w = windows[n];
            if (w == null || w.length != frames) {
                throw new IllegalArgumentException(network + ": window " + n + " has "
                        + (w == null ? "no" : String.valueOf(w.length)) + " frames, expected " + frames);
            }
            for (int t = 0; t < frames; t++) {
                if (w[t] == null || w[t].length != bands) {
                    throw new IllegalArgumentException(network + ": window " + n + " frame " + t + " has "
                            + (w[t] == null ? "no" : String.valueOf(w[t].length)) + " bands, expected " + bands);
                }
                for (int m = 0; m < bands; m++) {
                    float v = w[t][m];
                    if (!Float.isFinite(v)) {
                        throw new IllegalArgumentException(network + ": window " + n + " frame " + t
                                + " band " + m + " is not finite: " + v);
                    }
                    data[(n * bands + m) * frames + t] = v * bnScale + bnShift;
                }
            }
        }
        return Nd4j.create(data, new long[] {windows.length, 1, bands, frames});
    }

    /** The scalar input BatchNorm {@code spec_bn} as {scale, shift}. */
    static float[] specBn(Map<String, Tensor> sd, String network) {
        float[][] bn = batchNorm(sd, network, "spec_bn", 1);
        return new float[] {bn[0][0], bn[1][0]};
    }

    /** Row {@code n} of a [N][k] array as a Java array. */
    static float[] row(INDArray x, int n) {
        return x.getRow(n).dup().toFloatVector();
    }
}
