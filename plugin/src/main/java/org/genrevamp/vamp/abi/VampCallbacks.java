package org.genrevamp.vamp.abi;

import com.sun.jna.Callback;
import com.sun.jna.Pointer;

/**
 * The function-pointer types of VampPluginDescriptor. {@code unsigned int} maps to {@code int}
 * (values stay far below 2^31); a {@code VampPluginHandle} is an opaque {@link Pointer}.
 */
public final class VampCallbacks {

    private VampCallbacks() {
    }

    /** {@code VampPluginHandle instantiate(const VampPluginDescriptor *, float inputSampleRate)}. */
    public interface Instantiate extends Callback {
        Pointer invoke(Pointer descriptor, float inputSampleRate);
    }

    /** {@code void f(VampPluginHandle)}: cleanup, reset. */
    public interface OfHandle extends Callback {
        void invoke(Pointer handle);
    }

    /** {@code int initialise(VampPluginHandle, unsigned channels, unsigned step, unsigned block)}. */
    public interface Initialise extends Callback {
        int invoke(Pointer handle, int channels, int stepSize, int blockSize);
    }

    /** {@code float getParameter(VampPluginHandle, int)}. */
    public interface GetParameter extends Callback {
        float invoke(Pointer handle, int index);
    }

    /** {@code void setParameter(VampPluginHandle, int, float)}. */
    public interface SetParameter extends Callback {
        void invoke(Pointer handle, int index, float value);
    }

    /** {@code unsigned int f(VampPluginHandle)}: program, sizes, channel and output counts. */
    public interface UnsignedOfHandle extends Callback {
        int invoke(Pointer handle);
    }

    /** {@code void selectProgram(VampPluginHandle, unsigned int)}. */
    public interface SelectProgram extends Callback {
        void invoke(Pointer handle, int program);
    }

    /** {@code VampOutputDescriptor *getOutputDescriptor(VampPluginHandle, unsigned int)}. */
    public interface GetOutputDescriptor extends Callback {
        Pointer invoke(Pointer handle, int index);
    }

    /** {@code void f(T *)}: releaseOutputDescriptor, releaseFeatureSet. */
    public interface Release extends Callback {
        void invoke(Pointer released);
    }

    /** {@code VampFeatureList *process(VampPluginHandle, const float *const *inputBuffers, int sec, int nsec)}. */
    public interface Process extends Callback {
        Pointer invoke(Pointer handle, Pointer inputBuffers, int sec, int nsec);
    }

    /** {@code VampFeatureList *getRemainingFeatures(VampPluginHandle)}. */
    public interface GetRemainingFeatures extends Callback {
        Pointer invoke(Pointer handle);
    }
}
