package org.genrevamp.model.tagger;

import java.util.Arrays;

/**
 * One tensor of a PyTorch state dict, copied out as a contiguous row-major float32 array
 * (views with strides and offsets are materialised; int64 tensors such as BatchNorm's
 * {@code num_batches_tracked} are converted to float).
 *
 * @param shape sizes per dimension (empty for a scalar)
 * @param data  {@code product(shape)} values in row-major (C) order
 */
public record Tensor(int[] shape, float[] data) {

    public Tensor {
        long n = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("Tensor: negative size in shape " + Arrays.toString(shape));
            }
            n *= s;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("Tensor: shape " + Arrays.toString(shape) + " holds " + n
                    + " values, data has " + data.length);
        }
        shape = shape.clone();
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** Size of dimension {@code d}. */
    public int size(int d) {
        return shape[d];
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape);
    }
}
