package org.genrevamp.model.tagger;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A PyTorch {@code nn.Linear}, {@code y = x·Wᵀ + b}, optionally with the eval-mode BatchNorm1d that
 * follows it folded in (Musicnn's {@code dense1 → bn}).
 *
 * @param weightsT {@code [in][out]}, transposed once at load so that a forward pass is one mmul
 * @param bias     {@code [1][out]}
 */
record Linear(INDArray weightsT, INDArray bias) {

    /** Reads {@code name.weight} [out][in] and {@code name.bias}; folds BatchNorm {@code bnPrefix} when non-null. */
    static Linear fromStateDict(StateDict sd, String name, int in, String bnPrefix) {
        Tensor w = sd.require(name + ".weight", StateDict.ANY, in);
        int out = w.size(0);
        float[] b = sd.require(name + ".bias", out).data();
        EvalBatchNorm bn = bnPrefix == null ? null : EvalBatchNorm.fromStateDict(sd, bnPrefix, out);
        float[] wt = new float[in * out];
        float[] bf = new float[out];
        for (int o = 0; o < out; o++) {
            double scale = bn == null ? 1 : bn.scale()[o];
            for (int i = 0; i < in; i++) {
                wt[i * out + o] = (float) (w.data()[o * in + i] * scale);
            }
            bf[o] = (float) (bn == null ? b[o] : b[o] * scale + bn.shift()[o]);
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
