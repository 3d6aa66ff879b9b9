package org.genrevamp.dsp;

/**
 * Receives log-mel frames from a {@link MelStream} in frame order.
 *
 * <p>The {@code melDb} array (length {@code melBands}, values in dB) is reused by the stream after
 * {@code accept} returns: copy it if you keep it.
 */
@FunctionalInterface
public interface FrameSink {
    /**
     * @param frameIndex index k of the frame, counted from 0 at the start of the stream; the frame is
     *                   centred on (or, when not centred, starts at) sample {@code round(k * hop)}
     * @param melDb      log-mel values in dB, length {@code melBands}; reused after return
     */
    void accept(long frameIndex, float[] melDb);
}
