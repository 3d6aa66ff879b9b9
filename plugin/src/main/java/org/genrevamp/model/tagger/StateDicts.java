package org.genrevamp.model.tagger;

import java.util.Arrays;
import java.util.Map;

/** Looks up state-dict tensors by key, checking their shape, with messages that name the key. */
final class StateDicts {

    private StateDicts() {
    }

    /**
     * The tensor under {@code key}, which must have exactly {@code expected} as its shape.
     *
     * @throws IllegalArgumentException naming the key when it is absent or has another shape
     */
    static Tensor require(Map<String, Tensor> stateDict, String key, int... expected) {
        Tensor tensor = stateDict.get(key);
        if (tensor == null) {
            throw new IllegalArgumentException("state dict: missing tensor '" + key + "' (expected shape "
                    + Arrays.toString(expected) + ")");
        }
        if (!Arrays.equals(tensor.shape(), expected)) {
            throw new IllegalArgumentException("state dict: tensor '" + key + "' has shape "
                    + Arrays.toString(tensor.shape()) + ", expected " + Arrays.toString(expected));
        }
        return tensor;
    }

    /** Checks a tensor given directly (not looked up), naming it by {@code what}. */
    static void checkShape(Tensor tensor, String what, int... expected) {
        if (tensor == null) {
            throw new IllegalArgumentException(what + ": tensor missing (expected shape " + Arrays.toString(expected) + ")");
        }
        if (!Arrays.equals(tensor.shape(), expected)) {
            throw new IllegalArgumentException(what + ": shape " + Arrays.toString(tensor.shape()) + ", expected "
                    + Arrays.toString(expected));
        }
    }
}
