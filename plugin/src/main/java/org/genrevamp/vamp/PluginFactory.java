package org.genrevamp.vamp;

/** Creates a plugin instance for an input sample rate in Hz; must be cheap. */
@FunctionalInterface
public interface PluginFactory {
    Plugin create(float inputSampleRate);
}
