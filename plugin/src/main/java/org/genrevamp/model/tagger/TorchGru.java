package org.genrevamp.model.tagger;

import java.util.Map;

/**
 * A stacked, unidirectional PyTorch {@code nn.GRU} (batch_first, zero initial state) in plain Java
 * loops. It is tiny (32 units), so a loop beats the setup cost of an ND4J op, and ND4J's fused
 * {@code gru} op uses another formula for the candidate: PyTorch computes
 * <pre>
 *   r  = σ(W_ir x + b_ir + W_hr h + b_hr)
 *   z  = σ(W_iz x + b_iz + W_hz h + b_hz)
 *   n  = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))
 *   h' = (1 − z) ⊙ n + z ⊙ h
 * </pre>
 * with the rows of {@code weight_ih_lK}, {@code weight_hh_lK} and the biases ordered (r, z, n).
 * Layer K+1 reads layer K's outputs. Dot products accumulate in double.
 *
 * <p>Immutable and thread-safe.
 */
public final class TorchGru {

    private final int inputSize;
    private final int hiddenSize;
    private final float[][] weightIh; // per layer [3H * in], row-major
    private final float[][] weightHh; // per layer [3H * H]
    private final float[][] biasIh;   // per layer [3H]
    private final float[][] biasHh;

    private TorchGru(int inputSize, int hiddenSize, float[][] weightIh, float[][] weightHh, float[][] biasIh,
                     float[][] biasHh) {
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.weightIh = weightIh;
        this.weightHh = weightHh;
        this.biasIh = biasIh;
        this.biasHh = biasHh;
    }

    /**
     * Reads {@code prefix.{weight_ih,weight_hh,bias_ih,bias_hh}_l0 .. _l(layers-1)}.
     *
     * @throws IllegalArgumentException naming the key of a missing or misshapen tensor
     */
    public static TorchGru fromStateDict(Map<String, Tensor> stateDict, String prefix, int layers, int inputSize,
                                         int hiddenSize) {
        return fromStateDict(new StateDict("TorchGru", stateDict), prefix, layers, inputSize, hiddenSize);
    }

    /** {@link #fromStateDict(Map, String, int, int, int)} of a network's state dict (errors name the network). */
    static TorchGru fromStateDict(StateDict sd, String prefix, int layers, int inputSize, int hiddenSize) {
        if (layers < 1 || inputSize < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException("TorchGru: bad size layers=" + layers + " input=" + inputSize
                    + " hidden=" + hiddenSize);
        }
        float[][] wih = new float[layers][];
        float[][] whh = new float[layers][];
        float[][] bih = new float[layers][];
        float[][] bhh = new float[layers][];
        int gates = 3 * hiddenSize;
        for (int l = 0; l < layers; l++) {
            int in = l == 0 ? inputSize : hiddenSize;
            wih[l] = sd.require(prefix + ".weight_ih_l" + l, gates, in).data().clone();
            whh[l] = sd.require(prefix + ".weight_hh_l" + l, gates, hiddenSize).data().clone();
            bih[l] = sd.require(prefix + ".bias_ih_l" + l, gates).data().clone();
            bhh[l] = sd.require(prefix + ".bias_hh_l" + l, gates).data().clone();
        }
        return new TorchGru(inputSize, hiddenSize, wih, whh, bih, bhh);
    }

    public int inputSize() {
        return inputSize;
    }

    public int hiddenSize() {
        return hiddenSize;
    }

    public int layers() {
        return weightIh.length;
    }

    /**
     * Runs all layers over a sequence.
     *
     * @param x {@code [T][inputSize]}, T >= 1
     * @return the last layer's hidden state at every step, {@code [T][hiddenSize]}
     */
    public float[][] run(float[][] x) {
        return run(x, 0, x.length);
    }

    /** {@link #run(float[][])} over steps {@code [from, to)} of {@code x}, without copying them. */
    public float[][] run(float[][] x, int from, int to) {
        if (from < 0 || to > x.length || to - from < 1) {
            throw new IllegalArgumentException("TorchGru: bad step range [" + from + ", " + to + ") of " + x.length);
        }
        float[][] seq = new float[to - from][];
        for (int t = from; t < to; t++) {
            if (x[t].length != inputSize) {
                throw new IllegalArgumentException("TorchGru: step " + t + " has " + x[t].length + " values, expected "
                        + inputSize);
            }
            seq[t - from] = x[t];
        }
        for (int l = 0; l < weightIh.length; l++) {
            seq = layer(l, seq);
        }
        return seq;
    }

    /** The last layer's hidden state after the last step of {@code x[from, to)}. */
    public float[] last(float[][] x, int from, int to) {
        float[][] out = run(x, from, to);
        return out[out.length - 1];
    }

    private float[][] layer(int l, float[][] seq) {
        int hidden = hiddenSize;
        float[] wih = weightIh[l];
        float[] whh = weightHh[l];
        float[] bih = biasIh[l];
        float[] bhh = biasHh[l];
        int in = seq[0].length;
        float[] h = new float[hidden];
        float[] gi = new float[3 * hidden];
        float[] gh = new float[3 * hidden];
        float[][] out = new float[seq.length][];
        for (int t = 0; t < seq.length; t++) {
            affine(wih, bih, seq[t], in, gi);
            affine(whh, bhh, h, hidden, gh);
            float[] next = new float[hidden];
            for (int j = 0; j < hidden; j++) {
                double r = sigmoid(gi[j] + gh[j]);
                double z = sigmoid(gi[hidden + j] + gh[hidden + j]);
                double n = Math.tanh(gi[2 * hidden + j] + r * gh[2 * hidden + j]);
                next[j] = (float) ((1 - z) * n + z * h[j]);
            }
            h = next;
            out[t] = next;
        }
        return out;
    }

    /** {@code out = W v + b} for row-major W of {@code out.length} rows and {@code n} columns. */
    private static void affine(float[] w, float[] b, float[] v, int n, float[] out) {
        for (int row = 0; row < out.length; row++) {
            double sum = b[row];
            int base = row * n;
            for (int i = 0; i < n; i++) {
                sum += (double) w[base + i] * v[i];
            }
            out[row] = (float) sum;
        }
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
