package org.genrevamp.trainer.transfer;

import java.util.Random;
import org.genrevamp.model.transfer.GenreHead;

/**
 * Trains a {@link GenreHead} on backbone features: standardisation fitted on the training rows, then
 * a softmax layer (logistic regression, {@code hidden = 0}) or one hidden ReLU layer with dropout
 * (a small MLP), by full-batch Adam on cross-entropy plus L2 weight decay. Seeded: the same rows and
 * settings give the same head.
 *
 * @param hidden   hidden units, 0 for logistic regression
 * @param dropout  share of hidden units dropped per step (MLP only), in [0, 1)
 * @param l2       weight decay on the weights (not the biases), >= 0
 * @param epochs   full-batch Adam steps, >= 1
 * @param learningRate Adam step size
 * @param seed     initialisation and dropout seed
 */
public record HeadTrainer(int hidden, double dropout, double l2, int epochs, double learningRate, long seed) {

    public HeadTrainer {
        if (hidden < 0 || dropout < 0 || dropout >= 1 || l2 < 0 || epochs < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("HeadTrainer: need hidden >= 0, 0 <= dropout < 1, l2 >= 0, epochs >= 1,"
                    + " learningRate > 0");
        }
    }

    /** How reports name this recipe, e.g. {@code linear l2=0.01} or {@code mlp128 dropout 0.5 l2=0.1}. */
    public String describe() {
        return (hidden == 0 ? "linear" : "mlp" + hidden + " dropout " + dropout) + " l2=" + l2;
    }

    /**
     * @param x       {@code [n][d]} feature rows, n >= 1
     * @param y       class index per row in [0, classes)
     * @param classes number of classes, >= 2
     */
    public GenreHead train(float[][] x, int[] y, int classes) {
        int n = x.length;
        int d = x[0].length;
        float[] mean = new float[d];
        float[] std = new float[d];
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                std[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            std[j] = (float) Math.max(Math.sqrt(std[j]), 1e-4);   // constant features stay finite
        }
        float[][] z = new float[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (x[i][j] - mean[j]) / std[j];
            }
        }
        Random random = new Random(seed);
        int width = hidden > 0 ? hidden : d;
        Layer first = hidden > 0 ? new Layer(hidden, d, random) : null;
        Layer out = new Layer(classes, width, random);
        for (int epoch = 1; epoch <= epochs; epoch++) {
            step(z, y, first, out, random, epoch);
        }
        return hidden > 0
                ? new GenreHead(mean, std, first.w, first.b, out.w, out.b)
                : new GenreHead(mean, std, null, null, out.w, out.b);
    }

    /** One full-batch forward/backward pass and Adam update. */
    private void step(float[][] z, int[] y, Layer first, Layer out, Random random, int t) {
        int n = z.length;
        if (first != null) {
            first.zeroGrad();
        }
        out.zeroGrad();
        double keep = 1 - dropout;
        for (int i = 0; i < n; i++) {
            float[] h = z[i];
            boolean[] dropped = null;
            if (first != null) {
                h = GenreHead.affine(first.w, first.b, z[i]);
                dropped = new boolean[h.length];
                for (int k = 0; k < h.length; k++) {
                    dropped[k] = dropout > 0 && random.nextDouble() < dropout;
                    h[k] = h[k] > 0 && !dropped[k] ? (float) (h[k] / keep) : 0f;   // inverted dropout
                }
            }
            float[] p = GenreHead.softmax(GenreHead.affine(out.w, out.b, h));
            p[y[i]] -= 1f;   // dL/dlogits of cross-entropy, per example
            float[] dh = first == null ? null : new float[h.length];
            for (int c = 0; c < p.length; c++) {
                float g = p[c] / n;
                out.gb[c] += g;
                for (int k = 0; k < h.length; k++) {
                    out.gw[c][k] += g * h[k];
                    if (dh != null) {
                        dh[k] += g * out.w[c][k];
                    }
                }
            }
            if (first != null) {
                for (int k = 0; k < dh.length; k++) {
                    if (h[k] <= 0) {
                        continue;   // ReLU or dropout blocked this unit
                    }
                    float g = (float) (dh[k] / keep);
                    first.gb[k] += g;
                    for (int j = 0; j < z[i].length; j++) {
                        first.gw[k][j] += g * z[i][j];
                    }
                }
            }
        }
        if (first != null) {
            first.adam(learningRate, l2, t);
        }
        out.adam(learningRate, l2, t);
    }

    /** Weights, gradients and Adam moments of one dense layer. */
    private static final class Layer {
        final float[][] w, gw, mw, vw;
        final float[] b, gb, mb, vb;

        Layer(int outputs, int inputs, Random random) {
            w = new float[outputs][inputs];
            gw = new float[outputs][inputs];
            mw = new float[outputs][inputs];
            vw = new float[outputs][inputs];
            b = new float[outputs];
            gb = new float[outputs];
            mb = new float[outputs];
            vb = new float[outputs];
            double scale = Math.sqrt(2.0 / (inputs + outputs));   // Glorot normal
            for (float[] row : w) {
                for (int j = 0; j < inputs; j++) {
                    row[j] = (float) (random.nextGaussian() * scale);
                }
            }
        }

        void zeroGrad() {
            for (float[] row : gw) {
                java.util.Arrays.fill(row, 0f);
            }
            java.util.Arrays.fill(gb, 0f);
        }

        void adam(double lr, double l2, int t) {
            double c1 = 1 - Math.pow(0.9, t);
            double c2 = 1 - Math.pow(0.999, t);
            for (int o = 0; o < w.length; o++) {
                for (int j = 0; j < w[o].length; j++) {
                    double g = gw[o][j] + l2 * w[o][j];
                    mw[o][j] = (float) (0.9 * mw[o][j] + 0.1 * g);
                    vw[o][j] = (float) (0.999 * vw[o][j] + 0.001 * g * g);
                    w[o][j] -= (float) (lr * (mw[o][j] / c1) / (Math.sqrt(vw[o][j] / c2) + 1e-8));
                }
                double g = gb[o];
                mb[o] = (float) (0.9 * mb[o] + 0.1 * g);
                vb[o] = (float) (0.999 * vb[o] + 0.001 * g * g);
                b[o] -= (float) (lr * (mb[o] / c1) / (Math.sqrt(vb[o] / c2) + 1e-8));
            }
        }
    }
}
