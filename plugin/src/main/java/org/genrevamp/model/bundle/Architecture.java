package org.genrevamp.model.bundle;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The network families a bundle may hold. The id is what {@code bundle.json} and the trainer's
 * command line use.
 */
public enum Architecture {
    /** GTZAN seed: Conv1D(128) / max-pool 3 / Conv1D(128) / global pooling / dense 128 / softmax. */
    CNN("cnn"),
    /** FMA seed: Conv1D stack, LSTM(64) over the pooled sequence, softmax. */
    CRNN("crnn"),
    /** Conv2D branch beside a bidirectional GRU(32) branch, concatenated, softmax. */
    PARALLEL("parallel");

    private final String id;

    Architecture(String id) {
        this.id = id;
    }

    /** Lower-case identifier used in bundle.json and on the command line. */
    public String id() {
        return id;
    }

    /**
     * @throws IllegalArgumentException naming the known ids when {@code id} is not one of them
     */
    public static Architecture fromId(String id) {
        for (Architecture a : values()) {
            if (a.id.equals(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown architecture '" + id + "' (known: "
                + Arrays.stream(values()).map(Architecture::id).collect(Collectors.joining(", ")) + ")");
    }
}
