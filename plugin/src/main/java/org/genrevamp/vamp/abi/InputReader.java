package org.genrevamp.vamp.abi;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * Copies the host's {@code const float *const *inputBuffers} into arrays allocated once, so that
 * process() allocates nothing per block. Not thread-safe: one per plugin instance.
 */
final class InputReader {

    private final float[][] buffers;
    private final Pointer cursor = new Pointer(0);   // re-aimed at each channel, never dereferenced at 0

    /**
     * @param channels       channel count given to initialise
     * @param floatsPerChannel blockSize (time domain) or blockSize + 2 (frequency domain)
     */
    InputReader(int channels, int floatsPerChannel) {
        buffers = new float[channels][floatsPerChannel];
    }

    /** @return the copied channels; overwritten by the next call */
    float[][] read(Pointer inputBuffers) {
        if (inputBuffers == null) {
            throw new IllegalArgumentException("inputBuffers is NULL");
        }
        for (int c = 0; c < buffers.length; c++) {
            long channel = Native.POINTER_SIZE == 8
                    ? inputBuffers.getLong((long) c * 8) : inputBuffers.getInt((long) c * 4) & 0xffffffffL;
            if (channel == 0) {
                throw new IllegalArgumentException("inputBuffers[" + c + "] is NULL");
            }
            Pointer.nativeValue(cursor, channel);
            cursor.read(0, buffers[c], 0, buffers[c].length);
        }
        return buffers;
    }
}
