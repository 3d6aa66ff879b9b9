package org.genrevamp.vamp;

/** How the features of an output are placed in time (VampSampleType). */
public enum SampleType {
    /** One result per process block, at the block's timestamp. */
    ONE_SAMPLE_PER_STEP,
    /** Results evenly spaced at {@link OutputDescriptor#sampleRate()} Hz. */
    FIXED_SAMPLE_RATE,
    /** Each result carries its own timestamp. */
    VARIABLE_SAMPLE_RATE
}
