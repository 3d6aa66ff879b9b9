package org.genrevamp.vamp.abi;

import com.sun.jna.Callback;
import com.sun.jna.CallbackThreadInitializer;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.genrevamp.vamp.Diagnostics;
import org.genrevamp.vamp.OutputDescriptor;
import org.genrevamp.vamp.ParameterDescriptor;

/**
 * The entry points the host calls through the plugin descriptor. Each one catches every
 * Throwable: it logs one line (rate-limited), latches the instance as failed and returns a valid
 * fallback, so no exception ever reaches C. The callback objects are static: JNA's native
 * trampolines die with them.
 */
final class HostCalls {

    /** Host threads attach once, as daemons, and stay attached (attach/detach per call is ~10x slower). */
    private static final CallbackThreadInitializer ATTACH_ONCE =
            new CallbackThreadInitializer(true, false, "genre-vamp host thread");

    private static final Map<Long, Instance> INSTANCES = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT_HANDLE = new AtomicLong(1);
    /** Held whole: its strings must outlive every host that read it. */
    private static final NativeOutputDescriptor FALLBACK_OUTPUT = new NativeOutputDescriptor(
            OutputDescriptor.builder("unavailable").name("Unavailable").description("genre-vamp failed; see stderr")
                    .build());

    static final VampCallbacks.Instantiate INSTANTIATE = (descriptor, rate) -> {
        try {
            prepareThread();
            RuntimeClassPath.complete();
            FaultInjection.check("instantiate");
            Bridge.Entry entry = Bridge.entryAt(Pointer.nativeValue(descriptor));
            long handle = NEXT_HANDLE.getAndIncrement();
            INSTANCES.put(handle, new Instance(entry.factory().create(rate), entry.vampApiVersion()));
            return new Pointer(handle);
        } catch (Throwable t) {
            Diagnostics.warn("HostCalls.instantiate", Diagnostics.describe(t));
            return null;
        }
    };
    static final VampCallbacks.OfHandle CLEANUP = handle -> unguarded("cleanup", () -> {
        Instance instance = INSTANCES.remove(Pointer.nativeValue(handle));
        if (instance == null) {
            Diagnostics.warn("HostCalls.cleanup", "unknown plugin handle");
        } else {
            instance.plugin.close();   // its work on the engine's threads ends with it
        }
    });
    static final VampCallbacks.Initialise INITIALISE = (handle, channels, step, block) ->
            guarded("initialise", handle, 0, in -> in.initialise(channels, step, block) ? 1 : 0);
    static final VampCallbacks.OfHandle RESET = handle -> guarded("reset", handle, null, in -> {
        in.plugin.reset();
        return null;
    });
    static final VampCallbacks.GetParameter GET_PARAMETER = (handle, index) -> guarded("getParameter", handle, 0f,
            in -> in.plugin.getParameter(parameter(in, index).identifier()));
    static final VampCallbacks.SetParameter SET_PARAMETER = (handle, index, value) ->
            guarded("setParameter", handle, null, in -> {
                in.plugin.setParameter(parameter(in, index).identifier(), value);
                return null;
            });
    static final VampCallbacks.UnsignedOfHandle GET_CURRENT_PROGRAM = handle -> guarded("getCurrentProgram", handle, 0,
            in -> Math.max(0, in.plugin.getPrograms().indexOf(in.plugin.getCurrentProgram())));
    static final VampCallbacks.SelectProgram SELECT_PROGRAM = (handle, program) ->
            guarded("selectProgram", handle, null, in -> {
                in.plugin.selectProgram(in.plugin.getPrograms().get(program));
                return null;
            });
    static final VampCallbacks.UnsignedOfHandle GET_PREFERRED_STEP_SIZE = handle ->
            guarded("getPreferredStepSize", handle, 0, in -> Math.max(0, in.plugin.getPreferredStepSize()));
    static final VampCallbacks.UnsignedOfHandle GET_PREFERRED_BLOCK_SIZE = handle ->
            guarded("getPreferredBlockSize", handle, 0, in -> Math.max(0, in.plugin.getPreferredBlockSize()));
    static final VampCallbacks.UnsignedOfHandle GET_MIN_CHANNEL_COUNT = handle ->
            guarded("getMinChannelCount", handle, 1, in -> in.plugin.getMinChannelCount());
    static final VampCallbacks.UnsignedOfHandle GET_MAX_CHANNEL_COUNT = handle ->
            guarded("getMaxChannelCount", handle, 1, in -> in.plugin.getMaxChannelCount());
    static final VampCallbacks.UnsignedOfHandle GET_OUTPUT_COUNT = handle ->
            guardedOr("getOutputCount", handle, in -> in == null ? 0 : in.knownOutputCount(), Instance::outputCount);
    static final VampCallbacks.GetOutputDescriptor GET_OUTPUT_DESCRIPTOR = (handle, index) ->
            guarded("getOutputDescriptor", handle, FALLBACK_OUTPUT.pointer(), in -> in.outputDescriptor(index));
    /** Descriptors live until the instance's next call for the same output, or its cleanup. */
    static final VampCallbacks.Release RELEASE_OUTPUT_DESCRIPTOR = descriptor ->
            unguarded("releaseOutputDescriptor", () -> { });
    static final VampCallbacks.Process PROCESS = (handle, buffers, sec, nsec) ->
            guarded("process", handle, FeatureListWriter.EMPTY, in -> in.process(buffers, sec, nsec));
    static final VampCallbacks.GetRemainingFeatures GET_REMAINING_FEATURES = handle ->
            guarded("getRemainingFeatures", handle, FeatureListWriter.EMPTY, Instance::remaining);
    /** Feature memory belongs to the instance and is reused by its next call. */
    static final VampCallbacks.Release RELEASE_FEATURE_SET = list -> unguarded("releaseFeatureSet", () -> { });

