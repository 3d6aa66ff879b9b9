package org.genrevamp.trainer.dataset;

import java.util.Locale;

/** The sides of a train/validation/test split. */
public enum SplitPart {
    TRAIN, VALIDATION, TEST;

    /** FMA's {@code set.split} values: training, validation, test. */
    public static SplitPart ofOfficial(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "training", "train" -> TRAIN;
            case "validation", "val" -> VALIDATION;
            case "test" -> TEST;
            default -> throw new IllegalArgumentException("unknown split value '" + value + "'");
        };
    }
}
