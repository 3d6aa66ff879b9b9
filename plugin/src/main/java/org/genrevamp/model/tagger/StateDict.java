package org.genrevamp.model.tagger;

import java.util.Arrays;
import java.util.Map;

/**
 * A network's PyTorch state dict, read tensor by tensor with shape checks, so that a bad
 * checkpoint fails at load time with a message that names the network, the key and both shapes.
 */
final class StateDict {

    /** In an expected shape: any size is accepted in this dimension (printed as {@code *}). */
    static final int ANY = -1;

    private final String network;
    private final Map<String, Tensor> tensors;

    StateDict(String network, Map<String, Tensor> tensors) {
        this.network = network;
        this.tensors = tensors;
    }

    /** The network's name, which every error message starts with. */
    String network() {
        return network;
    }

    /**
     * The tensor under {@code key}, which must have the rank of {@code shape} and its sizes
     * ({@link #ANY} matches any size).
     *
     * @throws IllegalArgumentException naming the key when it is missing or has another shape
     */
    Tensor require(String key, int... shape) {
        Tensor tensor = tensors.get(key);
        if (tensor == null) {
            throw invalid("missing tensor '" + key + "' (expected shape " + format(shape) + ")");
        }
        boolean ok = tensor.rank() == shape.length;
        for (int d = 0; ok && d < shape.length; d++) {
            ok = shape[d] == ANY || shape[d] == tensor.size(d);
        }
        if (!ok) {
            throw invalid("tensor '" + key + "' has shape " + Arrays.toString(tensor.shape()) + ", expected "
                    + format(shape));
        }
        return tensor;
    }

    /** An error about this state dict (for checks across tensors), prefixed with the network's name. */
    IllegalArgumentException invalid(String message) {
        return new IllegalArgumentException(network + ": " + message);
    }

    private static String format(int[] shape) {
        return Arrays.toString(shape).replace(String.valueOf(ANY), "*");
    }
}
