package org.genrevamp.model.tagger;

/**
 * An eval-mode BatchNorm as the per-channel affine map it is: {@code y = scale·x + shift} with
 * {@code scale = gamma / sqrt(running_var + eps)} and {@code shift = beta − running_mean·scale},
 * kept in double so that folding it into the layer before it rounds to float only once.
 */
record EvalBatchNorm(double[] scale, double[] shift) {

    /** PyTorch's BatchNorm default epsilon, used by every BatchNorm of these networks. */
    static final double EPS = 1e-5;

    /** Reads {@code prefix.{weight,bias,running_mean,running_var}}, each {@code [channels]}. */
    static EvalBatchNorm fromStateDict(StateDict sd, String prefix, int channels) {
        float[] gamma = sd.require(prefix + ".weight", channels).data();
        float[] beta = sd.require(prefix + ".bias", channels).data();
        float[] mean = sd.require(prefix + ".running_mean", channels).data();
        float[] var = sd.require(prefix + ".running_var", channels).data();
        double[] scale = new double[channels];
        double[] shift = new double[channels];
        for (int c = 0; c < channels; c++) {
            scale[c] = gamma[c] / Math.sqrt(var[c] + EPS);
            shift[c] = beta[c] - mean[c] * scale[c];
        }
        return new EvalBatchNorm(scale, shift);
    }
}
