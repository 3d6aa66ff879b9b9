package org.genrevamp.vamp;

import java.util.List;
import org.genrevamp.dsp.MelConfig;

/**
 * One or more outputs of {@link GenrePlugin} computed from its stream of log-mel frames. The plugin
 * numbers the outputs of all its FrameOutputs consecutively; {@code firstOutput} is where this one's
 * begin. Adding an output to the plugin means adding a FrameOutput to its list.
 */
interface FrameOutput {

    /** Descriptors of this object's outputs; cheap, callable before {@link #start} (hosts list them). */
    List<OutputDescriptor> descriptors();

    /**
     * Prepares for a new signal; heavy set-up (models) belongs here.
     *
     * @param config     the spectrogram configuration of the frames
     * @param sampleRate input sample rate in Hz
     */
    void start(MelConfig config, double sampleRate);

    /**
     * Takes frame {@code index} (centred on {@code index * config.hopSeconds()} s).
     *
     * @param melDb log-mel values in dB, melBands of them; reused after return
     */
    void frame(long index, float[] melDb, FeatureSet out, int firstOutput);

    /**
     * The input has ended: emit what only the end makes available.
     *
     * @param durationSeconds length of the input in seconds (samples received / sample rate)
     */
    void finish(FeatureSet out, int firstOutput, double durationSeconds);

    /** Forgets the signal, as after {@link #start}. */
    void reset();

    /** The plugin instance is deleted, perhaps mid-run: end the work this object runs on other threads. */
    default void close() {
    }
}
