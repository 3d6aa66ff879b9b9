package org.genrevamp.model.transfer;

/**
 * The genre head of a transfer model: standardises a backbone feature vector with the training
 * split's mean and standard deviation, then either a linear softmax (logistic regression) or one
 * hidden ReLU layer followed by a softmax (a small MLP; its dropout acts only in training).
 * Plain float arithmetic: a head is a few thousand weights, far too small for ND4J to pay off.
 * Immutable and thread-safe.
 */
public final class GenreHead {

    private final float[] mean;
    private final float[] std;
    private final float[][] hiddenWeights;   // [hidden][features], null for a linear head
    private final float[] hiddenBias;
    private final float[][] outputWeights;   // [classes][hidden or features]
    private final float[] outputBias;

    /**
     * @param mean          per-feature mean fitted on the training split
     * @param std           per-feature standard deviation (> 0) fitted on the training split
     * @param hiddenWeights {@code [hidden][features]}, or null for a linear head
     * @param hiddenBias    {@code [hidden]}, or null for a linear head
     * @param outputWeights {@code [classes][hidden or features]}, classes >= 2
     * @param outputBias    {@code [classes]}
     * @throws IllegalArgumentException on inconsistent shapes, non-positive std or non-finite values
     */
    public GenreHead(float[] mean, float[] std, float[][] hiddenWeights, float[] hiddenBias,
                     float[][] outputWeights, float[] outputBias) {
        require(mean != null && std != null && mean.length == std.length && mean.length > 0,
                "mean and std must have the same non-zero length");
        require((hiddenWeights == null) == (hiddenBias == null), "hidden weights and bias come together");
        int width = mean.length;
        if (hiddenWeights != null) {
            require(hiddenWeights.length == hiddenBias.length && hiddenWeights.length > 0, "hidden bias length mismatch");
            checkMatrix(hiddenWeights, width, "hidden weights");
            width = hiddenWeights.length;
        }
        require(outputWeights != null && outputBias != null && outputWeights.length == outputBias.length
                && outputWeights.length >= 2, "need >= 2 classes with one bias each");
        checkMatrix(outputWeights, width, "output weights");
        for (int i = 0; i < std.length; i++) {
            require(std[i] > 0 && Float.isFinite(std[i]) && Float.isFinite(mean[i]), "std[" + i + "] must be > 0 and finite");
        }
        this.mean = mean.clone();
        this.std = std.clone();
        this.hiddenWeights = hiddenWeights == null ? null : deepCopy(hiddenWeights);
        this.hiddenBias = hiddenBias == null ? null : hiddenBias.clone();
        this.outputWeights = deepCopy(outputWeights);
        this.outputBias = outputBias.clone();
    }

    /** Length of the feature vectors the head takes. */
    public int featureSize() {
        return mean.length;
    }

    /** Number of classes. */
    public int classes() {
        return outputBias.length;
    }

    /** Hidden units, 0 for a linear head. */
    public int hiddenSize() {
        return hiddenBias == null ? 0 : hiddenBias.length;
    }

    /**
     * @param features {@link #featureSize()} finite values
     * @return class probabilities (softmax), summing to 1 within float rounding
     * @throws IllegalArgumentException on a wrong length
     */
    public float[] probabilities(float[] features) {
        require(features != null && features.length == mean.length,
                "features must have " + mean.length + " values, got " + (features == null ? "null" : features.length));
        float[] x = new float[mean.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (features[i] - mean[i]) / std[i];
        }
        if (hiddenWeights != null) {
            x = relu(affine(hiddenWeights, hiddenBias, x));
        }
        return softmax(affine(outputWeights, outputBias, x));
    }

    /** {@code w x + b}. */
    public static float[] affine(float[][] w, float[] b, float[] x) {
        float[] y = new float[b.length];
        for (int o = 0; o < y.length; o++) {
            double s = b[o];
            float[] row = w[o];
            for (int i = 0; i < x.length; i++) {
                s += row[i] * x[i];
            }
            y[o] = (float) s;
        }
        return y;
    }

    /** In-place ReLU; returns {@code x}. */
    public static float[] relu(float[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.max(0f, x[i]);
        }
        return x;
    }

    /** In-place numerically stable softmax; returns {@code z}. */
    public static float[] softmax(float[] z) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) Math.exp(z[i] - max);
            sum += z[i];
        }
        for (int i = 0; i < z.length; i++) {
            z[i] /= sum;
        }
        return z;
    }

    public float[] mean() { return mean.clone(); }
    public float[] std() { return std.clone(); }
    public float[][] hiddenWeights() { return hiddenWeights == null ? null : deepCopy(hiddenWeights); }
    public float[] hiddenBias() { return hiddenBias == null ? null : hiddenBias.clone(); }
    public float[][] outputWeights() { return deepCopy(outputWeights); }
    public float[] outputBias() { return outputBias.clone(); }

    private static void checkMatrix(float[][] m, int columns, String name) {
        for (int r = 0; r < m.length; r++) {
            require(m[r] != null && m[r].length == columns, name + " row " + r + " must have " + columns + " values");
            for (float v : m[r]) {
                require(Float.isFinite(v), name + " row " + r + " holds a non-finite value");
            }
        }
    }

    private static float[][] deepCopy(float[][] m) {
        float[][] c = new float[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("GenreHead: " + message);
        }
    }
}
