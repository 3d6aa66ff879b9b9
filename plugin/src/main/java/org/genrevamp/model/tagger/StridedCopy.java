package org.genrevamp.model.tagger;

/** Copies a strided view of a storage into a contiguous row-major array. */
final class StridedCopy {

    private StridedCopy() {
    }

    /**
     * @param n element count of the view (product of {@code size}); the caller has checked that every
     *          index {@code offset + sum(i_d * stride_d)} lies inside {@code storage}
     */
    static float[] copy(float[] storage, long offset, long[] size, long[] stride, int n) {
        float[] out = new float[n];
        if (n == 0) {
            return out;
        }
        int rank = size.length;
        long[] index = new long[rank];
        long at = offset;
        for (int i = 0; i < n; i++) {
            out[i] = storage[(int) at];
            // odometer: advance the last dimension, carrying into earlier ones
            for (int d = rank - 1; d >= 0; d--) {
                if (++index[d] < size[d]) {
                    at += stride[d];
                    break;
                }
                at -= (size[d] - 1) * stride[d];
                index[d] = 0;
            }
        }
        return out;
    }
}