    static {
        for (Callback c : List.of(INSTANTIATE, CLEANUP, INITIALISE, RESET, GET_PARAMETER, SET_PARAMETER,
                GET_CURRENT_PROGRAM, SELECT_PROGRAM, GET_PREFERRED_STEP_SIZE, GET_PREFERRED_BLOCK_SIZE,
                GET_MIN_CHANNEL_COUNT, GET_MAX_CHANNEL_COUNT, GET_OUTPUT_COUNT, GET_OUTPUT_DESCRIPTOR,
                RELEASE_OUTPUT_DESCRIPTOR, PROCESS, GET_REMAINING_FEATURES, RELEASE_FEATURE_SET)) {
            Native.setCallbackThreadInitializer(c, ATTACH_ONCE);
        }
    }

    private HostCalls() {
    }

    /** Forces the static initialiser (thread initialisers registered) before any trampoline exists. */
    static void load() {
    }

    private static <T> T guarded(String callback, Pointer handle, T fallback, Function<Instance, T> body) {
        return guardedOr(callback, handle, in -> fallback, body);
    }

    /** @param fallback what to answer instead, given the instance (null for an unknown handle) */
    private static <T> T guardedOr(String callback, Pointer handle, Function<Instance, T> fallback,
                                   Function<Instance, T> body) {
        Instance in = INSTANCES.get(Pointer.nativeValue(handle));
        if (in == null) {
            Diagnostics.warn("HostCalls." + callback, "unknown plugin handle");
            return fallback.apply(null);
        }
        if (in.failed) {
            return fallback.apply(in);
        }
        try {
            prepareThread();
            FaultInjection.check(callback);
            return body.apply(in);
        } catch (Throwable t) {
            in.failed = true;
            Diagnostics.warn("HostCalls." + callback, Diagnostics.describe(t)
                    + "; this plugin instance returns empty results from now on");
            return fallback.apply(in);
        }
    }

    /** For callbacks without an instance to latch: catch, log, carry on. */
    private static void unguarded(String callback, Runnable body) {
        try {
            FaultInjection.check(callback);
            body.run();
        } catch (Throwable t) {
            Diagnostics.warn("HostCalls." + callback, Diagnostics.describe(t));
        }
    }

    private static ParameterDescriptor parameter(Instance in, int index) {
        return in.plugin.getParameterDescriptors().get(index);
    }

    /**
     * A host thread attached by JNA has no context class loader, and ND4J caches the first one it
     * sees for the life of the process: give it ours before any plugin code runs.
     */
    private static void prepareThread() {
        Thread thread = Thread.currentThread();
        if (thread.getContextClassLoader() == null) {
            thread.setContextClassLoader(HostCalls.class.getClassLoader());
        }
    }
}
