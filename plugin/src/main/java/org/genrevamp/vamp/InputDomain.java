package org.genrevamp.vamp;

/** What {@link Plugin#process} receives: raw samples, or the host's FFT of each windowed block. */
public enum InputDomain {
    /** Each channel holds blockSize samples. */
    TIME_DOMAIN,
    /** Each channel holds blockSize/2+1 interleaved (re, im) pairs from a Hann-windowed FFT. */
    FREQUENCY_DOMAIN
}
