package org.genrevamp.vamp;

import java.util.List;

/**
 * A Vamp plugin written in Java: the lifecycle of Vamp::Plugin, one method per call.
 *
 * <ol>
 *   <li>The host constructs the plugin with the input sample rate. Construction must be cheap:
 *       hosts construct plugins just to list them.</li>
 *   <li>It reads metadata, parameter and output descriptors, and the preferred block and step
 *       sizes, and may call {@link #setParameter} / {@link #selectProgram}.</li>
 *   <li>It calls {@link #initialise} once with the channel count, step and block size; the plugin
 *       builds its buffers and models here and returns false when it cannot honour them.</li>
 *   <li>It calls {@link #process} once per block, with timestamps advancing by step, then
 *       {@link #getRemainingFeatures} once. {@link #reset} returns to the state after initialise.</li>
 * </ol>
 * Output descriptors may be asked for before and after {@link #initialise}. Implementations need not be
 * thread-safe: hosts use one instance from one thread at a time.
 */
public abstract class Plugin {

    /** Sample rate of the input in Hz, as given at construction. */
    protected final float inputSampleRate;

    protected Plugin(float inputSampleRate) {
        this.inputSampleRate = inputSampleRate;
    }

    /** Computer-usable name, [a-zA-Z0-9_-]+, never changes. */
    public abstract String getIdentifier();

    public abstract String getName();

    public abstract String getDescription();

    public abstract String getMaker();

    public abstract String getCopyright();

    public abstract int getPluginVersion();

    public abstract InputDomain getInputDomain();

    public List<ParameterDescriptor> getParameterDescriptors() {
        return List.of();
    }

    /** Value of parameter {@code identifier}; 0 for unknown identifiers. */
    public float getParameter(String identifier) {
        return 0f;
    }

    /** Sets a parameter before {@link #initialise}; unknown identifiers are ignored. */
    public void setParameter(String identifier, float value) {
    }

    public List<String> getPrograms() {
        return List.of();
    }

    public String getCurrentProgram() {
        return "";
    }

    public void selectProgram(String program) {
    }

    /** Preferred block size in samples, or 0 for no preference. */
    public int getPreferredBlockSize() {
        return 0;
    }

    /** Preferred step in samples, or 0 for no preference (= block size in the time domain). */
    public int getPreferredStepSize() {
        return 0;
    }

    public int getMinChannelCount() {
        return 1;
    }

    public int getMaxChannelCount() {
        return 1;
    }

    public abstract List<OutputDescriptor> getOutputDescriptors();

    /**
     * Prepares for processing.
     *
     * @param channels  input channels, within [min, max] channel count
     * @param stepSize  samples between the starts of consecutive blocks
     * @param blockSize samples per block (time domain) or FFT size (frequency domain)
     * @return false when these cannot be honoured (the reason goes to stderr)
     */
    public abstract boolean initialise(int channels, int stepSize, int blockSize);

    /** Returns to the state just after {@link #initialise}, forgetting all input. */
    public abstract void reset();

    /**
     * The host has deleted the instance (its {@code cleanup}), perhaps mid-run: end any work this instance
     * started on other threads. Nothing else is called afterwards.
     */
    public void close() {
    }

    /**
     * Processes one block.
     *
     * @param inputBuffers one array per channel: blockSize samples, or blockSize+2 floats of
     *                     interleaved (re, im) in the frequency domain. The arrays are reused by the
     *                     caller after return: copy what must be kept.
     * @param timestamp    time of the first sample of the block (its centre in the frequency domain)
     */
    public abstract FeatureSet process(float[][] inputBuffers, RealTime timestamp);

    /** Features that only the end of the input makes available. */
    public abstract FeatureSet getRemainingFeatures();
}
