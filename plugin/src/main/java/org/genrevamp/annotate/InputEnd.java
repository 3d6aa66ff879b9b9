package org.genrevamp.annotate;

/**
 * Where an input delivered in blocks really ends. Hosts zero-pad the last block (up to a block,
 * 0.19 s at 44.1 kHz), so the input ends where the trailing zeros of the last block begin; a file
 * ending in digital silence loses at most that silence within its last block.
 */
public final class InputEnd {

    /** The block (and step) the plugin asks hosts for, in samples; the batch job feeds the same. */
    public static final int HOST_BLOCK = 8192;

    private final int step;
    private long samples;
    private int trailingZeros;

    /** @param step new samples per block, >= 1 */
    public InputEnd(int step) {
        if (step < 1) {
            throw new IllegalArgumentException("step must be >= 1, got " + step);
        }
        this.step = step;
    }

    /** Counts the {@code step} new samples at the start of {@code mono}, the latest block. */
    public void block(float[] mono) {
        samples += step;
        int i = step;
        while (i > 0 && mono[i - 1] == 0f) {
            i--;
        }
        trailingZeros = step - i;
    }

    /** Length of the input in seconds at {@code sampleRate} Hz. */
    public double seconds(double sampleRate) {
        return (samples - Math.min(trailingZeros, step - 1)) / sampleRate;
    }

    public void reset() {
        samples = 0;
        trailingZeros = 0;
    }
}
