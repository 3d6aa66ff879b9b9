package org.genrevamp.vamp;

import java.util.Objects;

/**
 * One result of an output (Vamp::Plugin::Feature).
 *
 * @param timestamp when the feature occurs, or {@code null} when the output's sample type places it
 * @param duration  how long it lasts, or {@code null} for none
 * @param values    the values, binCount of them for outputs with a fixed bin count; not copied
 * @param label     a label, or {@code null}
 */
public record Feature(RealTime timestamp, RealTime duration, float[] values, String label) {

    public Feature {
        Objects.requireNonNull(values, "values");
    }

    /** A feature placed by the output's sample type, without duration or label. */
    public static Feature of(float... values) {
        return new Feature(null, null, values, null);
    }

    /** A feature at {@code timestamp}, without duration or label. */
    public static Feature at(RealTime timestamp, float... values) {
        return new Feature(timestamp, null, values, null);
    }
}
